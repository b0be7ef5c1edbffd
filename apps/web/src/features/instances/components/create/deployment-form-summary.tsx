import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useDeploymentForm, type SolutionName } from '../../../flavors/api/use-deployment-form';
import type { WizardValues } from './wizard-values';

/** The solution 4.4.12 knows the chosen deployment by: a distributed instance is `hws` (4.4.1's default). */
export const solutionOf = (v: Pick<WizardValues, 'ha' | 'solution'>): SolutionName =>
  v.ha.mode === 'enterprise' ? 'hws' : v.solution;

/** Read-only "what you get" for the chosen deployment, from the service's deployment form (4.4.12). */
export function DeploymentFormSummary() {
  const { t } = useTranslation();
  const project = useParams().project ?? '';
  const [mode, solution] = useWatch<WizardValues, ['ha.mode', 'solution']>({ name: ['ha.mode', 'solution'] });
  const name = solutionOf({ ha: { mode } as WizardValues['ha'], solution });
  const form = useDeploymentForm(project, name);
  const distributed = mode === 'enterprise';

  let body;
  if (form.isPending)
    body = (
      <p role="status" className="text-slate-500 dark:text-slate-400">
        {t('createExtras.form.loading')}
      </p>
    );
  else if (form.isError)
    body = (
      <p className="text-amber-800 dark:text-amber-300">
        {t('createExtras.form.failed')}{' '}
        <button type="button" className="font-medium underline" onClick={() => void form.refetch()}>
          {t('common.retry')}
        </button>
      </p>
    );
  else {
    const f = form.data;
    const rows: [string, string][] = [];
    if (f.initial_node_num != null) rows.push([t('createExtras.form.nodes'), String(f.initial_node_num)]);
    if (f.shard_num != null)
      rows.push([
        t('createExtras.form.shards'),
        distributed ? t('createExtras.form.shardsDefault', { count: f.shard_num }) : String(f.shard_num),
      ]);
    if (f.replica_num != null) rows.push([t('createExtras.form.replicas'), String(f.replica_num)]);
    body = (
      <>
        <dl className="flex flex-wrap gap-x-6 gap-y-1">
          {rows.map(([k, v]) => (
            <div key={k} className="flex gap-1.5">
              <dt className="text-slate-500 dark:text-slate-400">{k}</dt>
              <dd className="font-medium tabular-nums">{v}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          {t('createExtras.form.source', {
            solution: t(`instances.solution.${f.solution ?? name}`, { defaultValue: f.solution ?? name }),
          })}
        </p>
      </>
    );
  }
  return (
    <section
      aria-labelledby="create-deployment-form"
      className="max-w-2xl rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-800/60"
    >
      <h3 id="create-deployment-form" className="mb-1 text-sm font-semibold">
        {t('createExtras.form.title')}
      </h3>
      {body}
    </section>
  );
}
