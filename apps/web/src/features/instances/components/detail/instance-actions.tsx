import type { Instance } from '@gaussdb-console/api-client/browser';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import * as Tooltip from '@radix-ui/react-tooltip';
import { clsx } from 'clsx';
import { ChevronDown } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan } from '../../../../shared/api/policy';
import { Button } from '../../../../shared/ui/button';
import { instanceActions } from './actions/registry';

/**
 * The header's actions: primary ones as buttons, the rest in "More". What the role cannot do is not
 * offered; what the instance's state forbids is disabled with the reason on hover.
 */
export function InstanceActions({
  project,
  instance,
  onJob,
}: {
  project: string;
  instance: Instance;
  onJob: (jobId: string) => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState<string | undefined>();
  const allowed = instanceActions.filter((a) => can(a.operationId));
  // `?action=<key>` (the command palette's link) opens that action's dialog once the role allows it, if
  // the instance's state does; the parameter is then dropped so a reload does not reopen it.
  const [sp, setSp] = useSearchParams();
  const requested = allowed.find((a) => a.key === sp.get('action'));
  useEffect(() => {
    if (!requested) return;
    if (!requested.blockedBy(instance, t)) setOpen(requested.key);
    setSp(
      (p) => {
        const n = new URLSearchParams(p);
        n.delete('action');
        return n;
      },
      { replace: true },
    );
  }, [requested, instance, t, setSp]);
  if (allowed.length === 0) return null;
  const primary = allowed.filter((a) => a.primary);
  const more = allowed.filter((a) => !a.primary);
  return (
    <Tooltip.Provider delayDuration={300}>
      <div className="flex items-center gap-2">
        {primary.map((a) => {
          const reason = a.blockedBy(instance, t);
          const button = (
            <Button
              key={a.key}
              size="sm"
              disabled={!!reason}
              onClick={() => setOpen(a.key)}
              aria-describedby={reason ? `reason-${a.key}` : undefined}
            >
              {t([`actions.${a.key}.menu`, `instanceActions.${a.key}.menu`])}
            </Button>
          );
          return reason ? (
            <Tooltip.Root key={a.key}>
              <Tooltip.Trigger asChild>
                <span tabIndex={0}>{button}</span>
              </Tooltip.Trigger>
              <Tooltip.Portal>
                <Tooltip.Content
                  id={`reason-${a.key}`}
                  className="z-50 max-w-xs rounded bg-slate-900 px-2 py-1 text-xs text-white"
                  sideOffset={4}
                >
                  {reason}
                </Tooltip.Content>
              </Tooltip.Portal>
            </Tooltip.Root>
          ) : (
            button
          );
        })}
        {more.length > 0 && (
          <DropdownMenu.Root>
            <DropdownMenu.Trigger asChild>
              <Button size="sm">
                {t('actions.more')}
                <ChevronDown className="size-3.5" aria-hidden />
              </Button>
            </DropdownMenu.Trigger>
            <DropdownMenu.Portal>
              <DropdownMenu.Content
                align="end"
                sideOffset={4}
                className="z-40 min-w-56 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
              >
                {more.map((a) => {
                  const reason = a.blockedBy(instance, t);
                  return (
                    <DropdownMenu.Item
                      key={a.key}
                      disabled={!!reason}
                      title={reason}
                      onSelect={() => setOpen(a.key)}
                      className={clsx(
                        'flex cursor-pointer flex-col rounded px-2 py-1.5 outline-none data-[disabled]:cursor-not-allowed data-[disabled]:opacity-50 data-[highlighted]:bg-slate-100 dark:data-[highlighted]:bg-slate-800',
                        a.danger && 'text-red-700 dark:text-red-400',
                      )}
                    >
                      {t([`actions.${a.key}.menu`, `instanceActions.${a.key}.menu`])}
                      {reason && <span className="text-xs text-slate-500 dark:text-slate-400">{reason}</span>}
                    </DropdownMenu.Item>
                  );
                })}
              </DropdownMenu.Content>
            </DropdownMenu.Portal>
          </DropdownMenu.Root>
        )}
        {/* Only the open dialog is mounted: each opening starts from the instance as it is now. */}
        {allowed
          .filter((a) => a.key === open)
          .map((a) => (
            <a.Dialog
              key={a.key}
              project={project}
              instance={instance}
              open
              onOpenChange={(o) => setOpen(o ? a.key : undefined)}
              onJob={onJob}
            />
          ))}
      </div>
    </Tooltip.Provider>
  );
}
