import { RefreshCw } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAgo } from '../lib/format';
import { Button } from './button';

/**
 * The head of every list page: its title, "updated 3 s ago", refresh, and the page's own actions on the
 * right (UI.md "Every list").
 */
export function ListHeader(props: {
  title: string;
  updatedAt?: number;
  fetching?: boolean;
  onRefresh?: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-wrap items-center gap-3">
      <h1 className="text-lg font-semibold">{props.title}</h1>
      <span className="text-xs text-slate-500 dark:text-slate-400" aria-live="polite">
        {props.updatedAt ? t('common.updatedAgo', { ago: formatAgo(props.updatedAt) }) : ''}
      </span>
      <div className="ml-auto flex items-center gap-2">
        {props.onRefresh && (
          <Button
            size="sm"
            variant="ghost"
            onClick={props.onRefresh}
            aria-label={t('common.refresh')}
            title={t('common.refresh')}
          >
            <RefreshCw
              className={props.fetching ? 'size-4 animate-spin motion-reduce:animate-none' : 'size-4'}
              aria-hidden
            />
          </Button>
        )}
        {props.children}
      </div>
    </div>
  );
}
