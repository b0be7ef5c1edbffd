import type { ParameterTemplate } from '@gaussdb-console/api-client/browser';
import type { ColumnDef, SortingState, Updater } from '@tanstack/react-table';
import { GitCompare, Plus } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCan } from '../../../shared/api/policy';
import { formatTime } from '../../../shared/lib/format';
import { useListParams } from '../../../shared/lib/use-list-params';
import { Button } from '../../../shared/ui/button';
import { DataTable } from '../../../shared/ui/data-table';
import { FilterInput, filterInputClass } from '../../../shared/ui/filter-input';
import { ListHeader } from '../../../shared/ui/list-header';
import { Pagination } from '../../../shared/ui/pagination';
import { EmptyState, ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { useAllParameterTemplates } from '../api/use-parameter-templates';
import { comparePath, templateDeploymentText, templateKindText, templatePath } from '../lib/labels';
import { CopyTemplateDialog } from './copy-template-dialog';
import { DeleteTemplateDialog } from './delete-template-dialog';
import { KindBadge } from './kind-badge';
import { RoleHint } from './role-hint';

type Dialog = { kind: 'copy' | 'delete'; template: ParameterTemplate } | undefined;

/** The parameters page: every template (system defaults and the project's own), searched and paged. */
export function ParametersPage() {
  const { t } = useTranslation();
  const project = useParams().project ?? '';
  const can = useCan();
  const list = useListParams(['q', 'kind', 'version', 'sort'] as const);
  const { values, set, page, size } = list;
  const templates = useAllParameterTemplates(project);
  const [dialog, setDialog] = useState<Dialog>();
  useEffect(() => {
    document.title = `${t('nav.parameters')} · ${t('app.name')}`;
  }, [t]);

  const versions = useMemo(
    () =>
      [...new Set((templates.data ?? []).map((x) => x.datastore_version ?? '').filter(Boolean))]
        .sort()
        .reverse(),
    [templates.data],
  );
  const rows = useMemo(() => {
    const q = values.q.toLowerCase();
    return (templates.data ?? []).filter(
      (x) =>
        (!q || x.name.toLowerCase().includes(q) || (x.description ?? '').toLowerCase().includes(q)) &&
        (!values.kind || (values.kind === 'system') === (x.user_defined === false)) &&
        (!values.version || x.datastore_version === values.version),
    );
  }, [templates.data, values]);

  const columns = useMemo<ColumnDef<ParameterTemplate, unknown>[]>(
    () => [
      {
        id: 'name',
        accessorFn: (r) => r.name,
        header: t('parameters.col.name'),
        cell: ({ row }) => (
          <div className="max-w-md py-1">
            <Link
              className="font-medium text-sky-700 hover:underline dark:text-sky-400"
              to={templatePath(project, row.original.id)}
            >
              {row.original.name}
            </Link>
            {row.original.description && (
              <p
                className="truncate text-xs text-slate-600 dark:text-slate-400"
                title={row.original.description}
              >
                {row.original.description}
              </p>
            )}
          </div>
        ),
      },
      {
        id: 'kind',
        accessorFn: (r) => templateKindText(t, r.user_defined),
        header: t('parameters.col.kind'),
        cell: ({ row }) => <KindBadge userDefined={row.original.user_defined} />,
      },
      { id: 'version', accessorFn: (r) => r.datastore_version ?? '', header: t('parameters.col.version') },
      {
        id: 'deployment',
        accessorFn: (r) => templateDeploymentText(t, r),
        header: t('parameters.col.deployment'),
      },
      {
        id: 'updated',
        accessorFn: (r) => r.updated ?? r.created ?? '',
        header: t('parameters.col.updated'),
        cell: ({ row }) => {
          const f = formatTime(row.original.updated ?? row.original.created);
          return (
            <span className="whitespace-nowrap" title={f.title}>
              {f.text}
            </span>
          );
        },
      },
      {
        id: 'actions',
        header: t('common.actions'),
        enableSorting: false,
        cell: ({ row }) => (
          <div className="flex gap-1 whitespace-nowrap">
            <Link
              className="rounded px-2 py-1 text-xs text-sky-700 hover:bg-slate-100 dark:text-sky-400 dark:hover:bg-slate-800"
              to={comparePath(project, `t:${row.original.id}`)}
              aria-label={t('parameters.actions.compareWith', { name: row.original.name })}
            >
              {t('parameters.actions.compare')}
            </Link>
            {can('copyParameterTemplate') && (
              <Button
                size="sm"
                variant="ghost"
                onClick={() => setDialog({ kind: 'copy', template: row.original })}
                aria-label={t('parameters.actions.copyNamed', { name: row.original.name })}
              >
                {t('parameters.actions.copy')}
              </Button>
            )}
            {can('deleteParameterTemplate') && row.original.user_defined !== false && (
              <Button
                size="sm"
                variant="ghost"
                className="text-red-700 dark:text-red-400"
                onClick={() => setDialog({ kind: 'delete', template: row.original })}
                aria-label={t('parameters.actions.deleteNamed', { name: row.original.name })}
              >
                {t('parameters.actions.delete')}
              </Button>
            )}
          </div>
        ),
      },
    ],
    [t, project, can],
  );

  // Sorted over the whole list (the table only sees one page), the order kept in the URL.
  const sorting: SortingState = values.sort
    ? [{ id: values.sort.replace(/^-/, ''), desc: values.sort.startsWith('-') }]
    : [];
  const onSortingChange = (u: Updater<SortingState>) => {
    const next = typeof u === 'function' ? u(sorting) : u;
    set({ sort: next[0] ? `${next[0].desc ? '-' : ''}${next[0].id}` : undefined });
  };
  const sorted = useMemo(() => {
    const s = sorting[0];
    const col = s && columns.find((c) => c.id === s.id);
    const get = col && 'accessorFn' in col ? col.accessorFn : undefined;
    if (!s || !get) return rows;
    const key = (r: ParameterTemplate) => String(get(r, 0) ?? '');
    return [...rows].sort(
      (a, b) => key(a).localeCompare(key(b), undefined, { numeric: true }) * (s.desc ? -1 : 1),
    );
    // `sorting` is derived from values.sort.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, columns, values.sort]);
  const pageRows = sorted.slice(list.offset, list.offset + size);
  return (
    <div className="flex flex-col gap-3 p-4">
      <ListHeader
        title={t('parameters.title')}
        updatedAt={templates.dataUpdatedAt}
        fetching={templates.isFetching}
        onRefresh={() => void templates.refetch()}
      >
        <Link
          to={comparePath(project)}
          className="inline-flex h-8 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700"
        >
          <GitCompare className="size-4" aria-hidden />
          {t('parameters.actions.compareTemplates')}
        </Link>
        {can('createParameterTemplate') && (
          <Link
            to={`/p/${encodeURIComponent(project)}/parameters/new`}
            className="inline-flex h-8 items-center gap-1.5 rounded-md bg-sky-700 px-3 text-sm font-medium text-white hover:bg-sky-800"
          >
            <Plus className="size-4" aria-hidden />
            {t('parameters.actions.create')}
          </Link>
        )}
      </ListHeader>
      <RoleHint scope="templates" />
      <div className="flex flex-wrap items-center gap-2">
        <FilterInput
          value={values.q}
          onApply={(q) => set({ q })}
          label={t('parameters.filter.search')}
          placeholder={t('parameters.filter.search')}
          className="w-72"
        />
        <select
          aria-label={t('parameters.filter.kind')}
          className={filterInputClass}
          value={values.kind}
          onChange={(e) => set({ kind: e.target.value })}
        >
          <option value="">{t('parameters.filter.allKinds')}</option>
          <option value="system">{t('parameters.kind.system')}</option>
          <option value="user">{t('parameters.kind.user')}</option>
        </select>
        <select
          aria-label={t('parameters.filter.version')}
          className={filterInputClass}
          value={values.version}
          onChange={(e) => set({ version: e.target.value })}
        >
          <option value="">{t('parameters.filter.allVersions')}</option>
          {versions.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </div>
      <section className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        {templates.permitted === false ? (
          <NotPermitted />
        ) : templates.isPending ? (
          <Loading />
        ) : templates.isError ? (
          <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
        ) : (
          <>
            <DataTable
              label={t('parameters.title')}
              data={pageRows}
              columns={columns}
              getRowId={(r) => r.id}
              sorting={sorting}
              onSortingChange={onSortingChange}
              empty={<EmptyState title={t('parameters.empty')} hint={t('parameters.emptyHint')} />}
            />
            <Pagination
              page={page}
              pageSize={size}
              total={rows.length}
              onPage={(p) => set({ page: String(p) }, true)}
              onPageSize={(s) => set({ size: String(s) })}
            />
          </>
        )}
      </section>
      {dialog?.kind === 'copy' && (
        <CopyTemplateDialog
          project={project}
          template={dialog.template}
          open
          onOpenChange={(o) => !o && setDialog(undefined)}
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteTemplateDialog
          project={project}
          template={dialog.template}
          open
          onOpenChange={(o) => !o && setDialog(undefined)}
        />
      )}
    </div>
  );
}
