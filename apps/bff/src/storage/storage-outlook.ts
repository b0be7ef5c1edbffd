import type { StorageHistory, StorageOutlook, StorageOutlookEntry } from '@gaussdb-console/api-client';
import { forecast, TREND_WINDOW_MS } from './forecast';
import { RETENTION_MS, type StorageStore } from './storage-store';

const iso = (ms: number) => new Date(ms).toISOString();

/** One instance's readings of the last 30 days and its trend. */
export async function instanceHistory(
  store: StorageStore,
  project: string,
  instanceId: string,
  now: number,
  sampleMinutes: number,
): Promise<StorageHistory> {
  const samples = await store.history(project, instanceId, iso(now - RETENTION_MS));
  return {
    instance_id: instanceId,
    samples,
    forecast: forecast(samples, now),
    sample_minutes: sampleMinutes,
  };
}

/** Soonest full first (those with a date), then the fullest. */
const fillsFirst = (a: StorageOutlookEntry, b: StorageOutlookEntry) => {
  const da = a.forecast.days_to_full ?? Infinity;
  const db = b.forecast.days_to_full ?? Infinity;
  return da !== db ? da - db : b.used_percent - a.used_percent;
};

/**
 * The project's disks as last read: used and total over the instances read, and the instances that will
 * fill first. Instances not read within two intervals (deleted, or no longer answering) are left out.
 */
export async function projectOutlook(
  store: StorageStore,
  project: string,
  now: number,
  sampleMinutes: number,
  limit = 10,
): Promise<StorageOutlook> {
  const byInstance = await store.recent(project, iso(now - TREND_WINDOW_MS));
  const fresh = now - 2 * Math.max(sampleMinutes, 10) * 60_000 - 60_000;
  const entries: StorageOutlookEntry[] = [];
  for (const [id, samples] of byInstance) {
    const last = samples.at(-1);
    if (!last || Date.parse(last.time) < fresh) continue;
    entries.push({
      id,
      name: last.name,
      used_gb: last.used_gb,
      total_gb: last.total_gb,
      used_percent:
        last.total_gb > 0 ? Math.min(100, Math.round((last.used_gb / last.total_gb) * 1000) / 10) : 0,
      sampled_at: last.time,
      forecast: forecast(samples, now),
    });
  }
  entries.sort(fillsFirst);
  return {
    project,
    sampled: entries.length,
    used_gb: Math.round(entries.reduce((a, e) => a + e.used_gb, 0) * 10) / 10,
    total_gb: Math.round(entries.reduce((a, e) => a + e.total_gb, 0) * 10) / 10,
    fills_first: entries.slice(0, limit),
    sample_minutes: Math.max(sampleMinutes, 10),
  };
}
