import type { OperationId } from '@gaussdb-console/api-client/browser';
import { CheckCircle2, Loader2, XCircle } from 'lucide-react';
import type { ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { ErrorPanel } from '../ui/error-panel';
import { JobProgress } from '../ui/job-progress';
import { useDialogForm, type DangerConfirmation } from './dialog-form';
import type { OperationForm } from './use-operation-form';

/**
 * The frame of every action dialog: title, what the action does, the body, a footer with cancel and the
 * action; a refusal shown whole when it concerns no field. Read-only dialogs (a download link, a list)
 * use it directly; dialogs that run an operation use OperationDialog below.
 */
export function ActionDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  /** The buttons after Cancel (Cancel becomes Close when there are none). */
  actions?: ReactNode;
  error?: unknown;
  /** The refusal's fields are already shown on the form's fields. */
  errorFieldsShown?: boolean;
  wide?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={props.title}
      description={props.description}
      wide={props.wide}
      footer={
        <>
          <Button onClick={() => props.onOpenChange(false)}>
            {props.actions ? t('common.cancel') : t('common.close')}
          </Button>
          {props.actions}
        </>
      }
    >
      {props.children}
      {props.error ? (
        <div className="mt-3">
          <ErrorPanel error={props.error} hideFields={props.errorFieldsShown} />
        </div>
      ) : null}
    </Dialog>
  );
}

/** The job an accepted call started, followed to its end inside the dialog. */
function FollowedJob<K extends OperationId, S extends z.ZodType<FieldValues, FieldValues>>({
  op,
}: {
  op: OperationForm<K, S>;
}) {
  const { t } = useTranslation();
  const job = op.job;
  const jobId = op.accepted?.jobId;
  const name = op.operation.job?.names[0];
  const what = name ? t(`jobs.names.${name}`, { defaultValue: name }) : op.operation.title;
  if (!job || !jobId) {
    return (
      <p role="status" className="flex items-center gap-2 text-sm text-emerald-800 dark:text-emerald-300">
        <CheckCircle2 className="size-4" aria-hidden />
        {t('forms.accepted')}
      </p>
    );
  }
  const taskLink = `/p/${encodeURIComponent(op.project)}/tasks?job=${encodeURIComponent(jobId)}`;
  return (
    <div role="status" aria-live="polite" className="space-y-2 text-sm">
      {job.status === 'Running' && (
        <>
          <p className="flex items-center gap-2">
            <Loader2 className="size-4 animate-spin motion-reduce:animate-none" aria-hidden />
            {t('forms.jobRunning', { what })}
          </p>
          <JobProgress value={job.progress} label={what} />
          <p className="text-xs text-slate-500 dark:text-slate-400">{t('forms.keepsRunning')}</p>
        </>
      )}
      {job.status === 'Completed' && (
        <p className="flex items-center gap-2 text-emerald-800 dark:text-emerald-300">
          <CheckCircle2 className="size-4" aria-hidden />
          {t('forms.jobCompleted', { what })}
        </p>
      )}
      {job.status === 'Failed' && (
        <div className="text-red-800 dark:text-red-300">
          <p className="flex items-center gap-2 font-medium">
            <XCircle className="size-4" aria-hidden />
            {t('forms.jobFailed', { what })}
          </p>
          {job.failReason && <p className="mt-1">{job.failReason}</p>}
        </div>
      )}
      <Link className="text-xs text-sky-700 underline dark:text-sky-400" to={taskLink}>
        {t('forms.openTask')}
      </Link>
    </div>
  );
}

/**
 * A dialog that runs one operation through its form (useOperationForm): fields validated as the user
 * types, Enter submits, the action disabled while the values break a rule; for destructive actions a red
 * button, the consequence in one sentence and the target's name typed. After acceptance the dialog
 * either closes (the caller follows the job, as the instance header does) or follows the job itself.
 */
export interface OperationDialogProps<K extends OperationId, S extends z.ZodType<FieldValues, FieldValues>> {
  op: OperationForm<K, S>;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  submitLabel: string;
  danger?: DangerConfirmation;
  /** A red action button without the typed name (reversible, but worth a second look: unbinding an EIP). */
  destructive?: boolean;
  /** Only look: no action button (the role may not run the operation, or the state forbids it now). */
  readOnly?: boolean;
  /** False while something the schema cannot see still blocks the action (e.g. nothing changed yet). */
  canSubmit?: boolean;
  afterAccept?: 'close' | 'follow';
  wide?: boolean;
  children?: ReactNode;
}

export function OperationDialog<K extends OperationId, S extends z.ZodType<FieldValues, FieldValues>>(
  props: OperationDialogProps<K, S>,
) {
  const { t } = useTranslation();
  const { op } = props;
  const following = props.afterAccept === 'follow' && !!op.accepted;
  const dialog = useDialogForm(op, {
    onOpenChange: props.onOpenChange,
    danger: props.danger,
    canSubmit: props.canSubmit,
    closeWhen: props.afterAccept !== 'follow' && !!op.accepted && props.open,
  });
  return (
    <ActionDialog
      open={props.open}
      onOpenChange={dialog.change}
      title={props.title}
      description={props.description}
      wide={props.wide}
      error={following ? undefined : op.error}
      errorFieldsShown={op.placedOnFields}
      actions={
        following || props.readOnly
          ? undefined
          : dialog.submitButton(props.submitLabel, !!props.danger || !!props.destructive)
      }
    >
      {following ? <FollowedJob op={op} /> : dialog.body(props.children)}
      {following ? null : op.pending ? <span className="sr-only">{t('forms.submitting')}</span> : null}
    </ActionDialog>
  );
}
