// docs/deploy.md done for real: Debian's nginx (TLS, a certificate made here) in front of two compiled console
// processes sharing redis-server, auditing to PostgreSQL, with the emulator as the GaussDB endpoint. The browser
// only ever talks https to nginx.
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import {
  ADMIN,
  HOSTNAME,
  metric,
  startDeployment,
  until,
  type Deployment,
  type Replica,
} from '../support/deployment';

const POLL_MS = 500;
/** The leader lease (apps/bff/src/events/leader.ts): a dead leader's successor polls within it. */
const LEASE_MS = 10_000;

let deployment: Deployment;

test.describe.configure({ mode: 'serial' });
test.use({
  ignoreHTTPSErrors: true,
  // *.localhost is loopback in Chromium already; said explicitly so no resolver is asked.
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--host-resolver-rules=MAP ${HOSTNAME} 127.0.0.1`,
    ],
  },
});

test.beforeAll(async () => {
  test.setTimeout(120_000);
  deployment = await startDeployment({ pollMs: POLL_MS });
});

test.afterAll(async () => {
  await deployment?.stop();
});

const replicaOnPort = (addr: string | undefined): Replica | undefined =>
  deployment.replicas.find((r) => addr?.endsWith(`:${r.port}`));

/** The replica holding the page's live event stream (bff_sse_clients on each replica's own /metrics). */
async function streamHolder(): Promise<Replica | undefined> {
  const open = await Promise.all(
    deployment.replicas.map(async (r) => (r.alive() ? metric(r, 'bff_sse_clients') : 0)),
  );
  const holders = deployment.replicas.filter((_, i) => (open[i] ?? 0) > 0);
  return holders.length === 1 ? holders[0] : undefined;
}

const leaderPid = (): number | undefined => {
  const id = execFileSync('redis-cli', ['-p', String(deployment.redisPort), 'GET', 'gdc:ev:{prod}:leader'], {
    encoding: 'utf8',
  }).trim();
  return id ? Number(id.split(':')[1]) : undefined;
};

const taskPolls = async (): Promise<number> => {
  const { requests } = (await deployment.emulatorAdmin('GET', '/requests?limit=1000')) as {
    requests: { operation?: string }[];
  };
  return requests.filter((r) => r.operation === 'listTasks').length;
};

async function signIn(page: Page): Promise<void> {
  const res = await page.goto(`${deployment.publicUrl}/login`);
  expect(res?.status(), `GET /login through nginx: ${deployment.accessLog().slice(-5).join(' | ')}`).toBe(
    200,
  );
  await page.getByLabel(/user name|用户名/i).fill(ADMIN.username);
  await page.getByLabel(/^password$|^密码$/i).fill(ADMIN.password);
  await page.getByRole('button', { name: /sign in|登录/i }).click();
  // A DBA's home is the dashboard; the instance list is one click away in the navigation.
  await expect(page).toHaveURL(/\/p\/prod\/dashboard/);
  await page.getByRole('navigation').getByRole('link', { name: 'Instances', exact: true }).click();
  await expect(page).toHaveURL(/\/p\/prod\/instances/);
}

/** A console API call made by the page itself (same origin, its cookie): the browser's way through nginx. */
async function consoleApi(
  page: Page,
  method: string,
  rel: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return page.evaluate(
    async ({ url, method }) => {
      const res = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-console-request': '1' },
        ...(method === 'GET' ? {} : { body: '{}' }),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    { url: `${deployment.publicUrl}/api/v1/projects/prod${rel}`, method },
  );
}

test('over https through nginx: a __Host- Secure session cookie and HSTS; exactly one replica polls the upstream', async ({
  page,
}) => {
  const first = await page.goto(`${deployment.publicUrl}/login`);
  expect(page.url().startsWith(`https://${HOSTNAME}:`)).toBe(true);
  expect(first?.headers()['strict-transport-security']).toMatch(/max-age=\d+/);
  await signIn(page);
  await expect(page.getByRole('row').filter({ hasText: 'staging-app' })).toBeVisible();
  const session = (await page.context().cookies()).find((c) => c.name.startsWith('__Host-'));
  expect(session, 'the session cookie').toBeDefined();
  expect(session?.secure).toBe(true);
  expect(session?.httpOnly).toBe(true);
  expect(session?.path).toBe('/');
  expect(session?.domain).toBe(HOSTNAME);

  // A listener on each replica (the session's cookie, straight to each replica's port, so that no page's own reads
  // count): both replicas have listeners, one of them leads the project's polling, the other polls nothing.
  await page.goto('about:blank');
  const cookie = `${session?.name}=${session?.value}`;
  const listeners = await Promise.all(
    deployment.replicas.map((r) => openStream(`${r.url}/api/v1/projects/prod/events`, cookie)),
  );
  try {
    const pids = deployment.replicas.map((r) => r.child.pid);
    const leader = await until(() => leaderPid(), 'a polling leader');
    expect(pids).toContain(leader);
    await deployment.emulatorAdmin('DELETE', '/requests');
    const from = Date.now();
    await until(() => Date.now() - from >= 10 * POLL_MS, 'ten poll intervals');
    const polls = await taskPolls();
    // One poller: about one poll per interval (two pollers would make about twenty).
    expect(polls).toBeGreaterThanOrEqual(4);
    expect(polls).toBeLessThanOrEqual(13);
  } finally {
    for (const l of listeners) l.abort();
  }
});

