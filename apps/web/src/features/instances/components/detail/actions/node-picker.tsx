import type { ComponentNode } from '@gaussdb-console/api-client/browser';
import { clsx } from 'clsx';
import { useTranslation } from 'react-i18next';
import { componentType } from '../topology';

/** A node is stopped when the service says so or when every component on it is Down. */
export const isNodeStopped = (n: ComponentNode) =>
  (n.status ?? '').toLowerCase() === 'stopped' ||
  ((n.components?.length ?? 0) > 0 && (n.components ?? []).every((c) => c.status === 'Down'));

/** "CN · DN 60011 (primary) · CM" : what runs on a node, so the user sees what a choice touches. */
export function nodeRoles(n: ComponentNode, t: (k: string, o?: Record<string, unknown>) => string): string {
  return (n.components ?? [])
    .map((c) => {
      const type = componentType(c);
      if (type !== 'DN') return type;
      const primary = c.status === 'Primary' || c.role === 'master';
      return t(primary ? 'instanceActions.nodes.dnPrimary' : 'instanceActions.nodes.dnStandby', {
        shard: c.distributed_id ?? '',
      });
    })
    .join(' · ');
}

/** Checkboxes of nodes with their AZ and components; keyboard: Tab between boxes, Space toggles. */
export function NodePicker(props: {
  legend: string;
  nodes: ComponentNode[];
  selected: string[];
  onChange: (ids: string[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const toggle = (id: string) =>
    props.onChange(
      props.selected.includes(id) ? props.selected.filter((x) => x !== id) : [...props.selected, id],
    );
  return (
    <fieldset className="mb-3" disabled={props.disabled}>
      <legend className="mb-1 text-sm font-medium">{props.legend}</legend>
      <div className="max-h-64 space-y-1 overflow-auto">
        {props.nodes.map((n) => (
          <label
            key={n.id}
            className={clsx(
              'flex cursor-pointer items-center gap-2 rounded-md border px-2.5 py-1.5 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-sky-600/40',
              props.selected.includes(n.id)
                ? 'border-sky-600 bg-sky-50 dark:border-sky-500 dark:bg-sky-950/60'
                : 'border-slate-300 dark:border-slate-600',
              props.disabled && 'opacity-60',
            )}
          >
            <input
              type="checkbox"
              checked={props.selected.includes(n.id)}
              onChange={() => toggle(n.id)}
              aria-label={n.name ?? n.id}
            />
            <span className="min-w-0 flex-1">
              <span className="block truncate font-medium">{n.name ?? n.id}</span>
              <span className="block truncate text-xs text-slate-500 dark:text-slate-400">
                {n.availability_zone_id ?? '—'} · {nodeRoles(n, t)}
              </span>
            </span>
            <span
              className={clsx(
                'text-xs',
                isNodeStopped(n)
                  ? 'text-red-700 dark:text-red-400'
                  : 'text-emerald-700 dark:text-emerald-400',
              )}
            >
              {t(isNodeStopped(n) ? 'instanceActions.nodes.stopped' : 'instanceActions.nodes.running')}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
