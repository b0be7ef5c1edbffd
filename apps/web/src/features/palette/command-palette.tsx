import type { Instance } from '@gaussdb-console/api-client/browser';
import type { TFunction } from 'i18next';
import * as RD from '@radix-ui/react-dialog';
import { useQuery } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { Command } from 'cmdk';
import { Loader2, Plus, Search, Zap } from 'lucide-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useMatch, useNavigate } from 'react-router';
import { useCan } from '../../shared/api/policy';
import { StatusBadge } from '../../shared/ui/status-badge';
import { instanceQuery } from '../instances/api/use-instance';
import { useInstanceSearch } from '../instances/api/use-instance-search';
import type { PalettePage } from './palette-launcher';
import { useDebounced } from './use-debounced';

/** Typing pauses this long before the instance search is sent. */
export const SEARCH_DEBOUNCE_MS = 250;

/** What the palette needs of an instance action: its key (label and `?action=`), role check and state guard. */
export interface PaletteInstanceAction {
  key: string;
  operationId: string;
  danger?: boolean;
  blockedBy: (instance: Instance, t: TFunction) => string | undefined;
}

/** Loads the instance actions (the app hands in the registry, a chunk of its own). */
export type LoadInstanceActions = () => Promise<readonly PaletteInstanceAction[]>;

function useInstanceActions(
  load: LoadInstanceActions,
  wanted: boolean,
): readonly PaletteInstanceAction[] | undefined {
  const [actions, setActions] = useState<readonly PaletteInstanceAction[]>();
  useEffect(() => {
    if (!wanted || actions) return;
    let live = true;
    void load().then((a) => live && setActions(a));
    return () => {
      live = false;
    };
  }, [load, wanted, actions]);
  return actions;
}

const contains = (label: string, text: string) =>
  label.toLocaleLowerCase().includes(text.toLocaleLowerCase());

const itemClass =
  'flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-[selected=true]:bg-sky-50 data-[selected=true]:text-sky-900 ' +
  'data-[disabled=true]:cursor-not-allowed data-[disabled=true]:opacity-50 dark:data-[selected=true]:bg-sky-950 dark:data-[selected=true]:text-sky-100';
const groupClass =
  '[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium ' +
  '[&_[cmdk-group-heading]]:text-slate-500 dark:[&_[cmdk-group-heading]]:text-slate-400';

function Note({ children, busy = false }: { children: ReactNode; busy?: boolean }) {
  return (
    <div className="flex items-center gap-2 px-2 py-1.5 text-sm text-slate-500 dark:text-slate-400">
      {busy && <Loader2 className="size-3.5 animate-spin motion-reduce:animate-none" aria-hidden />}
      {children}
    </div>
  );
}

/**
 * Ctrl/⌘+K: jump to an instance (searched on the server by name or id), to a page, or run an action on
 * the instance being viewed. Lists only what the role may do; what the instance's state forbids is
 * shown disabled with the reason, as in the detail page's menu.
 */
