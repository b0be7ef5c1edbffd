import type { Backup, Instance } from '@gaussdb-console/api-client/browser';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../../shared/api/policy';
import { inputClass, RuleField } from '../../../shared/forms/form-field';
import { formatDuration, formatTime } from '../../../shared/lib/format';
import { useNow } from '../../../shared/lib/use-now';
import { Button } from '../../../shared/ui/button';
import { ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { backupEnd } from '../api/use-backups';
import { kindOf as backupKind } from '../lib/backup-format';
import { restoreToNewHref, type RestorePoint } from '../api/restore-point';
import { useRestoreTimes } from '../api/use-restore-times';
import {
  baseBackupFor,
  checkTime,
  joinRanges,
  nearestRestorable,
  olderBackups,
  type TimeCheck,
} from '../api/restore-windows';
import { fromLocalInput, localOffsetLabel, toLocalInput } from '../lib/timeline-geometry';
import { RestoreExistingDialog } from './restore-existing-dialog';
import { RestoreTimeline } from './restore-timeline';
import { PermissionNote } from '../../../shared/ui/permission-note';

const DAY = 86_400_000;
export const RANGE_DAYS = [1, 3, 7, 14, 30] as const;

/** The reason a time cannot be restored to, in words. */
export function refusalText(
  t: (k: string, o?: Record<string, unknown>) => string,
  time: number,
  c: TimeCheck,
) {
  const f = (ms: number) => formatTime(ms).text;
  if (c.ok) return undefined;
  switch (c.reason) {
    case 'none':
      return t('backups.pitr.reason.none');
    case 'future':
      return t('backups.pitr.reason.future', { time: f(time), latest: f(c.latest.end) });
    case 'beforeFirst':
      return t('backups.pitr.reason.beforeFirst', { time: f(time), first: f(c.first.start) });
    case 'afterLast':
      return t('backups.pitr.reason.afterLast', { time: f(time), latest: f(c.latest.end) });
    case 'between':
      return t('backups.pitr.reason.between', { time: f(time), from: f(c.before.end), to: f(c.after.start) });
  }
}

const label = (b: Backup) => b.name ?? b.id;

/**
 * Point-in-time restore of one instance: the timeline of its restorable windows and full backups, the
 * time chosen by click, keyboard or typing, the verdict (restorable, or why not), the base backup the
 * restore starts from (or an older one chosen explicitly), and the two ways to restore.
 */
export function PointInTimePanel(props: { project: string; instance: Instance; fulls: readonly Backup[] }) {
  const { t } = useTranslation();
  const can = useCan();
  const { project, instance } = props;
  const clock = useNow(30_000);
  const [days, setDays] = useState<number>(7);
  const from = clock - days * DAY;
  // The service's clock decides what is restorable, and it may run ahead of this browser's: the next UTC
  // day is asked too, and "now" is never earlier than the end of the latest window the service reports.
  const times = useRestoreTimes(project, instance.id, from, clock + DAY);
  const windows = useMemo(() => joinRanges(times.ranges), [times.ranges]);
  const now = Math.max(clock, windows[windows.length - 1]?.end ?? 0);
  const [time, setTime] = useState<number>();
  const [typed, setTyped] = useState('');
  const [backupId, setBackupId] = useState<string>();
  const [existingOpen, setExistingOpen] = useState(false);
  const latest = windows[windows.length - 1]?.end;
  const chosenBackup = props.fulls.find((b) => b.id === backupId);
  const shown = chosenBackup ? backupEnd(chosenBackup) : time;

  // The latest restorable second is offered once the windows are known.
  const loaded = !times.isPending;
  useEffect(() => {
    if (loaded && time === undefined && latest !== undefined) setTime(latest);
  }, [loaded, latest, time]);
  useEffect(() => {
    if (shown !== undefined) setTyped(toLocalInput(shown));
  }, [shown]);

  if (times.permitted === false) return <NotPermitted />;
  if (times.error) return <ErrorState error={times.error} onRetry={times.refetch} />;
  if (times.isPending) return <Loading />;

  const check = time === undefined ? undefined : checkTime(windows, time, now);
  const base = time === undefined ? undefined : baseBackupFor(props.fulls, time);
  const olderOnes = olderBackups(props.fulls, base);
  const nearest = check && !check.ok && time !== undefined ? nearestRestorable(windows, time) : undefined;
  const point: RestorePoint | undefined = chosenBackup
    ? { instanceId: instance.id, type: 'backup', backupId: chosenBackup.id }
    : check?.ok
      ? { instanceId: instance.id, type: 'timestamp', restoreTime: time! }
      : undefined;

  const choose = (ms: number) => {
    setTime(ms);
    setBackupId(undefined);
  };
  const typedMs = fromLocalInput(typed);
  const canNew = can('restoreToNewInstance');
  const canExisting = can('restoreToExistingInstance');
  const kindOf = (b: Backup) => t(`backups.type.${backupKind(b)}`);

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label className="flex items-center gap-1.5 whitespace-nowrap">
          {t('backups.pitr.range')}
          <select
            className={`${inputClass} w-auto`}
            value={days}
            onChange={(e) => setDays(Number(e.target.value))}
          >
            {RANGE_DAYS.map((d) => (
              <option key={d} value={d}>
                {t('backups.pitr.lastDays', { count: d })}
              </option>
            ))}
          </select>
        </label>
        <span className="text-xs text-slate-500 dark:text-slate-400">
          {t('backups.pitr.windows', { count: windows.length })}
        </span>
      </div>
      <RestoreTimeline
        from={from}
        to={now}
        now={now}
        windows={windows}
        fulls={props.fulls}
        value={shown}
        onChange={choose}
        onPickBackup={(b) => setBackupId(b.id)}
        selectedBackupId={chosenBackup?.id}
      />
      <div className="flex flex-wrap items-end gap-3">
        <RuleField
          id="pitr-time"
          label={t('backups.pitr.typeTime')}
          rule={t('backups.pitr.typeRule', { zone: localOffsetLabel(now) })}
          className="mb-0"
        >
          {(a) => (
            <input
              {...a}
              type="datetime-local"
              step={1}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && Number.isFinite(typedMs)) choose(typedMs);
              }}
              className={`${inputClass} w-60 tabular-nums`}
            />
          )}
        </RuleField>
        <Button
          onClick={() => Number.isFinite(typedMs) && choose(typedMs)}
          disabled={!Number.isFinite(typedMs)}
        >
          {t('backups.pitr.useTyped')}
        </Button>
        <Button onClick={() => latest !== undefined && choose(latest)} disabled={latest === undefined}>
          {t('backups.pitr.latest')}
        </Button>
      </div>

      <div
        aria-live="polite"
        className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700"
        data-testid="pitr-verdict"
      >
        {chosenBackup ? (
          <div className="grid gap-1.5">
            <p className="font-medium">
              {t('backups.pitr.backupChosen', {
                name: label(chosenBackup),
                kind: kindOf(chosenBackup),
                time: formatTime(backupEnd(chosenBackup)).text,
              })}
            </p>
            {time !== undefined && time > backupEnd(chosenBackup) && (
              <p>{t('backups.pitr.backupChosenLoss', { time: formatTime(backupEnd(chosenBackup)).text })}</p>
            )}
            {time !== undefined && (
              <div>
                <Button size="sm" onClick={() => setBackupId(undefined)}>
                  {t('backups.pitr.backToTime', { time: formatTime(time).text })}
                </Button>
              </div>
            )}
          </div>
        ) : time === undefined || !check ? (
          <p>{refusalText(t, now, { ok: false, reason: 'none' })}</p>
        ) : !check.ok ? (
          <div className="grid gap-1.5">
            <p role="alert" className="text-red-800 dark:text-red-300">
              {refusalText(t, time, check)}
            </p>
            {nearest !== undefined && (
              <div>
                <Button size="sm" onClick={() => choose(nearest)}>
                  {t('backups.pitr.useNearest', { time: formatTime(nearest).text })}
                </Button>
              </div>
            )}
          </div>
        ) : (
          <div className="grid gap-1.5">
            <p className="font-medium">{t('backups.pitr.restorable', { time: formatTime(time).text })}</p>
            {base ? (
              <p>
                {t('backups.pitr.base', {
                  name: label(base),
                  kind: kindOf(base),
                  time: formatTime(backupEnd(base)).text,
                  replay: formatDuration(time - backupEnd(base)),
                })}
              </p>
            ) : (
              <p>{t('backups.pitr.baseUnknown')}</p>
            )}
            {olderOnes.length > 0 && (
              <label className="flex flex-wrap items-center gap-2">
                {t('backups.pitr.olderLabel')}
                <select
                  className={`${inputClass} w-auto max-w-md`}
                  value=""
                  onChange={(e) => e.target.value && setBackupId(e.target.value)}
                >
                  <option value="">{t('backups.pitr.olderNone', { name: base ? label(base) : '' })}</option>
                  {olderOnes.map((b) => (
                    <option key={b.id} value={b.id}>
                      {`${label(b)} · ${formatTime(backupEnd(b)).text}`}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
        )}
      </div>

      <div className="flex flex-wrap items-center gap-2">
        {canNew && point ? (
          <Link
            to={restoreToNewHref(project, point)}
            className="inline-flex h-8 items-center rounded-md bg-sky-700 px-3 text-sm font-medium text-white hover:bg-sky-800"
          >
            {t('backups.restore.toNew')}
          </Link>
        ) : canNew ? (
          <Button variant="primary" disabled>
            {t('backups.restore.toNew')}
          </Button>
        ) : null}
        {canExisting && (
          <Button variant="danger" disabled={!point} onClick={() => setExistingOpen(true)}>
            {t('backups.restore.toExisting')}
          </Button>
        )}
        <PermissionNote
          operations={['restoreToNewInstance', 'restoreToExistingInstance']}
          message="backups.roles.restore"
        />
      </div>
      {point && canExisting && (
        <RestoreExistingDialog
          project={project}
          open={existingOpen}
          onOpenChange={setExistingOpen}
          source={{
            point,
            instanceName: instance.name,
            label: chosenBackup ? label(chosenBackup) : formatTime(time!).text,
          }}
        />
      )}
    </div>
  );
}
