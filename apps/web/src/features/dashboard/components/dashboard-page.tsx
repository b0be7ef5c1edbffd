import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ListHeader } from '../../../shared/ui/list-header';
import { ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { useOperationsBoard } from '../api/use-operations-board';
import { AuditCard } from './audit-card';
import { ModeCard, QuotaCard, StatusCard } from './instance-cards';
import { StorageCard } from './storage-card';
import { FailuresCard, RunningCard } from './task-cards';

/**
 * The home page: the project at a glance from the BFF's dashboard read, live through the event stream.
 * Every figure links to the filtered list it counts.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const project = useParams().project ?? '';
  const board = useOperationsBoard(project);
  const { query, dashboard: d } = board;
  useEffect(() => {
    document.title = `${t('nav.dashboard')} · ${t('app.name')}`;
  }, [t]);
  if (query.permitted === false)
    return (
      <div className="p-4">
        <NotPermitted />
      </div>
    );
  return (
    <div className="flex flex-col gap-4 p-4">
      <ListHeader
        title={t('nav.dashboard')}
        updatedAt={query.dataUpdatedAt}
        fetching={query.isFetching}
        onRefresh={() => void query.refetch()}
      />
      {query.isPending ? (
        <Loading />
      ) : query.isError || !d ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          {d.truncated && (
            <p className="text-xs text-amber-800 dark:text-amber-300">{t('dashboard.truncated')}</p>
          )}
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2 2xl:grid-cols-3">
            <StatusCard project={project} d={d} />
            <RunningCard
              project={project}
              running={board.running}
              justEnded={board.justEnded}
              now={board.now}
            />
            <FailuresCard
              project={project}
              count={board.failedCount}
              since={d.tasks.failed_since}
              failures={board.failures}
            />
            <ModeCard project={project} d={d} />
            <QuotaCard project={project} d={d} />
            <StorageCard project={project} d={d} />
            {d.recent_audit && <AuditCard project={project} entries={d.recent_audit} />}
          </div>
        </>
      )}
    </div>
  );
}
