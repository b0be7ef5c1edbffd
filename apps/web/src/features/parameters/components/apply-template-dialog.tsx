import type { ParameterTemplateDetail } from '@gaussdb-console/api-client/browser';
import { CheckCircle2, Loader2, XCircle } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useJob } from '../../../shared/api/jobs';
import { Note } from '../../../shared/forms/form-field';
import { ActionDialog } from '../../../shared/forms/operation-dialog';
import { parseProgress } from '../../../shared/lib/format';
import { Button } from '../../../shared/ui/button';
import { ErrorPanel } from '../../../shared/ui/error-panel';
import { filterInputClass } from '../../../shared/ui/filter-input';
import { JobProgress } from '../../../shared/ui/job-progress';
import { ErrorState, Loading } from '../../../shared/ui/states';
import { useApplicableInstances } from '../api/use-applicable-instances';
import { useApplyTemplate, type ApplyOutcome } from '../api/use-apply-template';

/** How many instances the picker lists at once; typing narrows the rest. */
const SHOWN = 100;

/** One instance's application: refused with its reason, or its job followed to the end. */
function ApplyOutcomeRow({
  project,
  outcome,
  name,
}: {
  project: string;
  outcome: ApplyOutcome;
  name: string;
}) {
  const { t } = useTranslation();
  const job = useJob(project, outcome.jobId).data?.job;
  const status = outcome.error ? 'Refused' : (job?.status ?? 'Running');
  return (
    <li className="border-b border-slate-100 py-2 last:border-0 dark:border-slate-800">
      <div className="flex items-center gap-2 text-sm">
        {status === 'Completed' ? (
          <CheckCircle2 className="size-4 text-emerald-700 dark:text-emerald-400" aria-hidden />
        ) : status === 'Running' ? (
          <Loader2
            className="size-4 animate-spin text-sky-700 motion-reduce:animate-none dark:text-sky-400"
            aria-hidden
          />
        ) : (
          <XCircle className="size-4 text-red-700 dark:text-red-400" aria-hidden />
        )}
        <span className="font-medium">{name}</span>
        <span className="ml-auto text-xs">
          {t(`parameters.apply.status.${status}`, { defaultValue: status })}
        </span>
      </div>
      {outcome.error ? (
        <div className="mt-1">
          <ErrorPanel error={outcome.error} />
        </div>
      ) : (
        <div className="mt-1 flex items-center gap-3">
          {status === 'Running' && (
            <div className="flex-1">
              <JobProgress
                value={parseProgress(job?.progress ?? job?.process)}
                label={t('parameters.apply.progressOf', { name })}
              />
            </div>
          )}
          {status === 'Failed' && job?.fail_reason && (
            <p className="flex-1 text-xs text-red-700 dark:text-red-400">{job.fail_reason}</p>
          )}
          {outcome.jobId && (
            <Link
              className="text-xs text-sky-700 underline dark:text-sky-400"
              to={`/p/${encodeURIComponent(project)}/tasks?job=${encodeURIComponent(outcome.jobId)}`}
            >
              {t('forms.openTask')}
            </Link>
          )}
        </div>
      )}
    </li>
  );
}

/**
 * 4.5.12: picks instances the template fits (4.5.10) and applies it to each (one job per instance), then
 * follows every job to its end. The consequence is said first: the template replaces all of their values.
 */
export function ApplyTemplateDialog(props: {
  project: string;
  template: ParameterTemplateDetail;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onShowHistory: () => void;
}) {
  const { t } = useTranslation();
  const { project, template } = props;
  const applicable = useApplicableInstances(project, template.id, props.open);
  const apply = useApplyTemplate(project, template.id);
  const [selected, setSelected] = useState<string[]>([]);
  const [filter, setFilter] = useState('');
  const names = useMemo(
    () => new Map((applicable.data ?? []).map((i) => [i.instance_id, i.instance_name ?? i.instance_id])),
    [applicable.data],
  );
  const matching = useMemo(
    () =>
      (applicable.data ?? []).filter((i) =>
        `${i.instance_name ?? ''} ${i.instance_id}`.toLowerCase().includes(filter.trim().toLowerCase()),
      ),
    [applicable.data, filter],
  );
  const outcomes = apply.data;
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => (on ? [...new Set([...s, id])] : s.filter((x) => x !== id)));
  const shown = matching.slice(0, SHOWN);
  const allShown = shown.length > 0 && shown.every((i) => selected.includes(i.instance_id));

  return (
    <ActionDialog
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('parameters.apply.title', { name: template.name })}
      description={outcomes ? undefined : t('parameters.apply.what')}
      wide
      actions={
        outcomes ? (
          <Button variant="primary" onClick={props.onShowHistory}>
            {t('parameters.apply.showHistory')}
          </Button>
        ) : (
          <Button
            variant="primary"
            disabled={selected.length === 0 || apply.isPending}
            onClick={() => apply.mutate(selected)}
          >
            {apply.isPending
              ? t('forms.submitting')
              : t('parameters.apply.submit', { count: selected.length })}
          </Button>
        )
      }
    >
      {outcomes ? (
        <div role="status" aria-live="polite">
          <ul>
            {outcomes.map((o) => (
              <ApplyOutcomeRow
                key={o.instanceId}
                project={project}
                outcome={o}
                name={names.get(o.instanceId) ?? o.instanceId}
              />
            ))}
          </ul>
          <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">{t('forms.keepsRunning')}</p>
        </div>
      ) : applicable.isPending ? (
        <Loading />
      ) : applicable.isError ? (
        <ErrorState error={applicable.error} onRetry={() => void applicable.refetch()} />
      ) : (applicable.data ?? []).length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">{t('parameters.apply.none')}</p>
      ) : (
        <>
          <Note tone="warn">{t('parameters.apply.consequence')}</Note>
          <div className="mb-2 flex flex-wrap items-center gap-3">
            <input
              aria-label={t('parameters.apply.filter')}
              placeholder={t('parameters.apply.filter')}
              className={`${filterInputClass} w-60`}
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
            <label className="inline-flex items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                checked={allShown}
                onChange={(e) => shown.forEach((i) => toggle(i.instance_id, e.target.checked))}
              />
              {t('parameters.apply.selectShown', { count: shown.length })}
            </label>
            <span className="ml-auto text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
              {t('parameters.apply.selected', {
                count: selected.length,
                total: applicable.data?.length ?? 0,
              })}
            </span>
          </div>
          <fieldset className="max-h-64 overflow-auto rounded-md border border-slate-200 p-2 dark:border-slate-700">
            <legend className="sr-only">{t('parameters.apply.instances')}</legend>
            {shown.map((i) => (
              <label key={i.instance_id} className="flex items-center gap-2 py-0.5 text-sm">
                <input
                  type="checkbox"
                  checked={selected.includes(i.instance_id)}
                  onChange={(e) => toggle(i.instance_id, e.target.checked)}
                />
                <span>{i.instance_name ?? i.instance_id}</span>
                <span className="font-mono text-xs text-slate-500 dark:text-slate-400">
                  {i.instance_id.slice(0, 8)}…
                </span>
              </label>
            ))}
            {matching.length > SHOWN && (
              <p className="pt-1 text-xs text-slate-500 dark:text-slate-400">
                {t('parameters.apply.more', { count: matching.length - SHOWN })}
              </p>
            )}
          </fieldset>
        </>
      )}
    </ActionDialog>
  );
}
