import type { AuditEntryView, AuditResult } from '@gaussdb-console/api-client/browser';
import { getOperation } from '@gaussdb-console/api-client/browser';
import { clsx } from 'clsx';
import { CheckCircle2, CircleDashed, HelpCircle, XCircle } from 'lucide-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const RESULT_STYLE: Record<AuditResult, string> = {
  success: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-300',
  failure: 'bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-950 dark:text-red-300',
  unknown: 'bg-amber-50 text-amber-800 ring-amber-600/30 dark:bg-amber-950 dark:text-amber-300',
  attempted: 'bg-sky-50 text-sky-800 ring-sky-600/30 dark:bg-sky-950 dark:text-sky-300',
};
const RESULT_ICON = { success: CheckCircle2, failure: XCircle, unknown: HelpCircle, attempted: CircleDashed };

/** The result in words with its icon (never colour alone), and the DBS code of a failure. */
export function ResultBadge({ entry }: { entry: AuditEntryView }) {
  const { t } = useTranslation();
  const Icon = RESULT_ICON[entry.result];
  return (
    <div className="flex flex-col items-start gap-0.5">
      <span
        title={entry.result === 'unknown' ? t('audit.unknownHint') : undefined}
        className={clsx(
          'inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset',
          RESULT_STYLE[entry.result],
        )}
      >
        <Icon className="size-3.5" aria-hidden />
        {t(`audit.result.${entry.result}`)}
        {entry.status > 0 && <span className="font-normal opacity-80">{entry.status}</span>}
      </span>
      {entry.error_code && (
        <span className="font-mono text-xs text-red-800 dark:text-red-300">{entry.error_code}</span>
      )}
    </div>
  );
}

/** An operation's title in the user's language, as the reference words it (the contract carries both). */
export const opTitle = (t: TFunction, op: { title: string; titleZh?: string }) =>
  t('audit.lang') === 'zh' && op.titleZh ? op.titleZh : op.title;

/** An operation id in words (the contract's title, or the console's own action) with its section. */
export function operationLabel(t: TFunction, id: string): string {
  const op = getOperation(id);
  if (!op) return t(`audit.actions.${id}`, { defaultValue: id });
  return isReferenceSection(op.section) ? `${opTitle(t, op)} (${op.section})` : opTitle(t, op);
}

/** A section number of the reference (4.9.1); the console's extensions (ext.recovery) have none to show. */
export const isReferenceSection = (section: string) => /^\d+(\.\d+)*$/.test(section);

/** What was acted on: the instance as a link (in the entry's project), the other ids as they are. */
export function TargetCell({ entry, project }: { entry: AuditEntryView; project: string }) {
  const ids = Object.entries(entry.target);
  if (ids.length === 0) return <span>—</span>;
  const p = entry.project ?? project;
  return (
    <ul className="flex flex-col gap-0.5 font-mono text-xs">
      {ids.map(([k, v]) => (
        <li key={k} className="break-all">
          <span className="text-slate-500 dark:text-slate-400">{k}=</span>
          {k === 'instance_id' ? (
            <Link
              className="text-sky-700 hover:underline dark:text-sky-400"
              to={`/p/${encodeURIComponent(p)}/instances/${encodeURIComponent(v)}`}
            >
              {v}
            </Link>
          ) : (
            v
          )}
        </li>
      ))}
    </ul>
  );
}

/** The job the call started, opened in the task center of the entry's project. */
export function JobCell({ entry, project }: { entry: AuditEntryView; project: string }) {
  const { t } = useTranslation();
  if (!entry.job_id) return <span>—</span>;
  return (
    <Link
      className="font-mono text-xs text-sky-700 hover:underline dark:text-sky-400"
      to={`/p/${encodeURIComponent(entry.project ?? project)}/tasks?job=${encodeURIComponent(entry.job_id)}`}
      title={t('audit.openJob')}
    >
      {entry.job_id.slice(0, 8)}…
    </Link>
  );
}
