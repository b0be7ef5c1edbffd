import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { iamTokenProvider } from '../../src/transport/auth/iam-token';
import type { TestServer } from './test-server';
import { startTestServer } from './test-server';

let iam: TestServer;
let issued = 0;
const NOW = Date.UTC(2025, 4, 1);

beforeAll(async () => {
  iam = await startTestServer();
});
afterAll(async () => {
  await iam.close();
});
beforeEach(() => {
  issued = 0;
  iam.requests.length = 0;
  iam.handle(() => {
    issued += 1;
    return {
      status: 201,
      headers: { 'X-Subject-Token': `tok-${issued}` },
      body: { token: { expires_at: new Date(NOW + 3600_000).toISOString() } },
    };
  });
});

const provider = () =>
  iamTokenProvider(
    {
      type: 'iam',
      iamEndpoint: iam.url,
      user: 'u',
      password: 'pw-secret',
      domain: 'd',
      project: { id: 'p' },
    },
    { fetch: (input, init) => fetch(input, init), now: () => NOW, timeoutMs: 5000 },
  );

describe('IAM token provider', () => {
  it('drops a refused token only if it is still the cached one', async () => {
    const p = provider();
    expect(await p.getToken()).toBe('tok-1');
    await p.invalidate('some-older-token');
    expect(await p.getToken()).toBe('tok-1');
    await p.invalidate('tok-1');
    expect(await p.getToken()).toBe('tok-2');
    expect(iam.requests).toHaveLength(2);
  });

  it("lets one waiting caller give up without failing the others' shared fetch", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    iam.handle(async () => {
      await gate;
      return {
        status: 201,
        headers: { 'X-Subject-Token': 'tok-slow' },
        body: { token: { expires_at: new Date(NOW + 3600_000).toISOString() } },
      };
    });
    const p = provider();
    const impatient = new AbortController();
    const first = p.getToken(impatient.signal);
    const second = p.getToken();
    impatient.abort(new Error('gave up'));
    await expect(first).rejects.toThrow('gave up');
    release();
    await expect(second).resolves.toBe('tok-slow');
    expect(iam.requests).toHaveLength(1);
  });

  it('lists the password and issued tokens as secrets to scrub', async () => {
    const p = provider();
    await p.getToken();
    expect(p.secrets).toEqual(['pw-secret', 'tok-1']);
  });
});
