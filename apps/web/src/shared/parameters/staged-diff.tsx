import { ArrowRight, RotateCcw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useProblemText } from './parameter-value-input';
import type { StagedChange } from './use-staged-edits';

/**
 * The staged edits as a diff: each parameter, its value now → the value to send, those that need a
 * restart marked (icon and word), a value that breaks its rule shown with why.
 */
export function StagedDiff({ changes }: { changes: readonly StagedChange[] }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  return (
    <table className="w-full border-collapse text-sm">
      <caption className="sr-only">{t('paramEdit.diffCaption')}</caption>
      <thead className="text-left text-xs text-slate-600 dark:text-slate-300">
        <tr className="border-b border-slate-200 dark:border-slate-700">
          <th scope="col" className="py-1 pr-2 font-semibold">
            {t('paramEdit.col.name')}
          </th>
          <th scope="col" className="py-1 pr-2 font-semibold">
            {t('paramEdit.diffFrom')}
          </th>
          <th scope="col" className="sr-only">
            {t('paramEdit.diffArrow')}
          </th>
          <th scope="col" className="py-1 pr-2 font-semibold">
            {t('paramEdit.diffTo')}
          </th>
          <th scope="col" className="py-1 font-semibold">
            {t('paramEdit.col.restart')}
          </th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.name} className="border-b border-slate-100 align-top dark:border-slate-800">
            <th scope="row" className="py-1.5 pr-2 text-left font-mono text-xs font-medium">
              {c.name}
            </th>
            <td className="py-1.5 pr-2 font-mono text-xs break-all text-red-800 line-through decoration-red-400 dark:text-red-300">
              {c.from === '' ? t('paramEdit.emptyValue') : c.from}
            </td>
            <td className="py-1.5 pr-2" aria-hidden>
              <ArrowRight className="size-3.5 text-slate-400" />
            </td>
            <td className="py-1.5 pr-2 font-mono text-xs break-all text-emerald-800 dark:text-emerald-300">
              {c.normalised === '' ? t('paramEdit.emptyValue') : c.normalised}
              {c.problem && (
                <span className="block font-sans text-red-700 dark:text-red-400">
                  {problemText(c.problem)}
                </span>
              )}
            </td>
            <td className="py-1.5 text-xs">
              {c.parameter.restart ? (
                <span className="inline-flex items-center gap-1 font-medium text-amber-800 dark:text-amber-300">
                  <RotateCcw className="size-3" aria-hidden />
                  {t('paramEdit.restartNeeded')}
                </span>
              ) : (
                <span className="text-slate-500 dark:text-slate-400">{t('paramEdit.noRestart')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
