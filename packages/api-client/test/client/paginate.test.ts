import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { createGaussDbClient } from '../../src/client';
import { paginate } from '../../src/helpers/paginate';
import { GaussDbConfigError } from '../../src/transport/errors';
import type { TestServer } from '../transport/test-server';
import { startTestServer } from '../transport/test-server';
import { thingOperations } from './things';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

const ROWS = Array.from({ length: 7 }, (_, i) => ({ id: `t${i}`, name: `thing ${i}`, job_id: `j${i}` }));

const client = () =>
  createGaussDbClient({
    endpoint: server.url,
    projectId: 'p',
    auth: { type: 'token', token: 't' },
    operations: thingOperations,
  });

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const queries = () => server.requests.map((r) => Object.fromEntries(new URLSearchParams(r.query)));

describe('paginate', () => {
  it('walks an offset list to total_count, passing the caller’s filters on', async () => {
    server.handle((req) => {
      const q = new URLSearchParams(req.query);
      const offset = Number(q.get('offset'));
      const limit = Number(q.get('limit'));
      return { body: { things: ROWS.slice(offset, offset + limit), total_count: 6 } };
    });
    const items = await collect(paginate(client(), 'listThings', { query: { name: 'x' } }, { pageSize: 3 }));
    expectTypeOf(items).items.toHaveProperty('id').toEqualTypeOf<string>();
    expect(items.map((t) => t.id)).toEqual(['t0', 't1', 't2', 't3', 't4', 't5']);
    expect(queries()).toEqual([
      { name: 'x', offset: '0', limit: '3' },
      { name: 'x', offset: '3', limit: '3' },
    ]);
  });

  it('stops at a short page when there is no total', async () => {
    server.handle((req) => {
      const q = new URLSearchParams(req.query);
      const offset = Number(q.get('offset'));
      return { body: { things: ROWS.slice(offset, offset + Number(q.get('limit'))) } };
    });
    const items = await collect(paginate(client(), 'listThings', {}, { pageSize: 3 }));
    expect(items).toHaveLength(7);
    expect(server.requests).toHaveLength(3);
  });

  it('counts pages from 0 when offset is a page index (offset 0 = first page, D.39)', async () => {
    server.handle((req) => {
      const q = new URLSearchParams(req.query);
      const page = Number(q.get('offset'));
      const limit = Number(q.get('limit'));
      return { body: { tasks: ROWS.slice(page * limit, (page + 1) * limit) } };
    });
    const items = await collect(paginate(client(), 'listPagesLike'));
    expect(items.map((t) => t.job_id)).toEqual(ROWS.map((r) => r.job_id));
    expect(queries().map((q) => q.offset)).toEqual(['0', '1', '2']);
    expect(queries().every((q) => q.limit === '3')).toBe(true);
  });

  it('caps the page size at the operation’s maxLimit', async () => {
    server.handle(() => ({ body: { tasks: [] } }));
    await collect(paginate(client(), 'listPagesLike', {}, { pageSize: 500 }));
    expect(queries()[0]?.limit).toBe('3');
  });

  it('fetches the next page only when the loop asks for it', async () => {
    server.handle(() => ({ body: { things: ROWS.slice(0, 3), total_count: 100 } }));
    for await (const item of paginate(client(), 'listThings', {}, { pageSize: 3 })) {
      if (item.id === 't1') break;
    }
    expect(server.requests).toHaveLength(1);
  });

  it('refuses an operation that does not page', async () => {
    await expect(collect(paginate(client(), 'getThing', { path: { thing_id: 'x' } }))).rejects.toBeInstanceOf(
      GaussDbConfigError,
    );
  });
});
