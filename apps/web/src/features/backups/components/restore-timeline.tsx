import type { Backup } from '@gaussdb-console/api-client/browser';
import { clsx } from 'clsx';
import { useId, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../shared/lib/format';
import { backupEnd } from '../api/use-backups';
import { kindOf as backupKind } from '../lib/backup-format';
import { checkTime, isCompletedFull, type Window } from '../api/restore-windows';
import { percentOf, timeAt } from '../lib/timeline-geometry';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Day boundaries (the browser's midnight) inside the track, at most ~10 labelled. */
function dayTicks(from: number, to: number): number[] {
  const first = new Date(from);
  first.setHours(24, 0, 0, 0);
  const out: number[] = [];
  for (let t = first.getTime(); t < to; t += DAY) out.push(t);
  const every = Math.max(1, Math.ceil(out.length / 10));
  return out.filter((_, i) => i % every === 0);
}

const dayLabel = (t: number, lang: string) =>
  new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric' }).format(new Date(t));

/**
 * The restorable windows of an instance on a time track (4.7.7), every full backup as a marker, and the
 * chosen restore point. A slider for the keyboard: ←/→ one minute, Shift+←/→ one hour, PageUp/PageDown
 * one day, Home/End the earliest/latest restorable second. A click on the track chooses the time under
 * the pointer; a marker chooses its backup. Whether the time can be restored to is said by the caller
 * (the track only reports the choice), so typed and clicked times are judged the same way.
 */
export function RestoreTimeline(props: {
  from: number;
  to: number;
  now: number;
  windows: readonly Window[];
  fulls: readonly Backup[];
  value: number | undefined;
  onChange: (t: number) => void;
  /** The backup a marker stands for was chosen. */
  onPickBackup: (b: Backup) => void;
  selectedBackupId?: string;
}) {
  const { t, i18n } = useTranslation();
  const { from, to, windows, value } = props;
  const [hover, setHover] = useState<number>();
  const helpId = useId();
  const markers = props.fulls.filter((b) => {
    const end = backupEnd(b);
    return Number.isFinite(end) && end >= from && end <= to;
  });
  const check = value === undefined ? undefined : checkTime(windows, value, props.now);
  const valueText =
    value === undefined
      ? t('backups.timeline.noneChosen')
      : `${formatTime(value).text}, ${check?.ok ? t('backups.timeline.restorable') : t('backups.timeline.notRestorable')}`;

  const atPointer = (e: MouseEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return timeAt(r.width > 0 ? (e.clientX - r.left) / r.width : 0, from, to);
  };

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const base = value ?? windows[windows.length - 1]?.end ?? props.now;
    const step = e.shiftKey ? HOUR : MINUTE;
    let next: number | undefined;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') next = base - step;
    else if (e.key === 'ArrowRight' || e.key === 'ArrowUp') next = base + step;
    else if (e.key === 'PageDown') next = base - DAY;
    else if (e.key === 'PageUp') next = base + DAY;
    else if (e.key === 'Home') next = windows[0]?.start;
    else if (e.key === 'End') next = windows[windows.length - 1]?.end;
    if (next === undefined) return;
    e.preventDefault();
    props.onChange(Math.min(to, Math.max(from, Math.round(next / 1000) * 1000)));
  };

  const pos = (ms: number) => `${percentOf(ms, from, to)}%`;
  return (
    <div className="select-none">
      <div className="relative h-6" aria-hidden={markers.length === 0 ? true : undefined}>
        {markers.map((b) => {
          const end = backupEnd(b);
          const ok = isCompletedFull(b);
          const chosen = b.id === props.selectedBackupId;
          const kind = t(`backups.type.${backupKind(b)}`);
          return (
            <button
              key={b.id}
              type="button"
              disabled={!ok}
              onClick={() => props.onPickBackup(b)}
              style={{ left: pos(end) }}
              title={`${b.name ?? b.id} · ${kind} · ${formatTime(end).text}`}
              aria-label={t(ok ? 'backups.timeline.marker' : 'backups.timeline.markerFailed', {
                name: b.name ?? b.id,
                kind,
                time: formatTime(end).text,
              })}
              aria-pressed={chosen}
              className={clsx(
                'absolute top-0 -translate-x-1/2 rounded-sm px-0.5 text-[13px] leading-none focus-visible:outline-2 focus-visible:outline-sky-600',
                !ok
                  ? 'text-red-600 dark:text-red-400'
                  : chosen
                    ? 'text-amber-600 dark:text-amber-400'
                    : 'text-slate-700 hover:text-sky-700 dark:text-slate-200 dark:hover:text-sky-300',
              )}
            >
              ▼
            </button>
          );
        })}
      </div>
      <div
        role="slider"
        tabIndex={0}
        aria-label={t('backups.timeline.label')}
        aria-valuemin={from}
        aria-valuemax={to}
        aria-valuenow={value ?? to}
        aria-valuetext={valueText}
        aria-describedby={helpId}
        onKeyDown={onKey}
        onClick={(e) => props.onChange(atPointer(e))}
        onMouseMove={(e) => setHover(atPointer(e))}
        onMouseLeave={() => setHover(undefined)}
        className="relative h-8 cursor-crosshair rounded border border-slate-300 bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:border-slate-600 dark:bg-slate-800"
      >
        {windows.map((w) => (
          <div
            key={`${w.start}-${w.end}`}
            data-testid="restore-window"
            className="absolute inset-y-0 bg-emerald-500/70 dark:bg-emerald-600/70"
            style={{ left: pos(w.start), width: `calc(${pos(w.end)} - ${pos(w.start)})`, minWidth: 2 }}
            title={`${formatTime(w.start).text} – ${formatTime(w.end).text}`}
          />
        ))}
        {markers.map((b) => (
          <div
            key={b.id}
            aria-hidden
            className="absolute inset-y-0 w-px bg-slate-600/60 dark:bg-slate-300/60"
            style={{ left: pos(backupEnd(b)) }}
          />
        ))}
        {value !== undefined && (
          <div
            aria-hidden
            className={clsx(
              'absolute -inset-y-1 w-0.5',
              check?.ok ? 'bg-sky-700 dark:bg-sky-300' : 'bg-red-600 dark:bg-red-400',
            )}
            style={{ left: pos(value) }}
          />
        )}
        {hover !== undefined && (
          <span
            aria-hidden
            className="pointer-events-none absolute -top-7 z-10 -translate-x-1/2 rounded bg-slate-900 px-1.5 py-0.5 text-[11px] whitespace-nowrap text-white dark:bg-slate-100 dark:text-slate-900"
            style={{ left: pos(hover) }}
          >
            {formatTime(hover).text}
          </span>
        )}
      </div>
      <div className="relative mt-1 h-4 text-[11px] text-slate-500 dark:text-slate-400" aria-hidden>
        {dayTicks(from, to).map((d) => (
          <span key={d} className="absolute -translate-x-1/2 whitespace-nowrap" style={{ left: pos(d) }}>
            {dayLabel(d, i18n.language)}
          </span>
        ))}
      </div>
      <p id={helpId} className="mt-1 flex flex-wrap gap-x-4 text-xs text-slate-500 dark:text-slate-400">
        <span>
          <span
            aria-hidden
            className="mr-1 inline-block h-2.5 w-4 rounded-sm bg-emerald-500/70 align-middle"
          />
          {t('backups.timeline.legendWindow')}
        </span>
        <span>
          <span aria-hidden className="mr-1">
            ▼
          </span>
          {t('backups.timeline.legendMarker')}
        </span>
        <span>{t('backups.timeline.keys')}</span>
      </p>
    </div>
  );
}
