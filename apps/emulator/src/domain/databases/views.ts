import type { DatabaseDoc, DbUserDoc, SchemaDoc } from './model';

/**
 * How the lists show the stored documents. Instance-level users use the wire's spelling (`attribute`,
 * `rolcreaterole`, `rolconnlimit`, PUBLIC_API_NOTES); tenant users follow the 4.10.12 example (`attributes`,
 * `rolcreatorole`, `rolconlimit`, plus `lock_status`). Sizes are the declared strings (D.13).
 */
export function databaseView(d: DatabaseDoc) {
  return {
    name: d.name,
    owner: d.owner,
    character_set: d.character_set.toLowerCase(),
    collate_set: d.lc_collate,
    size: String(d.size_bytes),
  };
}

const memberof = (u: DbUserDoc) => `{${u.memberof.join(',')}}`;

export function instanceUserView(u: DbUserDoc) {
  return { name: u.name, attribute: { ...u.attributes }, memberof: memberof(u) };
}

export function tenantUserView(u: DbUserDoc) {
  const a = u.attributes;
  return {
    name: u.name,
    attributes: {
      rolsuper: a.rolsuper,
      rolinherit: a.rolinherit,
      rolcreatorole: a.rolcreaterole,
      rolcreatedb: a.rolcreatedb,
      rolcanlogin: a.rolcanlogin,
      rolconlimit: a.rolconnlimit,
      rolreplication: a.rolreplication,
      rolbypassrls: a.rolbypassrls,
    },
    memberof: memberof(u),
    lock_status: u.locked,
  };
}

export function schemaView(s: SchemaDoc) {
  return { schema_name: s.name, owner: s.owner };
}
