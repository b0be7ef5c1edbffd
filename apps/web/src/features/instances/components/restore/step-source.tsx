import type { ReactNode } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Field, inputClass, Note } from '../../../../shared/forms/form-field';
import { formatDuration, formatGb, formatTime } from '../../../../shared/lib/format';
import { CopyId } from '../../../../shared/ui/copy-id';
import type { Backup } from '@gaussdb-console/api-client/browser';
import { backupEnd } from '../../../backups/api/use-backups';
import { ruleText } from '../create/rule-text';
import type { WizardValues } from '../create/wizard-values';
import { sourceDiskGb, sourceName, sourceVersion, type RestoreSourceFacts } from './restore-values';

/** Rows of facts: a term and its value. */
export function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[minmax(9rem,max-content)_1fr] gap-x-4 gap-y-1 text-sm">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-500 dark:text-slate-400">{k}</dt>
          <dd className="min-w-0 break-words">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What will be restored, in words: from which instance, which backup or point in time, and its shape then. */
export function SourceFacts(props: { facts: RestoreSourceFacts; base: Backup | undefined; project: string }) {
  const { t } = useTranslation();
  const { facts, base } = props;
  const p = facts.point;
  const s = facts.snapshot;
  const mode = (s?.cluster_mode ?? '').toLowerCase() === 'ha' ? 'centralized' : 'distributed';
  const rows: [string, ReactNode][] = [
    [
      t('restoreInstance.source.instance'),
      <span key="i">
        {facts.instance ? (
          <Link
            className="text-sky-700 hover:underline dark:text-sky-400"
            to={`/p/${encodeURIComponent(props.project)}/instances/${encodeURIComponent(p.instanceId)}?tab=backups`}
          >
            {sourceName(facts)}
          </Link>
        ) : (
          <>
            {sourceName(facts)}{' '}
            <span className="text-xs text-slate-500 dark:text-slate-400">
              {t('restoreInstance.source.gone')}
            </span>
          </>
        )}
        <br />
        <CopyId value={p.instanceId} />
      </span>,
    ],
    p.type === 'backup'
      ? [
          t('restoreInstance.source.backup'),
          facts.backup
            ? t('restoreInstance.source.backupValue', {
                name: facts.backup.name ?? facts.backup.id,
                time: formatTime(backupEnd(facts.backup)).text,
              })
            : p.backupId,
        ]
      : [t('restoreInstance.source.time'), formatTime(p.restoreTime).text],
  ];
  if (p.type === 'timestamp')
    rows.push([
      t('restoreInstance.source.base'),
      base
        ? t('restoreInstance.source.baseValue', {
            name: base.name ?? base.id,
            time: formatTime(backupEnd(base)).text,
            replay: formatDuration(p.restoreTime - backupEnd(base)),
          })
        : t('restoreInstance.source.baseUnknown'),
    ]);
  if (s)
    rows.push(
      [
        t('restoreInstance.source.deployment'),
        t(`restoreInstance.source.mode.${mode}`, { solution: s.solution ?? '' }),
      ],
      [t('restoreInstance.source.engine'), s.engine_version ?? sourceVersion(facts)],
      ...((mode === 'distributed'
        ? [
            [t('restoreInstance.source.shards'), String(s.sharding_num ?? '—')],
            [t('restoreInstance.source.coordinators'), String(s.coordinator_num ?? '—')],
          ]
        : []) as [string, ReactNode][]),
      [
        t('restoreInstance.source.nodes'),
        t('restoreInstance.source.nodesValue', { nodes: s.node_num ?? '—', replicas: s.replica_num ?? '—' }),
      ],
      [t('restoreInstance.source.disk'), formatGb(sourceDiskGb(facts))],
    );
  return <Facts rows={rows} />;
}

/** Step 1: what is restored (read-only, with a way back to choose another point) and the new instance's name. */
export function StepSource(props: {
  facts: RestoreSourceFacts;
  base: Backup | undefined;
  project: string;
  /** Why the chosen point cannot be restored any more (the windows moved), if so. */
  stale?: string;
}) {
  const { t } = useTranslation();
  const { register } = useFormContext<WizardValues>();
  const v = useWatch<WizardValues>() as WizardValues;
  const back = `/p/${encodeURIComponent(props.project)}/instances/${encodeURIComponent(props.facts.point.instanceId)}?tab=backups`;
  return (
    <div className="grid gap-4">
      <section
        className="rounded-md border border-slate-200 p-3 dark:border-slate-700"
        aria-labelledby="restore-source-heading"
      >
        <div className="mb-2 flex flex-wrap items-center gap-3">
          <h3 id="restore-source-heading" className="text-sm font-semibold">
            {t('restoreInstance.source.title')}
          </h3>
          {props.facts.instance && (
            <Link to={back} className="ml-auto text-xs text-sky-700 hover:underline dark:text-sky-400">
              {t('restoreInstance.source.change')}
            </Link>
          )}
        </div>
        <SourceFacts facts={props.facts} base={props.base} project={props.project} />
      </section>
      {props.stale && <Note tone="warn">{props.stale}</Note>}
      <Note>{t('restoreInstance.source.rules')}</Note>
      <Field name="name" label={t('restoreInstance.fields.name')} rule={ruleText(t, 'name', v)}>
        {(a) => (
          <input
            {...a}
            {...register('name')}
            className={`${inputClass} max-w-md font-mono`}
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </Field>
    </div>
  );
}
