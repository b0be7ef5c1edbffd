import { clsx } from 'clsx';
import { Tag } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The instance list filtered by one tag (its `tags` filter in the URL is the API's `key=value`). */
export const instancesWithTag = (project: string, key: string, value: string) =>
  `/p/${encodeURIComponent(project)}/instances?tags=${encodeURIComponent(`${key}=${value}`)}`;

/** A tag wherever it is shown: a link to the instances carrying it. */
export function TagChip(props: {
  project: string;
  tagKey: string;
  value?: string | null;
  className?: string;
}) {
  const { t } = useTranslation();
  const value = props.value ?? '';
  const text = `${props.tagKey}=${value}`;
  return (
    <Link
      to={instancesWithTag(props.project, props.tagKey, value)}
      title={t('common.tagChip', { tag: text })}
      className={clsx(
        'inline-flex max-w-full items-center gap-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800 hover:bg-sky-100 hover:text-sky-900 focus-visible:ring-2 focus-visible:ring-sky-600 focus-visible:outline-none dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-sky-950 dark:hover:text-sky-200',
        props.className,
      )}
    >
      <Tag className="size-3 shrink-0" aria-hidden />
      <span className="truncate">{text}</span>
    </Link>
  );
}
