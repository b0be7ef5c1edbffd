import * as RD from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The one dialog of the console: focus trapped, Escape closes, title and description announced. */
export function Dialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <RD.Root open={props.open} onOpenChange={props.onOpenChange}>
      <RD.Portal>
        <RD.Overlay className="fixed inset-0 z-40 bg-slate-950/50" />
        <RD.Content
          className={`fixed top-[12vh] left-1/2 z-50 max-h-[80vh] w-[calc(100vw-2rem)] -translate-x-1/2 overflow-auto rounded-lg border border-slate-200 bg-white p-5 shadow-xl dark:border-slate-700 dark:bg-slate-900 ${props.wide ? 'max-w-2xl' : 'max-w-md'}`}
          aria-describedby={props.description ? undefined : undefined}
        >
          <div className="mb-3 flex items-start justify-between gap-4">
            <RD.Title className="text-base font-semibold">{props.title}</RD.Title>
            <RD.Close
              className="rounded p-1 text-slate-500 dark:text-slate-400 hover:bg-slate-100 dark:hover:bg-slate-800"
              aria-label={t('common.close')}
            >
              <X className="size-4" aria-hidden />
            </RD.Close>
          </div>
          {props.description ? (
            <RD.Description asChild>
              <div className="mb-3 text-sm text-slate-600 dark:text-slate-300">{props.description}</div>
            </RD.Description>
          ) : (
            <RD.Description className="sr-only">{props.title}</RD.Description>
          )}
          {props.children}
          {props.footer && <div className="mt-5 flex justify-end gap-2">{props.footer}</div>}
        </RD.Content>
      </RD.Portal>
    </RD.Root>
  );
}
