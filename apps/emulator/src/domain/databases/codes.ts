import { DB_CODES } from './contract-rules';

/**
 * DBS codes for the conditions only the server can see (catalog A.4, decisions DB-10, PDB-9). The request
 * rules' codes live in the contract (`DB_CODES`); these complete them.
 */
export const SERVER_CODES = {
  databaseExists: 'DBS.200826',
  userExists: 'DBS.200827',
  builtinAccount: 'DBS.200828',
  databaseMissing: 'DBS.200823',
  userMissing: 'DBS.200824',
  /** "Invalid schema": a schema named in a grant that does not exist. */
  schemaInvalid: DB_CODES.schemaName,
  /** "Failed to create all DB schemas": a call whose schemas cannot all be created creates none. */
  schemasFailed: 'DBS.280651',
  passwordReuse: DB_CODES.passwordReuse,
  /** "The object does not exist." (404): an unknown tenant, a tag key the instance lacks. */
  objectMissing: 'DBS.212013',
  /** "The current edition type does not support multitenancy." */
  notMultiTenant: 'DBS.06014011',
} as const;
