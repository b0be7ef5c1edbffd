import { tagKey, tagValue } from '@gaussdb-console/api-client/browser';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { Columns3, Download, Search, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisibilityState } from '@tanstack/react-table';
import { Button } from '../../../shared/ui/button';
import { FilterInput, filterInputClass } from '../../../shared/ui/filter-input';
import { useProjectTags } from '../../tags/api/use-project-tags';
import type { ListInstancesQuery } from '../api/use-instances';
import { exportInstancesCsv } from './export-csv';
import { OPTIONAL_COLUMNS } from './instance-columns';
import type { InstanceListParams } from './list-params';

const inputCls = filterInputClass;

/** `key=value` pairs separated by commas, each with the contract's key and value rules (4.4.4 `tags`). */
export const tagFilterOk = (v: string) =>
  v.split(',').every((pair) => {
    const [key = '', value, ...rest] = pair.split('=');
    return (
      rest.length === 0 &&
      value !== undefined &&
      tagKey().safeParse(key.trim()).success &&
      tagValue().safeParse(value.trim()).success
    );
  });

/** Search, filters, column chooser and export for the instance list. */
export function InstancesToolbar(props: {
  params: InstanceListParams;
  update: (p: Partial<InstanceListParams>) => void;
  visibility: VisibilityState;
  onVisibility: (v: VisibilityState) => void;
  exportQuery: ListInstancesQuery;
  project: string;
}) {
  const { t } = useTranslation();
  const { params, update } = props;
  const projectTags = useProjectTags(props.project);
  const [q, setQ] = useState(params.q);
  const [exporting, setExporting] = useState<string | undefined>();
  useEffect(() => setQ(params.q), [params.q]);
  // Search as the user types, without a request per keystroke.
  useEffect(() => {
    const id = setTimeout(() => q !== params.q && update({ q }), 350);
    return () => clearTimeout(id);
  }, [q, params.q, update]);
  const hasFilters = !!(
    params.q ||
    params.type ||
    params.datastore ||
    params.vpc ||
    params.subnet ||
    params.tags
  );

  return (
    <div className="flex flex-wrap items-center gap-2" role="search">
      <div className="relative">
        <Search className="pointer-events-none absolute top-2 left-2 size-4 text-slate-400" aria-hidden />
        <input
          type="search"
          aria-label={t('instances.searchLabel')}
          placeholder={t('instances.searchPlaceholder')}
          title={t('instances.searchHint')}
          className={`${inputCls} w-72 pl-7`}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && update({ q })}
        />
      </div>
      <select
        aria-label={t('instances.filter.type')}
        className={inputCls}
        value={params.type}
        onChange={(e) => update({ type: e.target.value })}
      >
        <option value="">{t('instances.filter.allTypes')}</option>
        <option value="Centralization_standard">{t('instances.mode.centralized')}</option>
        <option value="Enterprise">{t('instances.mode.distributed')}</option>
      </select>
      <select
        aria-label={t('instances.filter.datastore')}
        className={inputCls}
        value={params.datastore}
        onChange={(e) => update({ datastore: e.target.value })}
      >
        <option value="">{t('instances.filter.allEngines')}</option>
        <option value="GaussDB">GaussDB</option>
      </select>
      <FilterInput
        label={t('instances.filter.vpc')}
        placeholder={t('instances.filter.vpc')}
        className="w-36"
        value={params.vpc}
        onApply={(vpc) => update({ vpc })}
      />
      <FilterInput
        label={t('instances.filter.subnet')}
        placeholder={t('instances.filter.subnet')}
        className="w-36"
        value={params.subnet}
        onApply={(subnet) => update({ subnet })}
      />
      <FilterInput
        label={t('instances.filter.tags')}
        placeholder={t('instances.filter.tagsPlaceholder')}
        title={t('instances.filter.tagsHint')}
        className="w-44"
        value={params.tags}
        onApply={(tags) => update({ tags })}
        problem={(v) => (tagFilterOk(v) ? undefined : t('instances.filter.tagsRule'))}
        suggestions={projectTags.data}
      />
      {hasFilters && (
        <Button
          size="sm"
          variant="ghost"
          onClick={() =>
            update({ q: '', type: '', datastore: '', vpc: '', subnet: '', tags: '', status: '' })
          }
        >
          <X className="size-3.5" aria-hidden />
          {t('common.clearFilters')}
        </Button>
      )}
      <div className="ml-auto flex items-center gap-2">
        {exporting && (
          <span className="text-xs text-slate-500 dark:text-slate-400" aria-live="polite">
            {exporting}
          </span>
        )}
        <Button
          size="sm"
          disabled={!!exporting}
          onClick={() => {
            setExporting(t('instances.exporting', { count: 0 }));
            void exportInstancesCsv(props.project, props.exportQuery, t, (n) =>
              setExporting(t('instances.exporting', { count: n })),
            ).finally(() => setExporting(undefined));
          }}
        >
          <Download className="size-4" aria-hidden />
          {t('common.exportCsv')}
        </Button>
        <DropdownMenu.Root>
          <DropdownMenu.Trigger asChild>
            <Button size="sm">
              <Columns3 className="size-4" aria-hidden />
              {t('common.columns')}
            </Button>
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content
              align="end"
              sideOffset={4}
              className="z-50 min-w-44 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
            >
              {OPTIONAL_COLUMNS.map((c) => (
                <DropdownMenu.CheckboxItem
                  key={c}
                  checked={props.visibility[c] !== false}
                  onCheckedChange={(v) => props.onVisibility({ ...props.visibility, [c]: !!v })}
                  onSelect={(e) => e.preventDefault()}
                  className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 outline-none data-[highlighted]:bg-slate-100 dark:data-[highlighted]:bg-slate-800"
                >
                  <span className="w-4 text-center" aria-hidden>
                    {props.visibility[c] !== false ? '✓' : ''}
                  </span>
                  {t(`instances.col.${c}`)}
                </DropdownMenu.CheckboxItem>
              ))}
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      </div>
    </div>
  );
}
