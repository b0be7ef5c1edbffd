import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBody, startTestEmulator, type Call, type TestEmulator } from './helpers';

/**
 * `X-Language` chooses the language of `error_msg` (reference §6.3: each code has an English and a Chinese
 * message). English is the default and names the field or the cause; `zh-cn` answers the reference's Chinese
 * message for the code. The status and the code never depend on the language.
 */

interface ErrorCodeRow {
  code: string;
  message_en: string;
  message_zh: string;
}
const table = new Map(
  (
    JSON.parse(
      readFileSync(new URL('../src/http/error-codes.json', import.meta.url), 'utf8'),
    ) as ErrorCodeRow[]
  ).map((r) => [r.code, r]),
);
/** The reference's Chinese message (the table keeps the PDF's line-break spaces inside words). */
const zhOf = (code: string) => table.get(code)!.message_zh.replace(/\s+/g, '');
const CJK = /[\u4e00-\u9fff]/;

let t: TestEmulator;
const ids = new Map<string, string>();

beforeAll(async () => {
  t = await startTestEmulator({ seed: 'demo' });
  const res = await t.call('GET', `/v3.1/${t.pid}/instances?limit=100`);
  for (const i of res.body.instances as { id: string; name: string }[]) ids.set(i.name, i.id);
});
afterAll(() => t.close());

interface Refusal {
  what: string;
  status: number;
  code: string;
  send: (headers: Record<string, string>) => Promise<Call>;
  /** The field the English message names and the Chinese one appends, for validation errors. */
  field?: string;
}

const REFUSALS: Refusal[] = [
  {
    what: 'a validation error (instance name starting with a digit)',
    status: 400,
    code: 'DBS.200021',
    field: 'name',
    send: (headers) =>
      t.call('POST', `/v3.1/${t.pid}/instances`, { body: createBody({ name: '1-bad-name' }), headers }),
  },
  {
    what: 'a missing instance',
    status: 404,
    code: 'DBS.200002',
    send: (headers) =>
      t.call('POST', `/v3/${t.pid}/instances/ffffffffffffffffffffffffffffffffin14/restart`, { headers }),
  },
  {
    what: 'a state guard (resize of the FAILED demo instance migration-test)',
    status: 400,
    code: 'DBS.200086',
    send: (headers) =>
      t.call('PUT', `/v3/${t.pid}/instances/${ids.get('migration-test')}/flavor`, {
        body: { flavor_ref: 'gaussdb.opengauss.ee.m6.2xlarge.x868.ha' },
        headers,
      }),
  },
  {
    what: 'a busy guard (restart of orders-new while it is being created)',
    status: 409,
    code: 'DBS.200011',
    send: (headers) => t.call('POST', `/v3/${t.pid}/instances/${ids.get('orders-new')}/restart`, { headers }),
  },
];

describe.each(REFUSALS)('$what', ({ status, code, field, send }) => {
  it(`answers ${status} ${code} in English by default, naming the cause`, async () => {
    const res = await send({});
    expect(res.status).toBe(status);
    expect(res.body.error_code).toBe(code);
    expect(res.body.error_msg).toEqual(expect.any(String));
    expect(res.body.error_msg).not.toMatch(CJK);
    if (field) expect(res.body.error_msg).toContain(field);
  });

  it('answers the same English message for an explicit X-Language: en-us', async () => {
    const byDefault = await send({});
    const english = await send({ 'x-language': 'en-us' });
    expect(english.status).toBe(status);
    expect(english.body).toEqual(byDefault.body);
  });

  it("answers the reference's Chinese message for the code for X-Language: zh-cn", async () => {
    const res = await send({ 'x-language': 'zh-cn' });
    expect(res.status).toBe(status);
    expect(res.body.error_code).toBe(code);
    expect(res.body.error_msg).toBe(field ? `${zhOf(code)}（${field}）` : zhOf(code));
  });

  it('reads the header without regard to case (zh-CN)', async () => {
    const res = await send({ 'x-language': 'zh-CN' });
    expect(res.body.error_msg).toMatch(CJK);
    expect(res.body.error_code).toBe(code);
  });
});

describe('messages of the table', () => {
  it('has an English and a Chinese message for every code used above', () => {
    for (const { code } of REFUSALS) {
      expect(table.get(code)?.message_en).toMatch(/\w/);
      expect(zhOf(code)).toMatch(CJK);
    }
  });

  it('falls back to English for a language it does not know', async () => {
    const res = await REFUSALS[1]!.send({ 'x-language': 'fr-fr' });
    expect(res.body.error_code).toBe('DBS.200002');
    expect(res.body.error_msg).not.toMatch(CJK);
  });
});
