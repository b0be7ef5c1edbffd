import type { Instance } from '@gaussdb-console/api-client/browser';
import { CircleCheck, CirclePause } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../shared/api/policy';
import { Button } from '../../../shared/ui/button';
import { StartDatabaseDialog } from './start-database-dialog';

/** Nodes whose database service is stopped (4.4.19 stopped them; the instance list says STOPPED). */
export const stoppedNodes = (instance: Instance) =>
  (instance.nodes ?? []).filter((n) => (n.status ?? '').toUpperCase() === 'STOPPED');

/** States in which the service cannot be started: the instance is busy with another change or not built. */
const STARTABLE = new Set(['ACTIVE', 'STORAGE FULL', 'UPGRADE TO BE OBSERVED', 'BACKING UP']);

/**
 * The database service (4.9.9): running on every node, or stopped on some, with the action to start it
 * where the reference offers it and, when the instance's state forbids it, why.
 */
export function DatabaseService({ project, instance }: { project: string; instance: Instance }) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(false);
  const stopped = stoppedNodes(instance);
  const blocked = STARTABLE.has(instance.status)
    ? undefined
    : t('databases.service.blocked', {
        status: t(`status.${instance.status.replace(/\s+/g, '_')}`, { defaultValue: instance.status }),
      });
  return (
    <section
      aria-labelledby="db-service"
      className="flex flex-wrap items-center gap-3 rounded-md border border-slate-200 bg-white p-3 text-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h3 id="db-service" className="font-semibold">
        {t('databases.service.title')}
      </h3>
      {stopped.length === 0 ? (
        <span className="flex items-center gap-1.5 text-emerald-800 dark:text-emerald-300">
          <CircleCheck className="size-4" aria-hidden />
          {t('databases.service.running')}
        </span>
      ) : (
        <span className="flex items-center gap-1.5 text-orange-800 dark:text-orange-300">
          <CirclePause className="size-4" aria-hidden />
          {t('databases.service.stopped', {
            count: stopped.length,
            nodes: stopped.map((n) => n.name ?? n.id).join(', '),
          })}
        </span>
      )}
      <span className="text-xs text-slate-500 dark:text-slate-400">{t('databases.service.rule')}</span>
      {can('startDatabase') && stopped.length > 0 && (
        <div className="ml-auto flex items-center gap-2">
          {blocked && <span className="text-xs text-amber-800 dark:text-amber-300">{blocked}</span>}
          <Button variant="primary" size="sm" disabled={!!blocked} onClick={() => setOpen(true)}>
            {t('databases.service.start')}
          </Button>
        </div>
      )}
      {open && (
        <StartDatabaseDialog project={project} instance={instance} open={open} onOpenChange={setOpen} />
      )}
    </section>
  );
}
