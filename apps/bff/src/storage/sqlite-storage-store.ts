import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { StorageSample } from '@gaussdb-console/api-client';
import type { StorageStore, StoredSample } from './storage-store';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS storage_samples (
  project     TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  name        TEXT,
  time        TEXT NOT NULL,
  used_gb     REAL NOT NULL,
  total_gb    REAL NOT NULL,
  PRIMARY KEY (project, instance_id, time)
);
CREATE INDEX IF NOT EXISTS storage_samples_time ON storage_samples (project, time);
`;

interface Row {
  instance_id: string;
  name: string | null;
  time: string;
  used_gb: number;
  total_gb: number;
}

/** The history in <DATA_DIR>/storage.db (one process; replicas share PostgreSQL instead). */
export class SqliteStorageStore implements StorageStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(SCHEMA);
  }

  async record(project: string, s: StoredSample): Promise<void> {
    this.db
      .prepare(
        'INSERT OR REPLACE INTO storage_samples (project, instance_id, name, time, used_gb, total_gb) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(project, s.instance_id, s.name, s.time, s.used_gb, s.total_gb);
  }

  async history(project: string, instanceId: string, since: string): Promise<StorageSample[]> {
    return this.db
      .prepare(
        'SELECT time, used_gb, total_gb FROM storage_samples WHERE project = ? AND instance_id = ? AND time >= ? ORDER BY time',
      )
      .all(project, instanceId, since) as StorageSample[];
  }

  async recent(project: string, since: string): Promise<Map<string, StoredSample[]>> {
    const rows = this.db
      .prepare(
        'SELECT instance_id, name, time, used_gb, total_gb FROM storage_samples WHERE project = ? AND time >= ? ORDER BY instance_id, time',
      )
      .all(project, since) as Row[];
    const out = new Map<string, StoredSample[]>();
    for (const r of rows) {
      const list = out.get(r.instance_id) ?? [];
      list.push(r);
      out.set(r.instance_id, list);
    }
    return out;
  }

  async lastSampled(project: string): Promise<Map<string, number>> {
    const rows = this.db
      .prepare(
        'SELECT instance_id, MAX(time) AS time FROM storage_samples WHERE project = ? GROUP BY instance_id',
      )
      .all(project) as { instance_id: string; time: string }[];
    return new Map(rows.map((r) => [r.instance_id, Date.parse(r.time)]));
  }

  async prune(before: string): Promise<number> {
    return this.db.prepare('DELETE FROM storage_samples WHERE time < ?').run(before).changes;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
