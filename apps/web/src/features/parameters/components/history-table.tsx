import type { ColumnDef } from '@tanstack/react-table';
import type { PermittedQueryResult } from '../../../shared/api/permitted-query';
import { formatTime } from '../../../shared/lib/format';
import type { ListParams } from '../../../shared/lib/use-list-params';
import { DataTable } from '../../../shared/ui/data-table';
import { Pagination } from '../../../shared/ui/pagination';
import { EmptyState, ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { HistoryUserNote } from './history-user';

/** A time cell of a history: the local time, the exact one on hover. */
export function HistoryTime({ at }: { at: string | null | undefined }) {
  const f = formatTime(at);
  return (
    <span className="whitespace-nowrap" title={f.title}>
      {f.text}
    </span>
  );
}

/**
 * The frame both template histories (4.5.13 applications, 4.5.14 changes) share: the note on who made each
 * record, the page of records with its states, and the pager kept in the URL.
 */
export function HistoryTable<R>(props: {
  history: PermittedQueryResult<{ histories: R[]; total_count?: number | null }>;
  list: Pick<ListParams<never>, 'page' | 'size' | 'set'>;
  audit: { isAdmin: boolean; auditError: unknown };
  label: string;
  columns: ColumnDef<R, unknown>[];
  getRowId: (row: R) => string;
  empty: { title: string; hint: string };
}) {
  const { history, list } = props;
  if (history.permitted === false) return <NotPermitted />;
  return (
    <section className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <HistoryUserNote isAdmin={props.audit.isAdmin} auditError={props.audit.auditError} />
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <>
          <DataTable
            label={props.label}
            data={history.data.histories}
            columns={props.columns}
            getRowId={props.getRowId}
            empty={<EmptyState title={props.empty.title} hint={props.empty.hint} />}
          />
          <Pagination
            page={list.page}
            pageSize={list.size}
            total={history.data.total_count ?? history.data.histories.length}
            onPage={(p) => list.set({ page: String(p) }, true)}
            onPageSize={(s) => list.set({ size: String(s) })}
          />
        </>
      )}
    </section>
  );
}
