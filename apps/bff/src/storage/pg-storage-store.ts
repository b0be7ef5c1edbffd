import { Pool } from 'pg';
import type { StorageSample } from '@gaussdb-console/api-client';
import type { Secret } from '../auth/secret';
import type { StorageStore, StoredSample } from './storage-store';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS console_storage_samples (
  project     text             NOT NULL,
  instance_id text             NOT NULL,
  name        text,
  time        timestamptz      NOT NULL,
  used_gb     double precision NOT NULL,
  total_gb    double precision NOT NULL,
  PRIMARY KEY (project, instance_id, time)
);
CREATE INDEX IF NOT EXISTS console_storage_samples_time ON console_storage_samples (project, time);
`;

interface Row {
  instance_id: string;
  name: string | null;
  time: Date;
  used_gb: number;
  total_gb: number;
}

const sample = (r: Row): StoredSample => ({
  instance_id: r.instance_id,
  name: r.name,
  time: r.time.toISOString(),
  used_gb: r.used_gb,
  total_gb: r.total_gb,
});

/** The history in the audit's PostgreSQL database (AUDIT_DATABASE_URL): one history for every replica. */
export class PgStorageStore implements StorageStore {
  readonly #pool: Pool;
  #schema: Promise<void> | undefined;

  constructor(url: Secret) {
    this.#pool = new Pool({
      connectionString: url.reveal(),
      max: 2,
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: 5_000,
      application_name: 'gaussdb-console-storage',
      statement_timeout: 15_000,
    });
    // An idle connection that dies is dropped by the pool; the next query reconnects.
    this.#pool.on('error', () => undefined);
  }

  private ready(): Promise<void> {
    this.#schema ??= this.#pool.query(SCHEMA).then(
      () => undefined,
      (err: unknown) => {
        this.#schema = undefined;
        throw err;
      },
    );
    return this.#schema;
  }

  async record(project: string, s: StoredSample): Promise<void> {
    await this.ready();
    await this.#pool.query(
      `INSERT INTO console_storage_samples (project, instance_id, name, time, used_gb, total_gb) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (project, instance_id, time) DO UPDATE SET used_gb = EXCLUDED.used_gb, total_gb = EXCLUDED.total_gb, name = EXCLUDED.name`,
      [project, s.instance_id, s.name, s.time, s.used_gb, s.total_gb],
    );
  }

  async history(project: string, instanceId: string, since: string): Promise<StorageSample[]> {
    await this.ready();
    const r = await this.#pool.query<Row>(
      'SELECT instance_id, name, time, used_gb, total_gb FROM console_storage_samples WHERE project = $1 AND instance_id = $2 AND time >= $3 ORDER BY time',
      [project, instanceId, since],
    );
    return r.rows.map((row) => {
      const { time, used_gb, total_gb } = sample(row);
      return { time, used_gb, total_gb };
    });
  }

  async recent(project: string, since: string): Promise<Map<string, StoredSample[]>> {
    await this.ready();
    const r = await this.#pool.query<Row>(
      'SELECT instance_id, name, time, used_gb, total_gb FROM console_storage_samples WHERE project = $1 AND time >= $2 ORDER BY instance_id, time',
      [project, since],
    );
    const out = new Map<string, StoredSample[]>();
    for (const row of r.rows) {
      const list = out.get(row.instance_id) ?? [];
      list.push(sample(row));
      out.set(row.instance_id, list);
    }
    return out;
  }

  async lastSampled(project: string): Promise<Map<string, number>> {
    await this.ready();
    const r = await this.#pool.query<{ instance_id: string; time: Date }>(
      'SELECT instance_id, MAX(time) AS time FROM console_storage_samples WHERE project = $1 GROUP BY instance_id',
      [project],
    );
    return new Map(r.rows.map((row) => [row.instance_id, row.time.getTime()]));
  }

  async prune(before: string): Promise<number> {
    await this.ready();
    const r = await this.#pool.query('DELETE FROM console_storage_samples WHERE time < $1', [before]);
    return r.rowCount ?? 0;
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}
