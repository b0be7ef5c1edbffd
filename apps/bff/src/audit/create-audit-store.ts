import path from 'node:path';
import type { BffConfig } from '../config';
import type { AuditStore } from './audit-store';
import { SqliteAuditStore } from './sqlite-audit-store';

export class AuditConfigError extends Error {
  override name = 'AuditConfigError';
}

/**
 * The configured audit store. AUDIT_DATABASE_URL (PostgreSQL) is refused rather than ignored: silently
 * writing the trail somewhere else than the operator asked for would be worse than not starting.
 */
export function createAuditStore(config: Pick<BffConfig, 'dataDir' | 'auditDatabaseUrl'>): AuditStore {
  if (config.auditDatabaseUrl) {
    throw new AuditConfigError(
      'AUDIT_DATABASE_URL is set, but this build stores the audit trail in SQLite only (the PostgreSQL driver "pg" is not installed). ' +
        `Unset AUDIT_DATABASE_URL to use ${path.join(config.dataDir, 'audit.db')}.`,
    );
  }
  return new SqliteAuditStore(path.join(config.dataDir, 'audit.db'));
}
