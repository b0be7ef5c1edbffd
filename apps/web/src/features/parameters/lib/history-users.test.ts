import type { AuditEntryView } from '@gaussdb-console/api-client/browser';
import { describe, expect, it } from 'vitest';
import { applyRecordUser, modifyRecordUser, parseApiTime } from './history-users';

const entry = (e: Partial<AuditEntryView>): AuditEntryView => ({
  id: 1,
  time: '2025-01-01T10:00:00.000Z',
  user: 'alice',
  role: 'operator',
  ip: null,
  project: 'demo',
  operation: 'applyParameterTemplate',
  target: { config_id: 'c1' },
  input: { instance_ids: ['i1'] },
  status: 202,
  result: 'success',
  job_id: 'j1',
  error_code: null,
  request_id: null,
  client_request_id: null,
  outcome: null,
  ...e,
});

describe('who made each change of a template', () => {
  it('reads the API’s three time spellings', () => {
    expect(parseApiTime('2022-08-09T03:06:52+0800')).toBe(Date.parse('2022-08-08T19:06:52Z'));
    expect(parseApiTime('2022-08-09T03:06:52Z')).toBe(Date.parse('2022-08-09T03:06:52Z'));
    expect(parseApiTime('2022-08-09 03:06:52')).toBe(Date.parse('2022-08-09T03:06:52Z'));
    expect(parseApiTime('soon')).toBeNaN();
  });

  it('gives an application the user of the audited call whose job ran on that instance then', () => {
    const entries = [
      entry({ id: 1, user: 'alice', job_id: 'j1', input: { instance_ids: ['i1'] } }),
      entry({ id: 2, user: 'bob', job_id: 'j2', input: { instance_ids: ['i1'] } }),
      entry({ id: 3, user: 'carol', job_id: 'j3', input: { instance_ids: ['i2'] } }),
    ];
    const jobs = {
      j1: { created: '2025-01-01T10:00:00Z', ended: '2025-01-01T10:01:30Z' },
      j2: { created: '2025-01-02T09:00:00Z', ended: '2025-01-02T09:01:30Z' },
      j3: { created: '2025-01-02T09:00:00Z', ended: '2025-01-02T09:01:30Z' },
    };
    const rec = (applied_at: string, instance_id = 'i1') => ({
      instance_id,
      applied_at,
      apply_result: 'SUCCESS',
    });
    expect(applyRecordUser(rec('2025-01-01T10:01:30+0000'), entries, jobs)).toBe('alice');
    expect(applyRecordUser(rec('2025-01-02T09:01:31Z'), entries, jobs)).toBe('bob');
    expect(applyRecordUser(rec('2025-01-02T09:01:30Z', 'i2'), entries, jobs)).toBe('carol');
    // Applied by something else: no audited job covers it.
    expect(applyRecordUser(rec('2025-01-05T00:00:00Z'), entries, jobs)).toBeUndefined();
    // A running application (no end yet) belongs to the job that started before it.
    expect(
      applyRecordUser(rec('2025-01-03T00:00:00Z'), entries, {
        ...jobs,
        j2: { created: '2025-01-02T09:00:00Z' },
      }),
    ).toBe('bob');
  });

  it('gives a reset’s records the user of the audited reset closest in time, within two minutes', () => {
    const resets = [
      entry({
        operation: 'resetParameterTemplate',
        user: 'alice',
        time: '2025-01-01T10:00:05.000Z',
        job_id: null,
      }),
      entry({
        operation: 'resetParameterTemplate',
        user: 'bob',
        time: '2025-01-03T10:00:00.000Z',
        job_id: null,
      }),
    ];
    const rec = (updated_at: string) => ({ parameter_name: 'work_mem', updated_at });
    expect(modifyRecordUser(rec('2025-01-01T10:00:04+0000'), resets)).toBe('alice');
    expect(modifyRecordUser(rec('2025-01-03T10:01:00Z'), resets)).toBe('bob');
    expect(modifyRecordUser(rec('2025-01-02T10:00:00Z'), resets)).toBeUndefined();
  });
});
