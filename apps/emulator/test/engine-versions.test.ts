import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchVersion, offeredVersion } from '../src/domain/engine-versions';
import { createBody, startTestEmulator, type TestEmulator } from './helpers';

// How an engine version in a request is matched (docs/api-decisions.md, EMU-12).

describe('engine version matching', () => {
  it.each([
    ['8.201', '8.201', true],
    ['8.201.0', '8.201', true],
    ['V2.0-8.201.0', '8.201', true],
    ['2.3', '2.3', false],
    ['2.3.0', '2.3', false],
    ['2.2.90', '2.2', false],
    ['3.100', '3.100', false],
  ])('%s is the %s line (offered: %s)', (given, line, offered) => {
    expect(matchVersion(given)).toEqual({ line, offered });
  });

  it.each(['9.9', '8.2011', '2', 'latest', ''])('%j is no version the emulator knows', (given) => {
    expect(matchVersion(given)).toBeUndefined();
  });

  it('creates instances on offered lines only', () => {
    expect(offeredVersion('V2.0-8.102')).toBe('8.102');
    expect(offeredVersion('2.3')).toBeUndefined();
  });
});

describe('engine versions over the API', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator({ seed: 'demo' });
  });
  afterAll(() => t.close());

  it('takes a parameter template for an earlier line (the 4.5.4 example) that fits none of the fleet', async () => {
    const created = await t.call('POST', `/v3/${t.pid}/configurations`, {
      body: { name: 'tpl-2-3', datastore: { engine_version: '2.3.0', instance_mode: 'ha' } },
    });
    expect(created.status).toBe(200);
    const read = await t.call('GET', `/v3/${t.pid}/configurations/${created.body.id as string}`);
    expect(read.body.engine_version).toBe('2.3');
    expect(
      (await t.call('GET', `/v3/${t.pid}/configurations/${created.body.id as string}/applicable-instances`))
        .body.instances,
    ).toEqual([]);
  });

  it('refuses a template for a version it does not know with DBS.280236', async () => {
    const res = await t.call('POST', `/v3/${t.pid}/configurations`, {
      body: { name: 'tpl-9-9', datastore: { engine_version: '9.9', instance_mode: 'ha' } },
    });
    expect(res.body.error_code).toBe('DBS.280236');
  });

  it('answers disk types for an earlier line and refuses an unknown one', async () => {
    expect((await t.call('GET', `/v3/${t.pid}/storage-type?version=2.1`)).status).toBe(200);
    expect((await t.call('GET', `/v3/${t.pid}/storage-type?version=9.9`)).body.error_code).toBe('DBS.200040');
  });

  it('creates no instance on an earlier line', async () => {
    const res = await t.call('POST', `/v3.1/${t.pid}/instances`, {
      body: createBody({ name: 'old-line', datastore: { type: 'GaussDB', version: '2.3' } }),
    });
    expect(res.body.error_code).toBe('DBS.200040');
  });

  it('matches the flavor query by line: 8.201.0 is 8.201', async () => {
    const a = await t.call('GET', `/v3.1/${t.pid}/flavors?version=8.201&limit=100`);
    const b = await t.call('GET', `/v3.1/${t.pid}/flavors?version=8.201.0&limit=100`);
    expect((b.body.flavors as unknown[]).length).toBe((a.body.flavors as unknown[]).length);
    expect((a.body.flavors as unknown[]).length).toBeGreaterThan(0);
  });
});
