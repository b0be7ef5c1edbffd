import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, type Location } from 'react-router';
import { ActionDialog } from '../forms/operation-dialog';
import { Button } from '../ui/button';

/** By default, staying on the same path (a filter or a page of the list changed) is not leaving. */
const samePath = (a: Location, b: Location) => a.pathname === b.pathname;

/** For editors inside a tab (`?tab=`): another tab of the same page is leaving too. */
export const sameTab =
  (fallback: string, param = 'tab') =>
  (a: Location, b: Location) =>
    a.pathname === b.pathname &&
    (new URLSearchParams(a.search).get(param) ?? fallback) ===
      (new URLSearchParams(b.search).get(param) ?? fallback);

/**
 * Asks before the user leaves a page with unsent edits: another page of the console (the router's blocker)
 * or the browser tab (the browser's own prompt). `isSamePage` says which navigations stay (e.g. the same tab).
 */
export function LeaveGuard(props: {
  when: boolean;
  count: number;
  isSamePage?: (current: Location, next: Location) => boolean;
}) {
  const { t } = useTranslation();
  const same = props.isSamePage ?? samePath;
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => props.when && !same(currentLocation, nextLocation),
  );
  useEffect(() => {
    if (!props.when) return;
    const onUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers show the prompt only when a value is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [props.when]);
  const blocked = blocker.state === 'blocked';
  return (
    <ActionDialog
      open={blocked}
      onOpenChange={(open) => {
        if (!open && blocker.state === 'blocked') blocker.reset();
      }}
      title={t('paramEdit.leaveTitle')}
      description={t('paramEdit.leaveHint', { count: props.count })}
      actions={
        <Button variant="danger" onClick={() => blocker.state === 'blocked' && blocker.proceed()}>
          {t('paramEdit.leaveDiscard')}
        </Button>
      }
    />
  );
}
