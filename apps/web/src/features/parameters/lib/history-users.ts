import type {
  AuditEntryView,
  TemplateApplyRecord,
  TemplateModifyRecord,
} from '@gaussdb-console/api-client/browser';

/**
 * Who made each change of a template's histories (4.5.13, 4.5.14), read from the console's audit trail.
 * The API's records name no user; an audited call of this console that fits a record gives its user.
 * Records made outside this console (another tool, the vendor console) stay without a user.
 */

/** The API's times: `2022-08-09T03:06:52+0800`, `…Z`, or `yyyy-MM-dd HH:mm:ss` (UTC). NaN when unreadable. */
export function parseApiTime(value: string | null | undefined): number {
  if (!value) return Number.NaN;
  const v = value
    .trim()
    .replace(' UTC', 'Z')
    .replace(/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/, '$1T$2Z')
    .replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
  return Date.parse(v);
}

/** Times of the API are whole seconds: a record may fall a second outside its job. */
const SLACK_MS = 2000;

export interface JobSpan {
  created?: string;
  ended?: string;
  instanceId?: string;
}

const instanceIdsOf = (e: AuditEntryView): string[] => {
  const ids = (e.input as { instance_ids?: unknown } | null)?.instance_ids;
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
};

/**
 * 4.5.13: an application belongs to the audited `applyParameterTemplate` call whose job ran on its instance
 * when the record was written (the record's time lies within the job, both on the API's clock).
 */
export function applyRecordUser(
  record: TemplateApplyRecord,
  entries: readonly AuditEntryView[],
  jobs: Readonly<Record<string, JobSpan>>,
): string | undefined {
  const at = parseApiTime(record.applied_at);
  let best: { user: string; distance: number } | undefined;
  for (const e of entries) {
    if (!e.user || !e.job_id || !instanceIdsOf(e).includes(record.instance_id)) continue;
    const job = jobs[e.job_id];
    if (!job) continue;
    const start = parseApiTime(job.created);
    const end = job.ended ? parseApiTime(job.ended) : Number.POSITIVE_INFINITY;
    if (!Number.isFinite(at) || !Number.isFinite(start)) continue;
    if (at < start - SLACK_MS || at > end + SLACK_MS) continue;
    const distance = Math.abs(at - start);
    if (!best || distance < best.distance) best = { user: e.user, distance };
  }
  return best?.user;
}

/** How far apart the audit's time and the API's may be for a reset to be matched by time alone. */
export const RESET_MATCH_WINDOW_MS = 120_000;

/**
 * 4.5.14: a template's parameters change through this console only by a reset (4.5.8, synchronous, no job):
 * the record belongs to the audited reset closest in time, within RESET_MATCH_WINDOW_MS.
 */
export function modifyRecordUser(
  record: TemplateModifyRecord,
  resets: readonly AuditEntryView[],
): string | undefined {
  const at = parseApiTime(record.updated_at);
  if (!Number.isFinite(at)) return undefined;
  let best: { user: string; distance: number } | undefined;
  for (const e of resets) {
    const distance = Math.abs(Date.parse(e.time) - at);
    if (!e.user || !(distance <= RESET_MATCH_WINDOW_MS)) continue;
    if (!best || distance < best.distance) best = { user: e.user, distance };
  }
  return best?.user;
}
