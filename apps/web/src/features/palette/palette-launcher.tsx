import { Search } from 'lucide-react';
import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadInstanceActions } from './command-palette';
import { isApple, isPaletteChord, isSlashShortcut } from './palette-keys';

/** A page the palette can jump to: an i18n key, its address in a project and its icon. */
export interface PalettePage {
  key: string;
  to: (project: string) => string;
  icon: ComponentType<{ className?: string; 'aria-hidden'?: boolean }>;
}

// The palette (cmdk, the dialog, the search) is its own chunk: the shell carries only this button and the
// shortcut. Hovering or focusing the button starts the download before the click.
const loadPalette = () => import('./command-palette');
const CommandPalette = lazy(async () => ({ default: (await loadPalette()).CommandPalette }));

/** The top bar's "Search ⌘K" button and the global shortcuts (Ctrl/⌘+K, and "/" outside fields). */
export function PaletteLauncher({
  project,
  pages,
  loadActions,
}: {
  project: string;
  pages: PalettePage[];
  loadActions: LoadInstanceActions;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // Mounted on first use and kept, so reopening is instant and the close animation has a tree to run on.
  const [used, setUsed] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isPaletteChord(e)) {
        e.preventDefault();
        setUsed(true);
        setOpen((o) => !o);
      } else if (isSlashShortcut(e)) {
        e.preventDefault();
        setUsed(true);
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const chord = isApple() ? '⌘K' : 'Ctrl K';
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
        onPointerEnter={() => void loadPalette()}
        onFocus={() => void loadPalette()}
        title={t('palette.buttonLabel')}
        aria-keyshortcuts="Control+K Meta+K /"
        aria-haspopup="dialog"
        className="inline-flex h-8 items-center gap-2 rounded-md border border-slate-300 bg-white px-2.5 text-sm text-slate-600 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-300 dark:hover:bg-slate-700"
      >
        <Search className="size-4" aria-hidden />
        <span>{t('palette.button')}</span>{' '}
        <kbd className="rounded border border-slate-300 px-1 font-sans text-[11px] text-slate-500 dark:border-slate-600 dark:text-slate-400">
          {chord}
        </kbd>
      </button>
      {used && (
        <Suspense fallback={null}>
          <CommandPalette
            open={open}
            onOpenChange={setOpen}
            project={project}
            pages={pages}
            loadActions={loadActions}
          />
        </Suspense>
      )}
    </>
  );
}
