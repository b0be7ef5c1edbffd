// Secret hygiene on the operation routes: the upstream tokens the emulator issued and the IAM password
// never appear in a response body, header or cookie, nor in a log line, whatever the call and its outcome.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type ConsoleHarness, type Reply } from './console-harness';

let h: ConsoleHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const seen: string[] = [];
function keep(res: Reply): Reply {
  const headers = [...res.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n');
  seen.push(`${res.status}\n${headers}\n${res.headers.getSetCookie().join('\n')}\n${res.text}`);
  return res;
}

describe('secret hygiene on operation routes', () => {
  it('never shows an upstream token or the IAM password, on success, refusal, upstream error or re-auth', async () => {
    const password = h.emu.credentials.iam.password;
    const alice = await h.as('alice');
    const tina = await h.as('tina');
    const core = h.ids.instances['prod-core-01'] as string;
    const victim = h.ids.instances['archive-2023'] as string;

    // Reads and a mutation that succeed.
    keep(await alice.get(h.p('/instances?limit=5')));
    keep(await alice.get(h.p(`/instances/${core}/components`)));
    keep(await alice.get(h.p('/project-quotas')));
    keep(
      await alice.call('POST', h.p(`/instances/${victim}/tags`), {
        tags: [{ key: 'hygiene', value: 'probe' }],
      }),
    );
    keep(await alice.call('PUT', h.p(`/instances/${victim}/name`), { name: 'archive-2023' }));

    // The upstream's own error message carries the token and the password: both are scrubbed.
    const tokens = (await h.admin.tokens()).map((t) => t.token).filter((t) => !h.harnessTokens.has(t));
    expect(tokens.length).toBeGreaterThan(0);
    await h.admin.fault({
      route: 'getProjectQuotas',
      status: 400,
      error_code: 'DBS.200001',
      error_msg: `echo ${tokens.join(' ')} ${password}`,
      count: 1,
    });
    const echoed = keep(await alice.get(h.p('/project-quotas')));
    expect(echoed.status).toBe(400);
    expect(echoed.body.error?.code).toBe('DBS.200001');

    // Upstream refusals and failures.
    keep(await alice.get(h.p(`/instances/${'f'.repeat(32)}in14/components`)));
    await h.admin.fault({ route: 'listComponents', status: 500, count: 4 });
    keep(await alice.get(h.p(`/instances/${core}/components`)));
    await h.admin.fault({ route: 'getVolumeUsage', reset: true, count: 4 });
    keep(await alice.get(h.p(`/instances/${core}/volume-usage`)));

    // Refused by the console itself.
    keep(await alice.call('PUT', h.p(`/instances/${victim}/name`), { name: '1bad' }));
    keep(await tina.get(h.p('/tasks')));
    keep(await alice.get(h.p('/nothing-here')));

    // The token is revoked: the BFF renews it and carries on; the new token must not show either.
    await h.admin.revokeAll();
    keep(await alice.get(h.p('/instances?limit=1')));
    keep(await alice.get('/api/v1/audit?limit=50'));
    keep(await alice.get('/api/v1/session'));

    const secrets = [password, ...(await h.admin.tokens()).map((t) => t.token)];
    expect(secrets.length - h.harnessTokens.size).toBeGreaterThanOrEqual(3); // password, first and renewed BFF token
    expect(h.logs.lines.length).toBeGreaterThan(10);
    const everything = [...seen, ...h.logs.lines];
    for (const secret of secrets) {
      const hits = everything.filter((text) => text.includes(secret));
      expect(
        hits.map((t) => t.slice(0, 200)),
        `a secret of length ${secret.length} leaked`,
      ).toEqual([]);
    }
    for (const text of seen) {
      expect(text.toLowerCase()).not.toContain('x-auth-token');
      expect(text.toLowerCase()).not.toContain('x-subject-token');
    }
  });
});
