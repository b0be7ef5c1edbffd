import { useSyncExternalStore } from 'react';

export interface Toast {
  id: number;
  tone: 'success' | 'error' | 'info';
  title: string;
  body?: string;
  href?: string;
  /** Failures stay until dismissed (UI.md "Live work"). */
  sticky: boolean;
}

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function pushToast(t: Omit<Toast, 'id' | 'sticky'> & { sticky?: boolean }): number {
  const id = nextId++;
  const toast: Toast = { ...t, id, sticky: t.sticky ?? t.tone === 'error' };
  toasts = [...toasts.slice(-4), toast];
  emit();
  if (!toast.sticky) setTimeout(() => dismissToast(id), 6000);
  return id;
}

export function dismissToast(id: number): void {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

export function useToasts(): Toast[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => toasts,
  );
}
