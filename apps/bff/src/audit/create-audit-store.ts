import path from 'node:path';
import type { BffConfig } from '../config';
import type { AuditStore } from './audit-store';
import { PgAuditStore, PgAuditStoreError, type PgAuditStoreOptions } from './pg-audit-store';
import { SqliteAuditStore } from './sqlite-audit-store';

/** The audit store cannot be used as configured; start-up reports the message and stops. */
export class AuditConfigError extends Error {
  override name = 'AuditConfigError';
}

type AuditStoreConfig = Pick<BffConfig, 'dataDir' | 'auditDatabaseUrl'>;

/**
 * The configured audit store: PostgreSQL when AUDIT_DATABASE_URL is set, otherwise SQLite at
 * <DATA_DIR>/audit.db. The PostgreSQL store connects on first use; start-up should use `openAuditStore`
 * so a database that is unreachable stops the console instead of losing the trail request by request.
 */
export function createAuditStore(config: AuditStoreConfig, options: PgAuditStoreOptions = {}): AuditStore {
  if (config.auditDatabaseUrl) return new PgAuditStore(config.auditDatabaseUrl, options);
  return new SqliteAuditStore(path.join(config.dataDir, 'audit.db'));
}

/** Creates the configured store and, for PostgreSQL, connects and creates the schema now. */
export async function openAuditStore(
  config: AuditStoreConfig,
  options: PgAuditStoreOptions = {},
): Promise<AuditStore> {
  const store = createAuditStore(config, options);
  if (!(store instanceof PgAuditStore)) return store;
  try {
    await store.start();
    return store;
  } catch (err) {
    await store.close().catch(() => undefined);
    // The message already names the reason and never the URL (see PgAuditStoreError).
    const reason = err instanceof PgAuditStoreError ? err.message : 'PostgreSQL audit store: start-up failed';
    throw new AuditConfigError(
      `${reason}. AUDIT_DATABASE_URL is set, so the console does not start without its audit database.`,
    );
  }
}
