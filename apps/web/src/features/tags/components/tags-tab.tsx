import { TAG_QUOTA_PER_INSTANCE, type Instance } from '@gaussdb-console/api-client/browser';
import type { ColumnDef } from '@tanstack/react-table';
import { Plus, Trash2 } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../shared/api/policy';
import { Button } from '../../../shared/ui/button';
import { DataTable } from '../../../shared/ui/data-table';
import { EmptyState, ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { TagChip } from '../../../shared/ui/tag-chip';
import { useInstanceTags } from '../api/use-instance-tags';
import { AddTagDialog } from './add-tag-dialog';
import { RemoveTagDialog } from './remove-tag-dialog';

interface Row {
  key: string;
  value: string;
}

/**
 * The instance's "Tags" tab (4.11): its tags (4.11.1) with the per-instance quota, each a link to the
 * instances carrying it; add (4.11.4, predefined tags offered first) and remove (4.11.5) for who may.
 */
export function TagsTab({ project, instance }: { project: string; instance: Instance }) {
  const { t } = useTranslation();
  const can = useCan();
  const tags = useInstanceTags(project, instance.id);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Row>();
  const rows = tags.data ?? [];
  const full = rows.length >= TAG_QUOTA_PER_INSTANCE;
  const columns = useMemo<ColumnDef<Row, unknown>[]>(
    () => [
      {
        id: 'tag',
        accessorKey: 'key',
        header: t('tags.col.tag'),
        cell: ({ row }) => <TagChip project={project} tagKey={row.original.key} value={row.original.value} />,
      },
      { id: 'key', accessorKey: 'key', header: t('tags.col.key') },
      {
        id: 'value',
        accessorKey: 'value',
        header: t('tags.col.value'),
        cell: (c) =>
          c.row.original.value || (
            <span className="text-slate-500 dark:text-slate-400">{t('tags.emptyValue')}</span>
          ),
      },
      ...(can('deleteInstanceTag')
        ? [
            {
              id: 'actions',
              enableSorting: false,
              header: () => <span className="sr-only">{t('tags.col.actions')}</span>,
              cell: ({ row }) => (
                <div className="flex justify-end">
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => setRemoving(row.original)}
                    aria-label={t('tags.removeTag', { key: row.original.key })}
                  >
                    <Trash2 className="size-4" aria-hidden />
                    {t('tags.remove')}
                  </Button>
                </div>
              ),
            } satisfies ColumnDef<Row, unknown>,
          ]
        : []),
    ],
    [t, can, project],
  );
  if (tags.permitted === false) return <NotPermitted />;
  return (
    <section className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-center gap-3 p-3">
        <h3 className="font-semibold">{t('tags.title')}</h3>
        {tags.isSuccess && (
          <span className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
            <span
              role="meter"
              aria-label={t('tags.quotaLabel')}
              aria-valuemin={0}
              aria-valuemax={TAG_QUOTA_PER_INSTANCE}
              aria-valuenow={rows.length}
              className="relative h-2 w-24 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
            >
              <span
                className={
                  full ? 'absolute inset-y-0 left-0 bg-orange-500' : 'absolute inset-y-0 left-0 bg-sky-600'
                }
                style={{ width: `${(rows.length / TAG_QUOTA_PER_INSTANCE) * 100}%` }}
              />
            </span>
            {t('tags.quota', { used: rows.length, max: TAG_QUOTA_PER_INSTANCE })}
          </span>
        )}
        {can('addInstanceTags') && (
          <div className="ml-auto flex items-center gap-2">
            {full && <span className="text-xs text-orange-800 dark:text-orange-300">{t('tags.full')}</span>}
            <Button variant="primary" disabled={!tags.isSuccess || full} onClick={() => setAdding(true)}>
              <Plus className="size-4" aria-hidden />
              {t('tags.add')}
            </Button>
          </div>
        )}
      </div>
      {tags.isPending ? (
        <Loading />
      ) : tags.isError ? (
        <ErrorState error={tags.error} onRetry={() => void tags.refetch()} />
      ) : (
        <DataTable
          label={t('tags.title')}
          data={rows}
          columns={columns}
          getRowId={(r) => r.key}
          empty={
            <EmptyState
              title={t('tags.none')}
              hint={can('addInstanceTags') ? t('tags.noneHint') : undefined}
            />
          }
        />
      )}
      {adding && (
        <AddTagDialog project={project} instance={instance} existing={rows} open onOpenChange={setAdding} />
      )}
      {removing && (
        <RemoveTagDialog
          project={project}
          instance={instance}
          tag={removing}
          open
          onOpenChange={(o) => !o && setRemoving(undefined)}
        />
      )}
    </section>
  );
}