export function CommandPalette(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  project: string;
  pages: PalettePage[];
  loadActions: LoadInstanceActions;
}) {
  const { open, onOpenChange, project, loadActions } = props;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const can = useCan();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), SEARCH_DEBOUNCE_MS);

  const match = useMatch('/p/:project/instances/:instanceId');
  const instanceId =
    match?.params.instanceId && match.params.instanceId !== 'new' ? match.params.instanceId : undefined;
  const search = useInstanceSearch(project, query, open);
  const current = useQuery({
    ...instanceQuery(project, instanceId ?? ''),
    enabled: open && !!instanceId && can('listInstances'),
  });
  const actions = useInstanceActions(loadActions, open && !!instanceId);

  useEffect(() => {
    if (!open) setText('');
  }, [open]);

  // Navigation waits until the palette has closed and let go of focus: an action's dialog opened by the
  // next page would otherwise see focus leave it (the palette restoring focus) and close at once.
  const pending = useRef<string | undefined>(undefined);
  const go = (to: string) => {
    pending.current = to;
    onOpenChange(false);
  };
  const onCloseAutoFocus = (e: Event) => {
    const to = pending.current;
    if (!to) return;
    pending.current = undefined;
    e.preventDefault();
    void navigate(to);
  };
  const detailPath = (id: string) => `/p/${encodeURIComponent(project)}/instances/${encodeURIComponent(id)}`;
  const runAction = (key: string) => {
    if (!instanceId) return;
    // The detail page opens the action's dialog from `?action=`; the tab and other state stay.
    const sp = new URLSearchParams(location.search);
    sp.set('action', key);
    go(`${detailPath(instanceId)}?${sp.toString()}`);
  };

  const needle = text.trim();
  const pages = [
    ...props.pages.map((p) => ({ value: `page:${p.key}`, label: t(p.key), to: p.to(project), Icon: p.icon })),
    ...(can('createInstance')
      ? [
          {
            value: 'page:create-instance',
            label: t('palette.createInstance'),
            to: `/p/${encodeURIComponent(project)}/instances/new`,
            Icon: Plus,
          },
        ]
      : []),
  ].filter((p) => contains(p.label, needle));

  const instance: Instance | undefined = current.data;
  const allowedActions =
    instance && actions
      ? actions
          .filter((a) => can(a.operationId))
          .map((a) => ({
            action: a,
            label: t([`actions.${a.key}.menu`, `instanceActions.${a.key}.menu`]),
            reason: a.blockedBy(instance, t),
          }))
          .filter((a) => contains(a.label, needle))
      : [];

  // Only results for exactly what is typed: a stale list could take the Enter meant for something else.
  const found = query === needle ? (search.data ?? []) : [];
  const searching = needle !== '' && (needle !== query || search.isFetching);
  // "No instance matches" only when nothing else does either: on a detail page "ren" is meant for Rename.
  const showInstances =
    needle !== '' &&
    (searching || found.length > 0 || search.isError || (pages.length === 0 && allowedActions.length === 0));

  // The highlighted item is kept while it is still listed (results arriving must not move it under the
  // user's Enter); otherwise, and after each keystroke, it is the first item that can be chosen.
  const choosable = [
    ...(showInstances ? found.map((i) => `instance:${i.id}`) : []),
    ...allowedActions.filter((a) => !a.reason).map((a) => `action:${a.action.key}`),
    ...pages.map((p) => p.value),
  ];
  const [picked, setPicked] = useState('');
  const highlighted = choosable.includes(picked) ? picked : (choosable[0] ?? '');

  return (
    <RD.Root open={open} onOpenChange={onOpenChange}>
      <RD.Portal>
        <RD.Overlay className="fixed inset-0 z-40 bg-slate-950/50" />
        <RD.Content
          onCloseAutoFocus={onCloseAutoFocus}
          className="fixed top-[12vh] left-1/2 z-50 w-[calc(100vw-2rem)] max-w-xl -translate-x-1/2 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-xl dark:border-slate-700 dark:bg-slate-900"
        >
          <RD.Title className="sr-only">{t('palette.title')}</RD.Title>
          <RD.Description className="sr-only">{t('palette.hint')}</RD.Description>
          <Command
            label={t('palette.label')}
            shouldFilter={false}
            loop
            value={highlighted}
            onValueChange={setPicked}
            className="flex flex-col"
          >
            <div className="flex items-center gap-2 border-b border-slate-200 px-3 dark:border-slate-700">
              <Search className="size-4 shrink-0 text-slate-500 dark:text-slate-400" aria-hidden />
              <Command.Input
                value={text}
                onValueChange={(v) => {
                  setText(v);
                  setPicked('');
                }}
                placeholder={t('palette.placeholder')}
                className="h-11 w-full bg-transparent text-sm outline-none placeholder:text-slate-400"
              />
            </div>
            <Command.List className="max-h-[60vh] overflow-y-auto p-1.5">
              {showInstances && (
                <Command.Group heading={t('palette.instances')} className={groupClass}>
                  {searching && found.length === 0 ? (
                    <Command.Loading label={t('palette.searching')}>
                      <Note busy>{t('palette.searching')}</Note>
                    </Command.Loading>
                  ) : search.isError ? (
                    <Note>{t('palette.searchFailed')}</Note>
                  ) : found.length === 0 ? (
                    <Note>
                      {t('palette.noInstances', { text: needle })} {t('palette.exactHint')}
                    </Note>
                  ) : (
                    found.map((i) => (
                      <Command.Item
                        key={i.id}
                        value={`instance:${i.id}`}
                        onSelect={() => go(detailPath(i.id))}
                        className={itemClass}
                      >
                        <span className="min-w-0 flex-1 truncate">
                          <span className="font-medium">{i.name}</span>
                          <span className="ml-2 font-mono text-xs text-slate-500 dark:text-slate-400">
                            {i.id}
                          </span>
                        </span>
                        <StatusBadge status={i.status} />
                      </Command.Item>
                    ))
                  )}
                </Command.Group>
              )}
              {allowedActions.length > 0 && instance && (
                <Command.Group heading={t('palette.actions', { name: instance.name })} className={groupClass}>
                  {allowedActions.map(({ action, label, reason }) => (
                    <Command.Item
                      key={action.key}
                      value={`action:${action.key}`}
                      disabled={!!reason}
                      onSelect={() => runAction(action.key)}
                      className={clsx(itemClass, action.danger && 'text-red-700 dark:text-red-400')}
                    >
                      <Zap className="size-4 shrink-0" aria-hidden />
                      <span className="flex-1">{label}</span>
                      {reason && <span className="text-xs text-slate-500 dark:text-slate-400">{reason}</span>}
                    </Command.Item>
                  ))}
                </Command.Group>
              )}
              {pages.length > 0 && (
                <Command.Group heading={t('palette.pages')} className={groupClass}>
                  {pages.map(({ value, label, to, Icon }) => (
                    <Command.Item key={value} value={value} onSelect={() => go(to)} className={itemClass}>
                      <Icon className="size-4 shrink-0" aria-hidden />
                      {label}
                    </Command.Item>
                  ))}
                </Command.Group>
              )}
            </Command.List>
          </Command>
        </RD.Content>
      </RD.Portal>
    </RD.Root>
  );
}
