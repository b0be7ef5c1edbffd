import type { StorageSample } from '@gaussdb-console/api-client';

/** One reading of an instance's disk (4.3.1) as stored: the instance's name rides along for lists. */
export interface StoredSample extends StorageSample {
  instance_id: string;
  name: string | null;
}

/**
 * The console's own history of disk usage, per project and instance: SQLite under DATA_DIR by default,
 * PostgreSQL beside the audit trail when AUDIT_DATABASE_URL is set (so every replica sees one history).
 */
export interface StorageStore {
  record(project: string, sample: StoredSample): Promise<void>;
  /** One instance's readings since `since` (ISO), oldest first. */
  history(project: string, instanceId: string, since: string): Promise<StorageSample[]>;
  /** Every instance's readings since `since` (ISO), oldest first, grouped by instance. */
  recent(project: string, since: string): Promise<Map<string, StoredSample[]>>;
  /** When each instance was read last (ms). */
  lastSampled(project: string): Promise<Map<string, number>>;
  /** Drops readings older than `before` (ISO); returns how many. */
  prune(before: string): Promise<number>;
  close(): Promise<void>;
}

/** Readings kept this long. */
export const RETENTION_MS = 30 * 24 * 3600_000;
