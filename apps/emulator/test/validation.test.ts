import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBody, distributedBody, startTestEmulator, type TestEmulator } from './helpers';

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.close());

const create = (body: unknown, headers?: Record<string, string>) =>
  t.call('POST', `/v3.1/${t.pid}/instances`, { body, headers });

describe('request validation answers the reference codes', () => {
  it.each([
    ['a name starting with a digit', { name: '1-bad name!' }, 'DBS.200021', /name/],
    ['a restricted port', { port: '5000' }, 'DBS.280364', /port/],
    ['a port out of range', { port: '80' }, 'DBS.280364', /port/],
    [
      'a disk not a multiple of 4 GB × shards',
      { volume: { type: 'ULTRAHIGH', size: 42 } },
      'DBS.280611',
      /volume\.size/,
    ],
    ['an unknown flavor', { flavor_ref: 'gaussdb.no.such.flavor' }, 'DBS.280288', /flavor_ref/],
    ['a sold-out AZ', { availability_zone: 'az4xahz,az4xahz,az4xahz' }, 'DBS.200025', /sold out/],
  ])('rejects %s', async (_label, override, code, message) => {
    const res = await create(createBody(override));
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe(code);
    expect(res.body.error_msg).toMatch(message);
  });

  it('rejects a distributed disk that is not a multiple of 4 GB × 3 shards', async () => {
    const res = await create(distributedBody({ volume: { type: 'ULTRAHIGH', size: 484 } }));
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe('DBS.280611');
  });

  it('answers in Chinese for X-Language: zh-cn, naming the field', async () => {
    const res = await create(createBody({ name: '1bad' }), { 'x-language': 'zh-cn' });
    expect(res.body.error_code).toBe('DBS.200021');
    expect(res.body.error_msg).toContain('实例名非法');
    expect(res.body.error_msg).toContain('name');
  });

  it('rejects limit above 100 with DBS.280439', async () => {
    const res = await t.call('GET', `/v3.1/${t.pid}/instances?limit=101`);
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe('DBS.280439');
  });

  it('rejects a negative offset with DBS.280440', async () => {
    const res = await t.call('GET', `/v3.1/${t.pid}/instances?offset=-1`);
    expect(res.body.error_code).toBe('DBS.280440');
  });

  it('never answers 500 for a body of the wrong shape', async () => {
    for (const body of [[], 'text', 42, { name: { nested: true } }, { ...createBody(), volume: null }]) {
      const res = await create(body);
      expect(res.status).toBe(400);
      expect(res.body.error_code).toMatch(/^DBS\./);
    }
  });
});
