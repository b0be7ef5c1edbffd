import { clsx } from 'clsx';
import { EqualNot } from 'lucide-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RestartMark } from '../../../shared/parameters/staged-parameter-table';
import { FilterInput } from '../../../shared/ui/filter-input';
import type { ComparedParameter } from '../lib/compare';

/**
 * The one diff view of parameters, whatever the two sides are (two templates 4.5.9, an instance and a
 * template, two instances): side by side, differences highlighted and marked, "only differences".
 */
export function ParameterComparison(props: {
  rows: readonly ComparedParameter[];
  leftLabel: string;
  rightLabel: string;
  onlyDifferences: boolean;
  onOnlyDifferences: (on: boolean) => void;
  q: string;
  onQ: (q: string) => void;
}) {
  const { t } = useTranslation();
  const differing = props.rows.filter((r) => r.differs).length;
  const shown = useMemo(() => {
    const q = props.q.trim().toLowerCase();
    return props.rows.filter(
      (r) => (!props.onlyDifferences || r.differs) && (!q || r.name.toLowerCase().includes(q)),
    );
  }, [props.rows, props.onlyDifferences, props.q]);
  const value = (v: string | undefined) =>
    v === undefined ? (
      <span className="font-sans text-slate-500 italic dark:text-slate-400">
        {t('parameters.compare.absent')}
      </span>
    ) : v === '' ? (
      <span className="font-sans text-slate-500 italic dark:text-slate-400">{t('paramEdit.emptyValue')}</span>
    ) : (
      v
    );
  return (
    <div className="flex flex-col">
      <div className="flex flex-wrap items-center gap-4 border-b border-slate-200 p-2 dark:border-slate-800">
        <FilterInput
          value={props.q}
          onApply={props.onQ}
          label={t('paramEdit.search')}
          placeholder={t('paramEdit.search')}
          className="w-64"
        />
        <label className="inline-flex items-center gap-1.5 text-sm">
          <input
            type="checkbox"
            checked={props.onlyDifferences}
            onChange={(e) => props.onOnlyDifferences(e.target.checked)}
          />
          {t('parameters.compare.onlyDifferences')}
        </label>
        <span className="ml-auto text-sm font-medium" role="status">
          {differing === 0
            ? t('parameters.compare.same', { count: props.rows.length })
            : t('parameters.compare.differences', { count: differing, total: props.rows.length })}
        </span>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">
            {t('parameters.compare.caption', { left: props.leftLabel, right: props.rightLabel })}
          </caption>
          <thead className="sticky top-0 bg-slate-100 text-left text-xs font-semibold text-slate-600 dark:bg-slate-800 dark:text-slate-300">
            <tr>
              <th scope="col" className="h-9 px-3">
                {t('paramEdit.col.name')}
              </th>
              <th scope="col" className="h-9 px-3 break-words">
                {props.leftLabel}
              </th>
              <th scope="col" className="h-9 px-3 break-words">
                {props.rightLabel}
              </th>
              <th scope="col" className="h-9 px-3">
                {t('paramEdit.col.restart')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 ? (
              <tr>
                <td colSpan={4} className="p-6 text-center text-slate-500 dark:text-slate-400">
                  {props.onlyDifferences && differing === 0
                    ? t('parameters.compare.noDifferences')
                    : t('paramEdit.noneMatch')}
                </td>
              </tr>
            ) : (
              shown.map((r) => (
                <tr
                  key={r.name}
                  className={clsx(
                    'border-b border-slate-100 align-top dark:border-slate-800',
                    r.differs && 'bg-amber-50 dark:bg-amber-950/50',
                  )}
                >
                  <th scope="row" className="px-3 py-1.5 text-left font-normal">
                    <span className="inline-flex items-center gap-1.5 font-mono text-xs font-medium">
                      {r.differs && (
                        <EqualNot
                          className="size-3.5 text-amber-700 dark:text-amber-300"
                          aria-label={t('parameters.compare.differs')}
                        />
                      )}
                      {r.name}
                    </span>
                    {r.description && (
                      <span
                        className="line-clamp-1 block text-xs text-slate-600 dark:text-slate-400"
                        title={r.description}
                      >
                        {r.description}
                      </span>
                    )}
                  </th>
                  <td
                    className={clsx('px-3 py-1.5 font-mono text-xs break-all', r.differs && 'font-semibold')}
                  >
                    {value(r.left)}
                  </td>
                  <td
                    className={clsx('px-3 py-1.5 font-mono text-xs break-all', r.differs && 'font-semibold')}
                  >
                    {value(r.right)}
                  </td>
                  <td className="px-3 py-1.5">
                    {r.restart ? <RestartMark label={t('paramEdit.restartNeeded')} /> : null}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
