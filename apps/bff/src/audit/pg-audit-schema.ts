/**
 * The PostgreSQL audit store's SQL: the two append-only tables, the one-time upgrade of a trail created
 * before write-ahead entries existed, the check that finds everything in place, and the entries view.
 */

export const TABLE = 'audit_log';
export const OUTCOMES = 'audit_outcome';
export const TRIGGER = 'audit_log_append_only';
export const OUTCOME_TRIGGER = 'audit_outcome_append_only';
export const INDEXES = [
  'audit_log_time',
  'audit_log_user',
  'audit_log_operation',
  'audit_log_attempted',
] as const;
/** Serialises schema creation when several replicas start at once (CREATE ... IF NOT EXISTS can race). */
export const SCHEMA_LOCK = 7_202_601_001;

/**
 * Statement-level triggers refuse UPDATE, DELETE and TRUNCATE even when no row would change, so the
 * refusal is visible at once rather than only on a non-empty table. Both tables carry one.
 *
 * Write-ahead entries (result `attempted`) get their outcome as a row of `audit_outcome`, never as an
 * UPDATE. A trail created before write-ahead existed allowed only success/failure: its CHECK is replaced
 * once (ALTER TABLE is DDL, which the append-only trigger does not cover, and it rewrites no row), and
 * `client_request_id` is added.
 */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS ${TABLE} (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  time       timestamptz NOT NULL,
  "user"     text,
  role       text,
  ip         text,
  project    text,
  operation  text NOT NULL,
  target     jsonb NOT NULL CHECK (jsonb_typeof(target) = 'object'),
  input      jsonb,
  status     integer NOT NULL,
  result     text NOT NULL CONSTRAINT audit_log_result_check CHECK (result IN ('success', 'failure', 'attempted')),
  job_id     text,
  error_code text,
  request_id text,
  client_request_id text
);
ALTER TABLE ${TABLE} ADD COLUMN IF NOT EXISTS client_request_id text;
DO $do$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = '${TABLE}'::regclass AND conname = 'audit_log_result_check'
                 AND pg_get_constraintdef(oid) LIKE '%attempted%') THEN
    ALTER TABLE ${TABLE} DROP CONSTRAINT IF EXISTS audit_log_result_check;
    ALTER TABLE ${TABLE} ADD CONSTRAINT audit_log_result_check CHECK (result IN ('success', 'failure', 'attempted'));
  END IF;
END
$do$;
CREATE INDEX IF NOT EXISTS audit_log_time ON ${TABLE} (time);
CREATE INDEX IF NOT EXISTS audit_log_user ON ${TABLE} ("user", time);
CREATE INDEX IF NOT EXISTS audit_log_operation ON ${TABLE} (operation, time);
CREATE INDEX IF NOT EXISTS audit_log_attempted ON ${TABLE} (time) WHERE result = 'attempted';
CREATE TABLE IF NOT EXISTS ${OUTCOMES} (
  entry_id   bigint NOT NULL,
  source     text NOT NULL CHECK (source IN ('request', 'recovery')),
  time       timestamptz NOT NULL,
  status     integer NOT NULL,
  result     text NOT NULL CHECK (result IN ('success', 'failure', 'unknown')),
  job_id     text,
  error_code text,
  PRIMARY KEY (entry_id, source)
);
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP;
END
$fn$;
DO $do$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = '${TABLE}'::regclass AND tgname = '${TRIGGER}') THEN
    CREATE TRIGGER ${TRIGGER} BEFORE UPDATE OR DELETE OR TRUNCATE ON ${TABLE}
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = '${OUTCOMES}'::regclass AND tgname = '${OUTCOME_TRIGGER}') THEN
    CREATE TRIGGER ${OUTCOME_TRIGGER} BEFORE UPDATE OR DELETE OR TRUNCATE ON ${OUTCOMES}
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
  END IF;
END
$do$;
`;

/** What is already there; when all of it is, start-up runs no DDL (so a role with only INSERT + SELECT works). */
export const SCHEMA_STATE = `
SELECT to_regclass($1) IS NOT NULL AS has_table,
       (SELECT count(*) FROM unnest($2::text[]) AS i(name) WHERE to_regclass(i.name) IS NOT NULL)::int AS indexes,
       (SELECT tgenabled FROM pg_trigger WHERE tgrelid = to_regclass($1) AND tgname = $3) AS trigger_state,
       (SELECT tgenabled FROM pg_trigger WHERE tgrelid = to_regclass($4) AND tgname = $5) AS outcome_trigger_state,
       EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass($1) AND conname = 'audit_log_result_check'
               AND pg_get_constraintdef(oid) LIKE '%attempted%') AS write_ahead,
       EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass($1) AND attname = 'client_request_id' AND NOT attisdropped) AS has_client_request_id`;

/**
 * Entries with their effective result: a write-ahead entry's outcome (the request's own, else recovery's)
 * overrides its `attempted` row.
 */
export const ENTRIES = `
WITH e AS (
  SELECT l.id, l.time, l."user", l.role, l.ip, l.project, l.operation, l.target, l.input,
         COALESCE(o.status, r.status, l.status) AS status,
         COALESCE(o.result, r.result, l.result) AS result,
         COALESCE(o.job_id, r.job_id, l.job_id) AS job_id,
         COALESCE(o.error_code, r.error_code, l.error_code) AS error_code,
         l.request_id, l.client_request_id,
         COALESCE(o.time, r.time) AS outcome_time,
         CASE WHEN o.entry_id IS NOT NULL THEN 'request' WHEN r.entry_id IS NOT NULL THEN 'recovery' END AS outcome_source
  FROM ${TABLE} l
  LEFT JOIN ${OUTCOMES} o ON o.entry_id = l.id AND o.source = 'request'
  LEFT JOIN ${OUTCOMES} r ON r.entry_id = l.id AND r.source = 'recovery'
)`;

export const COLUMNS =
  'id, time, "user", role, ip, project, operation, target, input, status, result, job_id, error_code, request_id, client_request_id, outcome_time, outcome_source';
