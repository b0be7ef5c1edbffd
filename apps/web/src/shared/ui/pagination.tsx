import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';

export const PAGE_SIZES = [10, 20, 50, 100] as const;

export function Pagination({
  page,
  pageSize,
  total,
  onPage,
  onPageSize,
  sizes = PAGE_SIZES,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
  /** The page sizes offered (an API with a smaller maximum offers fewer). */
  sizes?: readonly number[];
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav
      aria-label={t('common.pageOf', { page, pages })}
      className="flex flex-wrap items-center justify-end gap-3 px-3 py-2 text-sm text-slate-600 dark:text-slate-300"
    >
      <span>{t('common.totalRows', { count: total })}</span>
      <label className="flex items-center gap-1.5">
        {t('common.rowsPerPage')}
        <select
          className="h-7 rounded border border-slate-300 bg-white px-1 dark:border-slate-600 dark:bg-slate-800"
          value={pageSize}
          onChange={(e) => onPageSize(Number(e.target.value))}
        >
          {sizes.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <span aria-live="polite">{t('common.pageOf', { page, pages })}</span>
      <Button
        size="sm"
        variant="ghost"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
        aria-label={t('common.previous')}
      >
        <ChevronLeft className="size-4" aria-hidden />
      </Button>
      <Button
        size="sm"
        variant="ghost"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
        aria-label={t('common.next')}
      >
        <ChevronRight className="size-4" aria-hidden />
      </Button>
    </nav>
  );
}
