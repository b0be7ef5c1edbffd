import type { Instance } from '@gaussdb-console/api-client/browser';
import type { ColumnDef, OnChangeFn, RowSelectionState, VisibilityState } from '@tanstack/react-table';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../shared/ui/data-table';
import { EmptyState } from '../../../shared/ui/states';

const rowId = (r: Instance) => r.id;

export interface InstanceTableProps {
  rows: Instance[];
  columns: ColumnDef<Instance, unknown>[];
  visibility: VisibilityState;
  selection: RowSelectionState;
  /** Undefined while rows cannot be ticked. */
  onSelection: OnChangeFn<RowSelectionState> | undefined;
  /** Whether a filter is on (which empty state to show). */
  filtered: boolean;
}

/**
 * The instance list's table. Memoised, so that it renders only when its rows, columns or ticks change: not for
 * the page's "updated … ago" clock, and not a second time with the old rows while the new ones wait to be
 * rendered in a transition (the page passes a deferred value).
 */
export const InstanceTable = memo(function InstanceTable(props: InstanceTableProps) {
  const { t } = useTranslation();
  return (
    <DataTable
      label={t('nav.instances')}
      data={props.rows}
      columns={props.columns}
      getRowId={rowId}
      columnVisibility={props.visibility}
      rowSelection={props.selection}
      onRowSelectionChange={props.onSelection}
      empty={
        props.filtered ? (
          <EmptyState title={t('instances.emptyFiltered')} hint={t('instances.emptyFilteredHint')} />
        ) : (
          <EmptyState title={t('instances.empty')} hint={t('instances.emptyHint')} />
        )
      }
    />
  );
});
