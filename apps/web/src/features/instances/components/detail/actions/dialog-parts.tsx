import { clsx } from 'clsx';
import { AlertCircle, Info } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BffError } from '../../../../../shared/lib/bff';
import { Button } from '../../../../../shared/ui/button';
import { ConfirmDanger } from '../../../../../shared/ui/confirm-danger';
import { Dialog } from '../../../../../shared/ui/dialog';

/** Pieces the action dialogs share: a field with its rule, the server's word on a field, a two-step danger flow. */

export const inputClass =
  'h-8 w-full rounded-md border border-slate-300 bg-white px-2.5 text-sm text-slate-900 placeholder:text-slate-400 ' +
  'focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600/30 aria-[invalid=true]:border-red-500 ' +
  'disabled:opacity-60 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100';

export { instanceAzs } from '../../../lib/instance-azs';

/** Mutation options for an action dialog: hand the started job to the header, then close. */
export function followJob(
  onJob: (jobId: string) => void,
  close: () => void,
): { onSuccess: (response: unknown) => void } {
  return {
    onSuccess: (response) => {
      const job = jobIdOf(response);
      if (job) onJob(job);
      close();
    },
  };
}

/** The job an accepted call started; prepaid orders may answer with an order id alone. */
export function jobIdOf(response: unknown): string | undefined {
  const job =
    typeof response === 'object' && response !== null ? (response as { job_id?: unknown }).job_id : undefined;
  return typeof job === 'string' && job ? job : undefined;
}

/** The server's message for a field (`enlarge_volume.size`, `shards[0].component_id`), with its DBS code. */
export function serverFieldError(error: unknown, path: string): string | undefined {
  if (!(error instanceof BffError) || !error.fields) return undefined;
  const f = error.fields.find(
    (x) => x.path === path || x.path.startsWith(`${path}.`) || x.path.startsWith(`${path}[`),
  );
  if (!f) return undefined;
  return error.code.startsWith('DBS.') ? `${error.code}: ${f.message}` : f.message;
}

/**
 * A labelled control with the reference's rule under it from the start (UI.md "Forms"); the rule turns red
 * while the value breaks it, and the server's message for the field appears below.
 */
export function RuleField(props: {
  id: string;
  label: string;
  rule?: ReactNode;
  invalid?: boolean;
  error?: string;
  children: (a11y: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const describedBy =
    [props.rule ? `${props.id}-rule` : '', props.error ? `${props.id}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <div className="mb-3">
      <label htmlFor={props.id} className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200">
        {props.label}
      </label>
      {props.children({
        id: props.id,
        'aria-invalid': !!props.invalid || !!props.error,
        'aria-describedby': describedBy,
      })}
      {props.rule && (
        <p
          id={`${props.id}-rule`}
          className={clsx(
            'mt-1 text-xs',
            props.invalid ? 'text-red-700 dark:text-red-400' : 'text-slate-500 dark:text-slate-400',
          )}
        >
          {props.rule}
        </p>
      )}
      {props.error && (
        <p
          id={`${props.id}-error`}
          className="mt-1 flex items-start gap-1 text-xs text-red-700 dark:text-red-400"
        >
          <AlertCircle className="mt-px size-3.5 shrink-0" aria-hidden />
          <span>{props.error}</span>
        </p>
      )}
    </div>
  );
}

/** A calm explanation box: what the action does to the running system. */
export function Note({ children, tone = 'info' }: { children: ReactNode; tone?: 'info' | 'warn' }) {
  return (
    <div
      className={clsx(
        'mb-3 flex items-start gap-2 rounded-md border p-2.5 text-xs',
        tone === 'warn'
          ? 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200'
          : 'border-sky-200 bg-sky-50 text-sky-900 dark:border-sky-900 dark:bg-sky-950 dark:text-sky-200',
      )}
    >
      <Info className="mt-px size-3.5 shrink-0" aria-hidden />
      <div>{children}</div>
    </div>
  );
}

/**
 * Destructive actions with choices: first the choices (a normal dialog), then the typed-name confirmation
 * that states the consequence (ConfirmDanger). Closing at any step starts over.
 */
export function DangerFlow(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  form: ReactNode;
  canContinue: boolean;
  confirmTitle: string;
  consequence: ReactNode;
  confirmText: string;
  actionLabel: string;
  pending?: boolean;
  error?: ReactNode;
  onConfirm: () => void;
  wide?: boolean;
}) {
  const { t } = useTranslation();
  const [step, setStep] = useState<'pick' | 'confirm'>('pick');
  const change = (o: boolean) => {
    if (!o) setStep('pick');
    props.onOpenChange(o);
  };
  if (step === 'confirm') {
    return (
      <ConfirmDanger
        open={props.open}
        onOpenChange={change}
        title={props.confirmTitle}
        consequence={props.consequence}
        confirmText={props.confirmText}
        actionLabel={props.actionLabel}
        pending={props.pending}
        error={props.error}
        onConfirm={props.onConfirm}
      />
    );
  }
  return (
    <Dialog
      open={props.open}
      onOpenChange={change}
      title={props.title}
      description={props.description}
      wide={props.wide}
      footer={
        <>
          <Button onClick={() => change(false)}>{t('common.cancel')}</Button>
          <Button variant="danger" disabled={!props.canContinue} onClick={() => setStep('confirm')}>
            {t('instanceActions.common.continue')}
          </Button>
        </>
      }
    >
      {props.form}
    </Dialog>
  );
}