/** An open event stream (read and discarded) once its first bytes arrived; abort() closes it. */
async function openStream(url: string, cookie: string): Promise<AbortController> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { cookie, accept: 'text/event-stream' }, signal: abort.signal });
  expect(res.status).toBe(200);
  const reader = res.body?.getReader();
  await reader?.read();
  void (async () => {
    try {
      for (;;) if ((await reader?.read())?.done !== false) return;
    } catch {
      // aborted
    }
  })();
  return abort;
}

test('the session survives the death of a replica that served it (the one holding its live stream), and the live task stream goes on through the other', async ({
  page,
}) => {
  await signIn(page);
  await page.goto(`${deployment.publicUrl}/wall/prod`);
  await expect(page.getByText(/Running jobs \(\d+\)/)).toBeVisible();
  // The victim: the replica holding the wall's live event stream, which also answered some of this session's
  // API calls (nginx alternates between the two replicas).
  const victim = await until(() => streamHolder(), 'the wall’s event stream to open');
  const survivor = deployment.replicas.find((r) => r !== victim) as Replica;
  const servedByVictim = deployment
    .accessLog()
    .filter((l) => l.includes(' /api/v1/') && replicaOnPort(l.split(' ')[3]) === victim);
  expect(servedByVictim.length, 'API calls of this session the victim answered').toBeGreaterThan(0);

  // Killed outright, as a crash would: no graceful hand-over.
  await victim.kill('SIGKILL');
  // The stream reconnects through nginx to the survivor (EventSource retry), same cookie, no sign-in.
  await until(
    async () => (await metric(survivor, 'bff_sse_clients')) > 0,
    'the stream to reconnect to the survivor',
    30_000,
  );
  await until(
    () => leaderPid() === survivor.child.pid,
    'the survivor to lead the polling',
    LEASE_MS + 10_000,
  );

  // The session works on the survivor: a list through nginx, and a mutation started from this browser.
  const list = await consoleApi(page, 'GET', '/instances?limit=100');
  expect(list.status).toBe(200);
  const target = (list.body.instances as { id: string; name: string; status: string }[]).find(
    (i) => i.name === 'staging-app',
  );
  expect(target).toBeDefined();
  const restart = await consoleApi(page, 'POST', `/instances/${target?.id}/restart`);
  expect(restart.status).toBe(202);

  // The open wall, fed by the survivor's stream, shows the job live.
  const running = page.locator('section', { has: page.getByText(/Running jobs/) });
  await expect(running.getByRole('listitem').filter({ hasText: 'staging-app' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('status').filter({ hasText: /reconnecting/i })).toHaveCount(0, {
    timeout: 15_000,
  });
  // Still signed in after a full navigation (the cookie's session lives in Redis).
  await page.goto(`${deployment.publicUrl}/p/prod/instances`);
  await expect(page).toHaveURL(/\/p\/prod\/instances/);
  await expect(page.getByRole('row').filter({ hasText: 'staging-app' })).toBeVisible();
});
