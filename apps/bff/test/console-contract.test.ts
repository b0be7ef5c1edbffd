// The console's own API (session, info, policy, events, audit, dashboard, tag instances) answers exactly
// what the shared contract in @gaussdb-console/api-client says, the contract the web parses with.
import {
  auditPage,
  consoleErrorBody,
  consoleInfo,
  consolePolicy,
  consoleRoutes,
  consoleSession,
  dashboard,
  jobEvent,
  snapshotEvent,
  tagInstances,
} from '@gaussdb-console/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { safeParse, type $ZodType } from 'zod/v4/core';
import { MUTATION } from './helpers';
import { PROJECT, startHarness, TENANT_NAME, type ConsoleHarness } from './console-harness';

let h: ConsoleHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Parses or fails with the paths that do not match, so a drift names the field. */
function mustParse<S extends $ZodType>(schema: S, value: unknown): z.output<S> {
  const r = safeParse(schema, value);
  if (!r.success)
    throw new Error(
      `does not match the contract: ${z.prettifyError(r.error)}\n${JSON.stringify(value).slice(0, 400)}`,
    );
  return r.data;
}

/** Reads a Server-Sent Events stream until the named event arrives, then closes it. */
async function firstEvent(
  path: string,
  cookie: string,
  name: string,
  match: (data: unknown) => boolean = () => true,
): Promise<unknown> {
  const abort = new AbortController();
  const res = await fetch(`${h.url}${path}`, {
    headers: { Cookie: cookie, Accept: 'text/event-stream' },
    signal: abort.signal,
  });
  expect(res.status).toBe(200);
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`stream ended before a ${name} event`);
      buffer += decoder.decode(value, { stream: true });
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop() ?? '';
      for (const block of blocks) {
        const lines = block.split('\n');
        if (lines.includes(`event: ${name}`)) {
          const data = lines.find((l) => l.startsWith('data: '));
          const parsed = data ? (JSON.parse(data.slice(6)) as unknown) : undefined;
          if (parsed !== undefined && match(parsed)) return parsed;
        }
      }
    }
  } finally {
    abort.abort();
  }
}

describe('the console API answers its contract', () => {
  it('session: sign-in and GET answer the same shape for every role; a tenant user gets snake_case grants', async () => {
    for (const user of h.users) {
      const login = await fetch(`${h.url}${consoleRoutes.session}`, {
        method: 'POST',
        headers: MUTATION,
        body: JSON.stringify({ username: user.name, password: user.password }),
      });
      const signedIn = mustParse(consoleSession, await login.json());
      expect(signedIn.role).toBe(user.role);
      const client = await h.as(user.name);
      const again = mustParse(consoleSession, (await client.get(consoleRoutes.session)).body);
      expect(again.projects.map((p) => p.name)).toContain(PROJECT);
      if (user.role === 'tenant') {
        expect(again.tenants).toEqual([h.ids.tenants[TENANT_NAME]]);
      } else {
        expect(again.tenants).toBeUndefined();
      }
    }
  });

  it('info and policy', async () => {
    mustParse(consoleInfo, await (await fetch(`${h.url}${consoleRoutes.info}`)).json());
    const policy = mustParse(consolePolicy, (await (await h.as('vera')).get(consoleRoutes.policy)).body);
    expect(policy.operations.listInstances).toEqual(['admin', 'operator', 'viewer', 'tenant']);
    expect(policy.tenant_scopes.listTenants).toBe('own-tenants-list');
  });

  it('dashboard and instances by tag', async () => {
    const viewer = await h.as('vera');
    mustParse(dashboard, (await viewer.get(h.p('/dashboard'))).body);
    const tagged = mustParse(
      tagInstances,
      (await viewer.get(consoleRoutes.tagInstances(PROJECT, 'env', 'prod'))).body,
    );
    expect(tagged.instances.length).toBe(tagged.total_count);
  });

  it('audit: the trail, after the sign-ins above', async () => {
    const page = mustParse(
      auditPage,
      (await (await h.as('alice')).get(`${consoleRoutes.audit}?operation=login&limit=5`)).body,
    );
    expect(page.entries.length).toBeGreaterThan(0);
    expect(page.entries.every((e) => e.operation === 'login')).toBe(true);
  });

  it("events: a new listener's snapshot, then the job a restart starts", async () => {
    const cookie = (await h.as('vera')).cookie;
    const snapshot = mustParse(
      snapshotEvent,
      await firstEvent(consoleRoutes.events(PROJECT), cookie, 'snapshot'),
    );
    expect(snapshot.jobs.every((j) => j.status === 'Running')).toBe(true);
    const target = h.ids.instances['staging-app'] as string;
    const next = firstEvent(
      consoleRoutes.events(PROJECT),
      cookie,
      'job',
      (d) => safeParse(jobEvent, d).data?.instance?.id === target,
    );
    expect((await (await h.as('oscar')).call('POST', h.p(`/instances/${target}/restart`), {})).status).toBe(
      202,
    );
    const job = mustParse(jobEvent, await next);
    expect(job.instance?.id).toBe(target);
  });

  it('errors: refusals share one body', async () => {
    const anonymous = await fetch(`${h.url}${consoleRoutes.session}`);
    expect(mustParse(consoleErrorBody, await anonymous.json()).error.code).toBe('UNAUTHENTICATED');
    const forbidden = await (await h.as('vera')).get(consoleRoutes.audit);
    expect(mustParse(consoleErrorBody, forbidden.body).error.status).toBe(403);
    const invalid = await (await h.as('alice')).get(`${consoleRoutes.audit}?result=maybe`);
    expect(mustParse(consoleErrorBody, invalid.body).error.fields?.[0]?.path).toBe('query.result');
  });
});
