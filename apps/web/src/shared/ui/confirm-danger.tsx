import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';
import { Dialog } from './dialog';

/**
 * Confirmation for destructive actions: states the consequence and asks the user to type the target's
 * name, so nothing is destroyed by a stray click (UI.md "Dangerous actions").
 */
export function ConfirmDanger(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  consequence: ReactNode;
  confirmText: string;
  actionLabel: string;
  pending?: boolean;
  error?: ReactNode;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const matches = typed === props.confirmText;
  return (
    <Dialog
      open={props.open}
      onOpenChange={(o) => {
        if (!o) setTyped('');
        props.onOpenChange(o);
      }}
      title={props.title}
      description={props.consequence}
      footer={
        <>
          <Button onClick={() => props.onOpenChange(false)}>{t('common.cancel')}</Button>
          <Button variant="danger" disabled={!matches || props.pending} onClick={props.onConfirm}>
            {props.actionLabel}
          </Button>
        </>
      }
    >
      <label className="block text-sm">
        <span className="mb-1 block">{t('danger.typeToConfirm', { name: props.confirmText })}</span>
        <input
          className="h-9 w-full rounded-md border border-slate-300 bg-white px-2.5 font-mono dark:border-slate-600 dark:bg-slate-800"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      {props.error && <div className="mt-3">{props.error}</div>}
    </Dialog>
  );
}
