import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineOperation } from '../../src/operations/define';
import { akskStrategy, authStep, isTokenRefused, tokenStrategy } from '../../src/transport/auth/auth-step';
import type { TokenProvider } from '../../src/transport/auth/iam-token';
import { InMemoryTokenStore } from '../../src/transport/auth/token-store';
import { GaussDbApiError } from '../../src/transport/errors';
import type { Handler, TransportRequest } from '../../src/transport/types';
import { createThing, getThing, request, response } from './fixtures';

const refused = (status: number, errorCode?: string) =>
  new GaussDbApiError({ status, errorCode, errorMsg: 'no', requestId: undefined, operationId: 'op' });

/** A provider that hands out token-1, token-2, … each time the current one is invalidated. */
function countingProvider() {
  let n = 1;
  const provider: TokenProvider = {
    secrets: [],
    getToken: async () => `token-${n}`,
    invalidate: async (token) => {
      if (token === `token-${n}`) n += 1;
    },
  };
  return provider;
}

function recording(answer: (req: TransportRequest, n: number) => Promise<ReturnType<typeof response>>) {
  const seen: TransportRequest[] = [];
  const next: Handler = (req) => {
    seen.push(req);
    return answer(req, seen.length);
  };
  return { seen, next };
}

describe('auth step', () => {
  it('adds X-Auth-Token', async () => {
    const { seen, next } = recording(async () => response(200));
    await authStep(tokenStrategy(countingProvider(), true))(next)(request(getThing));
    expect(seen[0]?.headers['X-Auth-Token']).toBe('token-1');
  });

  it('renews once after a refusal and sends again with the new token', async () => {
    const { seen, next } = recording(async (_req, n) => {
      if (n === 1) throw refused(403, 'DBS.280056');
      return response(202);
    });
    await authStep(tokenStrategy(countingProvider(), true))(next)(request(createThing));
    expect(seen.map((r) => r.headers['X-Auth-Token'])).toEqual(['token-1', 'token-2']);
  });

  it('fails after the second refusal without a third attempt', async () => {
    const { seen, next } = recording(async () => {
      throw refused(401);
    });
    await expect(
      authStep(tokenStrategy(countingProvider(), true))(next)(request(getThing)),
    ).rejects.toMatchObject({ status: 401 });
    expect(seen).toHaveLength(2);
  });

  it('does not retry a static token', async () => {
    const { seen, next } = recording(async () => {
      throw refused(401);
    });
    await expect(
      authStep(tokenStrategy(countingProvider(), false))(next)(request(getThing)),
    ).rejects.toBeInstanceOf(GaussDbApiError);
    expect(seen).toHaveLength(1);
  });

  it('sends the token request itself without credentials', async () => {
    const createIamToken = defineOperation({
      id: 'createIamToken',
      section: 'iam.1',
      title: 'token',
      titleZh: 'token',
      area: 'iam',
      method: 'POST',
      path: '/v3/auth/tokens',
      response: z.unknown(),
      successStatus: 201,
      service: 'iam',
      projectless: true,
    });
    const { seen, next } = recording(async () => response(201));
    await authStep(tokenStrategy(countingProvider(), true))(next)(request(createIamToken));
    expect(seen[0]?.headers['X-Auth-Token']).toBeUndefined();
  });

  it('signs with AK/SK, adding X-Project-Id and X-Security-Token', async () => {
    const { seen, next } = recording(async () => response(200));
    const strategy = akskStrategy(
      { type: 'aksk', accessKey: 'AK1', secretKey: 'SK-secret', securityToken: 'sec-tok' },
      () => Date.UTC(2025, 0, 2, 3, 4, 5),
    );
    await authStep(strategy)(next)(request(getThing, { projectId: 'p-1' }));
    const headers = seen[0]?.headers ?? {};
    expect(headers['X-Project-Id']).toBe('p-1');
    expect(headers['X-Sdk-Date']).toBe('20250102T030405Z');
    expect(headers.Authorization).toContain(
      'SignedHeaders=content-type;host;x-project-id;x-sdk-date;x-security-token',
    );
  });

  it('recognises exactly the refusals worth a renewal', () => {
    expect(isTokenRefused(refused(401))).toBe(true);
    expect(isTokenRefused(refused(403, 'DBS.280056'))).toBe(true);
    expect(isTokenRefused(refused(403, 'DBS.280001'))).toBe(false);
    expect(isTokenRefused(new Error('x'))).toBe(false);
  });
});

describe('InMemoryTokenStore', () => {
  it('keeps, returns and forgets a token', () => {
    const store = new InMemoryTokenStore();
    store.set('k', 't', 123);
    expect(store.get('k')).toEqual({ token: 't', expiresAt: 123 });
    store.delete('k');
    expect(store.get('k')).toBeUndefined();
  });
});
