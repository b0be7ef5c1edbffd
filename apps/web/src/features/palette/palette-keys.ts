/** Ctrl+K (⌘K on a Mac) toggles the palette from anywhere, even from a field. */
export const isPaletteChord = (e: KeyboardEvent) =>
  (e.key === 'k' || e.key === 'K') && (e.metaKey || e.ctrlKey) && !e.altKey && !e.shiftKey;

/** "/" opens it too, but only where it would not be typed into something. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** Inside an open dialog or menu "/" belongs to it (typeahead, a form), not to the palette. */
const insideOverlay = (target: EventTarget | null) =>
  target instanceof Element && !!target.closest('[role="dialog"], [role="menu"], [role="listbox"]');

export const isSlashShortcut = (e: KeyboardEvent) =>
  e.key === '/' &&
  !e.metaKey &&
  !e.ctrlKey &&
  !e.altKey &&
  !isTypingTarget(e.target) &&
  !insideOverlay(e.target);

export const isApple = () =>
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
