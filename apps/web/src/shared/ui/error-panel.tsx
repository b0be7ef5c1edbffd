import { AlertOctagon } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { BffError } from '../lib/bff';
import { Button } from './button';

/** The console's code for a mutation whose answer never came: it may have been applied. */
export const OUTCOME_UNKNOWN = 'OUTCOME_UNKNOWN';

/**
 * The one way the console shows a failure: what failed (the title), the server's `DBS.*` code and message
 * verbatim, the fields it named that the form could not show, the request id for a ticket, and a retry
 * where retrying makes sense. A mutation whose outcome is unknown says so and links the job when known,
 * never "try again".
 */
export function ErrorPanel(props: {
  error: unknown;
  /** What failed, in words ("Could not load the instances"); defaults by kind. */
  title?: string;
  onRetry?: () => void;
  /** Inside a page's content (margins) rather than inside a form or dialog. */
  page?: boolean;
  /** Extra explanation (e.g. what a quota refusal means). */
  children?: ReactNode;
  /** The fields the server named are shown where they belong (a form's fields): do not list them here. */
  hideFields?: boolean;
}) {
  const { t } = useTranslation();
  const { project } = useParams();
  const e = props.error instanceof BffError ? props.error : undefined;
  if (!props.error) return null;
  const unknown = e?.code === OUTCOME_UNKNOWN;
  const message = e ? (e.message.startsWith('errors.') ? t(e.message) : e.message) : t('errors.unexpected');
  const title =
    props.title ??
    (unknown
      ? t('errors.outcomeUnknown')
      : e?.status === 403 && !e.code.startsWith('DBS.') && e.code !== 'CSRF_REJECTED'
        ? t('errors.forbidden')
        : undefined);
  const jobId = typeof e?.details.job_id === 'string' ? e.details.job_id : undefined;
  return (
    <div
      role="alert"
      className={`flex items-start gap-3 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200 ${props.page ? 'm-4' : ''}`}
    >
      <AlertOctagon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="min-w-0 flex-1">
        {title && <p className="font-medium">{title}</p>}
        {props.children}
        <p className={props.children || title ? 'mt-1' : undefined}>
          {e?.code.startsWith('DBS.') && <span className="mr-1 font-mono">{e.code}</span>}
          {message}
        </p>
        {!props.hideFields &&
          e?.fields?.map((f) => (
            <p key={f.path} className="text-xs">
              <span className="font-mono">{f.path}</span>: {f.message}
            </p>
          ))}
        {unknown && project && (
          <p className="mt-1">
            <Link
              className="underline"
              to={
                jobId
                  ? `/p/${encodeURIComponent(project)}/tasks?job=${encodeURIComponent(jobId)}`
                  : `/p/${encodeURIComponent(project)}/tasks`
              }
            >
              {jobId ? t('errors.openFoundJob') : t('errors.checkTasks')}
            </Link>
          </p>
        )}
        {e?.requestId && (
          <p className="mt-1 font-mono text-xs opacity-80">{t('errors.requestId', { id: e.requestId })}</p>
        )}
      </div>
      {props.onRetry && (
        <Button size="sm" onClick={props.onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </div>
  );
}
