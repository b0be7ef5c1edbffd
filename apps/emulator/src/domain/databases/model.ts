import { defineCollection } from '../../store/collection';

/**
 * Databases, database users and schemas as stored. One model serves the instance level (4.9.x) and the
 * tenant level (4.10.10–4.10.15): a `DbScope` names the instance and, inside a multi-tenant instance, the
 * tenant (`pdbId`, empty at instance level). Inside a tenant there is one database, the tenant itself, so its
 * schemas carry an empty `db_name`.
 */
export interface DbScope {
  projectId: string;
  instanceId: string;
  /** '' at instance level. */
  pdbId: string;
}

export const instanceScope = (projectId: string, instanceId: string): DbScope => ({
  projectId,
  instanceId,
  pdbId: '',
});
export const scopeKey = (s: { instance_id: string; pdb_id: string } | DbScope): string =>
  'instance_id' in s ? `${s.instance_id}/${s.pdb_id}` : `${s.instanceId}/${s.pdbId}`;

export interface DatabaseDoc {
  id: string;
  project_id: string;
  instance_id: string;
  pdb_id: string;
  name: string;
  owner: string;
  character_set: string;
  lc_collate: string;
  lc_ctype: string;
  /** Bytes, shown as the list's `size` string. */
  size_bytes: number;
  created_at: number;
}

/** pg_roles attributes, stored under the wire's spelling (PUBLIC_API_NOTES). */
export interface RoleAttributes {
  rolsuper: boolean;
  rolinherit: boolean;
  rolcreaterole: boolean;
  rolcreatedb: boolean;
  rolcanlogin: boolean;
  rolconnlimit: number;
  rolreplication: boolean;
  rolbypassrls: boolean;
}

export interface PrivilegeGrant {
  db_name: string;
  schema_name: string;
  readonly: boolean;
}

export interface DbUserDoc {
  id: string;
  project_id: string;
  instance_id: string;
  pdb_id: string;
  name: string;
  /** sha256 of the user id and the password; null for built-in accounts whose password the service holds. */
  password_hash: string | null;
  /** root and the platform's accounts: listed (root) or hidden (rdsAdmin…), never created or dropped. */
  builtin: boolean;
  attributes: RoleAttributes;
  memberof: string[];
  /** Tenant users show `lock_status` (4.10.12). */
  locked: boolean;
  grants: PrivilegeGrant[];
  created_at: number;
  updated_at: number;
}

export interface SchemaDoc {
  id: string;
  project_id: string;
  instance_id: string;
  pdb_id: string;
  /** '' inside a tenant. */
  db_name: string;
  name: string;
  owner: string;
  created_at: number;
}

export const databasesCollection = defineCollection<DatabaseDoc>({
  name: 'databases',
  columns: {
    instance_id: { type: 'TEXT', get: (d) => d.instance_id },
    scope: { type: 'TEXT', get: (d) => scopeKey(d) },
    created_at: { type: 'INTEGER', get: (d) => d.created_at },
  },
});

export const dbUsersCollection = defineCollection<DbUserDoc>({
  name: 'db_users',
  columns: {
    instance_id: { type: 'TEXT', get: (u) => u.instance_id },
    scope: { type: 'TEXT', get: (u) => scopeKey(u) },
    created_at: { type: 'INTEGER', get: (u) => u.created_at },
  },
});

export const schemasCollection = defineCollection<SchemaDoc>({
  name: 'db_schemas',
  columns: {
    instance_id: { type: 'TEXT', get: (s) => s.instance_id },
    scope_db: { type: 'TEXT', get: (s) => `${scopeKey(s)}/${s.db_name}` },
    created_at: { type: 'INTEGER', get: (s) => s.created_at },
  },
});

/** Document ids: one namespace per scope (and per database for schemas), so a duplicate is a primary-key hit. */
export const databaseId = (s: DbScope, name: string) => `${scopeKey(s)}/${name}`;
export const userId = (s: DbScope, name: string) => `${scopeKey(s)}/${name}`;
export const schemaId = (s: DbScope, db: string, name: string) => `${scopeKey(s)}/${db}/${name}`;
