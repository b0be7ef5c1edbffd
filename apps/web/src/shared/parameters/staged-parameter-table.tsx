import type { ColumnDef } from '@tanstack/react-table';
import { clsx } from 'clsx';
import { Lock, RotateCcw, Undo2 } from 'lucide-react';
import { createContext, useContext, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../ui/data-table';
import { FilterInput } from '../ui/filter-input';
import { Pagination } from '../ui/pagination';
import { ParameterValueInput, useProblemText } from './parameter-value-input';
import { rangeText, ruleOf, sameValue, type EditableParameter } from './parameter-rules';
import type { StagedEdits } from './use-staged-edits';

/** What the parameter list shows; a page keeps it in its URL. */
export interface ParameterFilters {
  /** Part of the name (or description), any case. */
  q: string;
  /** Only values that differ from the default. */
  modified: boolean;
  /** Only parameters whose change needs a restart. */
  restart: boolean;
  /** Only staged edits. */
  staged: boolean;
}

export const NO_FILTERS: ParameterFilters = { q: '', modified: false, restart: false, staged: false };

/** The value differs from the default of its version (false when the default is unknown). */
export const isModified = (p: EditableParameter) =>
  p.defaultValue !== undefined && !sameValue(ruleOf(p), p.value, p.defaultValue);

export function filterParameters(
  parameters: readonly EditableParameter[],
  f: ParameterFilters,
  edits: Readonly<Record<string, string>>,
): EditableParameter[] {
  const q = f.q.trim().toLowerCase();
  return parameters.filter(
    (p) =>
      (!q || p.name.toLowerCase().includes(q) || (p.description ?? '').toLowerCase().includes(q)) &&
      (!f.modified || isModified(p)) &&
      (!f.restart || p.restart) &&
      (!f.staged || p.name in edits),
  );
}

const PAGE_SIZE = 50;
const HIDE_DEFAULT = { default: false };

/** A marker that is more than a colour: an icon and its word. */
export function RestartMark({ label }: { label: string }) {
  return (
    <span className="inline-flex items-center gap-1 rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium whitespace-nowrap text-amber-900 ring-1 ring-amber-600/30 dark:bg-amber-950 dark:text-amber-200">
      <RotateCcw className="size-3" aria-hidden />
      {label}
    </span>
  );
}

/**
 * What the cells draw from that changes as the user types. The columns stay the same objects (a new cell
 * function would be a new component to React and remount the input being typed in, losing its focus), so
 * the cells read this instead.
 */
interface RowState {
  staged: StagedEdits;
  readOnly: boolean;
  problems: Readonly<Record<string, string | undefined>>;
  rowErrors?: Readonly<Record<string, string>>;
  idBase: string;
}
const RowStateContext = createContext<RowState | undefined>(undefined);
const useRowState = () => {
  const s = useContext(RowStateContext);
  if (!s) throw new Error('StagedParameterTable cells outside their table');
  return s;
};

function NameCell({ p }: { p: EditableParameter }) {
  const { t } = useTranslation();
  const { staged } = useRowState();
  return (
    <div className="max-w-md py-0.5">
      <div className="flex flex-wrap items-center gap-1.5">
        <span className="font-mono text-xs font-medium">{p.name}</span>
        {p.name in staged.edits && (
          <span className="rounded bg-amber-100 px-1 text-[11px] font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100">
            {t('paramEdit.stagedMark')}
          </span>
        )}
      </div>
      {p.description && (
        <p className="line-clamp-2 text-xs text-slate-600 dark:text-slate-400" title={p.description}>
          {p.description}
        </p>
      )}
    </div>
  );
}

function ValueCell({ p }: { p: EditableParameter }) {
  const { t } = useTranslation();
  const { staged, readOnly, problems, rowErrors, idBase } = useRowState();
  if (readOnly || p.readonly)
    return (
      <span className="inline-flex items-center gap-1 font-mono text-xs break-all">
        {p.value === '' ? (
          <span className="text-slate-500 dark:text-slate-400 italic">{t('paramEdit.emptyValue')}</span>
        ) : (
          p.value
        )}
        {p.readonly && (
          <span className="inline-flex items-center gap-0.5 font-sans text-slate-500 dark:text-slate-400">
            <Lock className="size-3" aria-hidden />
            {t('paramEdit.readonly')}
          </span>
        )}
      </span>
    );
  const isStaged = p.name in staged.edits;
  return (
    <div className="flex items-start gap-1">
      <ParameterValueInput
        id={`${idBase}-${p.name}`}
        name={p.name}
        rule={ruleOf(p)}
        value={staged.edits[p.name] ?? p.value}
        onChange={(v) => staged.stage(p.name, v)}
        staged={isStaged}
        problem={problems[p.name] ?? rowErrors?.[p.name]}
      />
      {isStaged && (
        <button
          type="button"
          className="mt-0.5 rounded p-1 text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-700"
          aria-label={t('paramEdit.revert', { name: p.name, value: p.value })}
          title={t('paramEdit.revert', { name: p.name, value: p.value })}
          onClick={() => staged.unstage(p.name)}
        >
          <Undo2 className="size-3.5" aria-hidden />
        </button>
      )}
    </div>
  );
}

function DefaultCell({ p }: { p: EditableParameter }) {
  const { t } = useTranslation();
  if (p.defaultValue === undefined) return <span className="text-slate-500 dark:text-slate-400">—</span>;
  return (
    <span className="inline-flex flex-col font-mono text-xs break-all">
      {p.defaultValue === '' ? (
        <span className="font-sans text-slate-500 dark:text-slate-400 italic">
          {t('paramEdit.emptyValue')}
        </span>
      ) : (
        p.defaultValue
      )}
      {isModified(p) && (
        <span className="font-sans text-[11px] text-sky-800 dark:text-sky-300">
          {t('paramEdit.modified')}
        </span>
      )}
    </span>
  );
}

function useColumns(): ColumnDef<EditableParameter, unknown>[] {
  const { t } = useTranslation();
  return useMemo<ColumnDef<EditableParameter, unknown>[]>(
    () => [
      {
        id: 'name',
        header: t('paramEdit.col.name'),
        enableSorting: false,
        cell: ({ row }) => <NameCell p={row.original} />,
      },
      {
        id: 'value',
        header: t('paramEdit.col.value'),
        enableSorting: false,
        cell: ({ row }) => <ValueCell p={row.original} />,
      },
      {
        id: 'default',
        header: t('paramEdit.col.default'),
        enableSorting: false,
        cell: ({ row }) => <DefaultCell p={row.original} />,
      },
      {
        id: 'range',
        header: t('paramEdit.col.range'),
        enableSorting: false,
        cell: ({ row }) => (
          <span className="block max-w-56 text-xs break-words text-slate-700 dark:text-slate-300">
            {rangeText(ruleOf(row.original), row.original.range) || '—'}
          </span>
        ),
      },
      {
        id: 'type',
        header: t('paramEdit.col.type'),
        enableSorting: false,
        cell: ({ row }) => (
          <span className="text-xs">
            {t(`paramEdit.type.${row.original.type}`, { defaultValue: row.original.type })}
          </span>
        ),
      },
      {
        id: 'restart',
        header: t('paramEdit.col.restart'),
        enableSorting: false,
        cell: ({ row }) =>
          row.original.restart ? (
            <RestartMark label={t('paramEdit.restartNeeded')} />
          ) : (
            <span className="text-xs text-slate-500 dark:text-slate-400">{t('paramEdit.noRestart')}</span>
          ),
      },
    ],
    [t],
  );
}

/**
 * Every parameter with its value, default, allowed values, type, restart flag and description; where the
 * role and state allow, each value is edited in place and staged (amber) until applied or discarded.
 */
export function StagedParameterTable(props: {
  parameters: readonly EditableParameter[];
  staged: StagedEdits;
  /** Nothing can be edited (role, instance state): values are shown as text. */
  readOnly: boolean;
  filters: ParameterFilters;
  onFiltersChange: (patch: Partial<ParameterFilters>) => void;
  /** The server's refusal of a staged value, by parameter name. */
  rowErrors?: Readonly<Record<string, string>>;
  label: string;
}) {
  const { t } = useTranslation();
  const idBase = useId();
  const problemText = useProblemText();
  const { staged, readOnly, rowErrors } = props;
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(PAGE_SIZE);
  // Some lists carry no defaults (a tenant's, 4.10.7): then no default column and no "modified only" filter,
  // which could only ever show nothing. The column is hidden, not removed: the columns stay the same objects
  // when the defaults arrive after the values (a template's), so no input being typed in is remounted.
  const withDefaults = useMemo(
    () => props.parameters.some((p) => p.defaultValue !== undefined),
    [props.parameters],
  );
  const f = useMemo(
    () => ({ ...props.filters, modified: props.filters.modified && withDefaults }),
    [props.filters, withDefaults],
  );
  const rows = useMemo(
    () => filterParameters(props.parameters, f, staged.edits),
    [props.parameters, f, staged.edits],
  );
  const filterKey = JSON.stringify(f);
  useEffect(() => setPage(1), [filterKey]);
  const pageRows = rows.slice((page - 1) * size, page * size);
  const problems = useMemo(
    () => Object.fromEntries(staged.changes.map((c) => [c.name, problemText(c.problem)])),
    [staged.changes, problemText],
  );

  const columns = useColumns();
  const rowState = useMemo<RowState>(
    () => ({ staged, readOnly, problems, rowErrors, idBase }),
    [staged, readOnly, problems, rowErrors, idBase],
  );

  const check = (key: 'modified' | 'restart' | 'staged', label: string) => (
    <label className="inline-flex items-center gap-1.5 text-sm">
      <input
        type="checkbox"
        checked={f[key]}
        onChange={(e) => props.onFiltersChange({ [key]: e.target.checked })}
      />
      {label}
    </label>
  );
  return (
    <div className="flex flex-col">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 p-2 dark:border-slate-800">
        <FilterInput
          value={f.q}
          onApply={(q) => props.onFiltersChange({ q })}
          label={t('paramEdit.search')}
          placeholder={t('paramEdit.search')}
          className="w-64"
        />
        {withDefaults && check('modified', t('paramEdit.filter.modified'))}
        {check('restart', t('paramEdit.filter.restart'))}
        {!readOnly && check('staged', t('paramEdit.filter.staged'))}
        <span className="ml-auto text-xs text-slate-500 dark:text-slate-400" aria-live="polite">
          {t('paramEdit.shown', { shown: rows.length, total: props.parameters.length })}
        </span>
      </div>
      <RowStateContext.Provider value={rowState}>
        <DataTable
          label={props.label}
          data={pageRows}
          columns={columns}
          columnVisibility={withDefaults ? undefined : HIDE_DEFAULT}
          getRowId={(p) => p.name}
          rowClassName={(p) => clsx(p.name in staged.edits && 'bg-amber-50/70 dark:bg-amber-950/40')}
          empty={
            <p className="p-6 text-center text-slate-500 dark:text-slate-400">{t('paramEdit.noneMatch')}</p>
          }
        />
      </RowStateContext.Provider>
      {rows.length > 10 && (
        <Pagination
          page={page}
          pageSize={size}
          total={rows.length}
          onPage={setPage}
          onPageSize={(s) => {
            setSize(s);
            setPage(1);
          }}
        />
      )}
    </div>
  );
}
