import path from 'node:path';
import type { BffConfig } from '../config';
import { PgStorageStore } from './pg-storage-store';
import { SqliteStorageStore } from './sqlite-storage-store';
import type { StorageStore } from './storage-store';

/** Beside the audit: PostgreSQL when AUDIT_DATABASE_URL is set, else SQLite at <DATA_DIR>/storage.db. */
export function createStorageStore(config: Pick<BffConfig, 'dataDir' | 'auditDatabaseUrl'>): StorageStore {
  if (config.auditDatabaseUrl) return new PgStorageStore(config.auditDatabaseUrl);
  return new SqliteStorageStore(path.join(config.dataDir, 'storage.db'));
}
