// Writes docs/bff-routes.md: every operation's console route and the roles that may call it, generated from
// the contract (bffRouteOf) and the policy (policyTable). Run: npm run routes -w apps/bff
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bffRouteOf, isExposedByBff, operationList } from '@gaussdb-console/api-client';
import { policyTable } from '../src/auth/policy';

const here = path.dirname(fileURLToPath(import.meta.url));
export const bffRoutesDoc = path.resolve(here, '../../../docs/bff-routes.md');

export function renderBffRoutes(): string {
  const policy = policyTable();
  const order = (s: string) =>
    s
      .split('.')
      .map((n) => n.padStart(3, '0'))
      .join('.');
  const rows = operationList
    .filter(isExposedByBff)
    .slice()
    .sort((a, b) => order(a.section).localeCompare(order(b.section)))
    .map((op) => {
      const r = bffRouteOf(op);
      const roles = (policy[op.id] ?? []).join(', ') || '—';
      return `| ${op.section} | \`${op.id}\` | ${r.method} | \`${r.template}\` | ${roles} | ${op.method} \`${op.path}\` |`;
    });
  return [
    '# Console API routes',
    '',
    'Generated from the contract (`packages/api-client`, `bffRouteOf`) and the BFF policy (`apps/bff/src/auth/policy.ts`)',
    'by `npm run routes -w apps/bff`; a test fails when this file is stale.',
    '',
    'Every route needs a console session (cookie). Mutations also need `Content-Type: application/json`, the header',
    '`X-Console-Request: 1` and a same-origin request. Errors: `{ "error": { "status", "code", "message", "requestId", "fields" } }`,',
    'with the upstream status and `DBS.*` code when the GaussDB API refused the call. A mutation whose answer never came (timeout,',
    'gateway 504, connection broken after sending) is `OUTCOME_UNKNOWN` (504 or 502): it may have been applied; the error then',
    'carries `job_id` when the job it started was found. `AUDIT_UNAVAILABLE` (503): the audit trail could not be written, nothing',
    "was sent. `UPSTREAM_AUTH_FAILED` (502, with `Retry-After` while the console backs off): the upstream refused the console's",
    "credential. Every answer carries the console's own `X-Request-Id`. Any request for a host name the console does not know is",
    '421 `HOST_NOT_ALLOWED`.',
    '',
    'Besides these: `POST|GET|DELETE /api/v1/session` (sign-in: 429 `RATE_LIMITED` with `Retry-After` past the limits),',
    '`GET /api/v1/info`, `GET /api/v1/policy`, `GET /api/v1/audit` (admin; `result` = success, failure, unknown or attempted),',
    'the console users (admin; the users file the `npm run users` CLI writes, same rules; every change audited):',
    '`GET /api/v1/users`, `POST /api/v1/users` (addConsoleUser), `DELETE /api/v1/users/{name}` (removeConsoleUser),',
    '`PUT /api/v1/users/{name}/role` (changeConsoleUserRole), `PUT /api/v1/users/{name}/password` (resetConsoleUserPassword: their',
    'sessions end), `POST /api/v1/users/{name}/tenants` (grantConsoleUserTenant), `DELETE /api/v1/users/{name}/tenants/{instance_id}/{pdb_id}`',
    '(revokeConsoleUserTenant), `DELETE /api/v1/users/{name}/sessions` (endConsoleUserSessions: on every replica with Redis),',
    "`POST /api/v1/users/{name}/unlock` (admin: lifts the user's sign-in lock; `{ user, unlocked_at }`, 404 `USER_NOT_FOUND`),",
    '`GET /api/v1/projects/{project}/events` (Server-Sent Events; 429 `TOO_MANY_STREAMS` with `Retry-After` past the per-session or',
    'per-server cap), `/healthz`, `/readyz` (cached 5 s, `checked_at`), `/metrics`, and composite reads (admin, operator,',
    'viewer; each also needs every operation it reads; rate-limited per session, 429 `RATE_LIMITED` with `Retry-After`):',
    '`GET /api/v1/projects/{project}/dashboard` (instances by status and by mode and those not ACTIVE, the vCPUs, memory and disk',
    "they hold, running tasks, failures created since `failed_since` (24 h), quota use, the storage forecast's fills-first list,",
    "and for administrators the newest audit entries; from listInstances, listTasks, getProjectQuotas and the console's own",
    'stores), `GET /api/v1/projects/{project}/tags/{key}/{value}/instances` (every instance carrying the tag, paged through',
    "listInstances's `tags` filter), and the storage forecast (needs getVolumeUsage; answered from the console's own readings of",
    '4.3.1, taken by one sampler per project at most every `STORAGE_SAMPLE_MINUTES`, 10 by default):',
    '`GET /api/v1/projects/{project}/instances/{instance_id}/storage-history` (the last 30 days of readings and the trend, "full in',
    'about N days" only where it holds) and `GET /api/v1/projects/{project}/storage-forecast` (the instances that fill first);',
    'and `GET /api/v1/projects/{project}/tenants` (every multi-tenant instance with its tenants and the disk left for them:',
    'listTenants on each instance that is not distributed, then listTenantFlavors on the containers; DBS.06014011 answers are',
    'remembered for ten minutes).',
    '',
    '| § | operation | method | console route | roles | upstream call |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(bffRoutesDoc, renderBffRoutes());
  console.log(`wrote ${path.relative(process.cwd(), bffRoutesDoc)}`);
}
