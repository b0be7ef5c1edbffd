// A mutation whose answer never arrived may have been applied: the user is told so (never "try again"),
// the audit says `unknown`, and the job it started is found and linked when there is one.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  GaussDbApiError,
  GaussDbTimeoutError,
  GaussDbTransportError,
  getOperation,
} from '@gaussdb-console/api-client';
import { ManualClock } from '../src/http/clock';
import { jobTargetOf } from '../src/upstream/job-lookup';
import { isOutcomeUnknown } from '../src/upstream/outcome';
import { startHarness, type ConsoleHarness } from './console-harness';

let h: ConsoleHarness;
beforeAll(async () => {
  // The BFF's clock reads the emulator's (manual) one, as a real console's reads the cloud's time.
  const emuClock = new ManualClock();
  h = await startHarness({
    clock: emuClock,
    upstreamTimeoutMs: 300,
    jobLookup: { attempts: 10, intervalMs: 150 },
  });
  emuClock.advance(h.emu.clock.now() - emuClock.now());
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await h.admin.clearFaults();
  await h.admin.clearRequests();
});

interface AuditEntry {
  operation: string;
  result: string;
  status: number;
  job_id: string | null;
  error_code: string | null;
  outcome: { source: string } | null;
}

const lastAudit = async (operation: string): Promise<AuditEntry | undefined> =>
  (
    (await (await h.as('alice')).get(`/api/v1/audit?operation=${operation}&limit=1`)).body
      .entries as AuditEntry[]
  )[0];

describe('a mutation whose answer did not arrive', () => {
  it('says the restart may have been applied, links the job it started, and is audited as unknown', async () => {
    const oscar = await h.as('oscar');
    const target = h.ids.instances['staging-app'] as string;
    // The emulator takes 700 ms to take the restart; the console waits 300 ms.
    await h.admin.fault({ method: 'POST', route: 'restartInstance', latencyMs: 700, count: 1 });
    const res = await oscar.call('POST', h.p(`/instances/${target}/restart`), {});

    expect(res.status).toBe(504);
    const error = res.body.error as { code: string; message: string; job_id?: string };
    expect(error.code).toBe('OUTCOME_UNKNOWN');
    expect(error.message).toMatch(/may have been applied/);
    expect(error.message).toMatch(/task center/);
    expect(error.message).not.toMatch(/try again/i);
    // The job the emulator did start for it.
    const tasks = await oscar.get(h.p('/tasks?name=RestartGaussDBV5Instance&limit=100'));
    const started = (
      tasks.body.tasks as { job_id: string; instance_info?: { instance_id?: string } }[]
    ).filter((t) => t.instance_info?.instance_id === target);
    expect(started).toHaveLength(1);
    expect(error.job_id).toBe(started[0]?.job_id);
    expect(error.message).toContain(started[0]?.job_id);
    // Sent once, never repeated.
    expect((await h.admin.requests()).filter((r) => r.operation === 'restartInstance')).toHaveLength(1);

    expect(await lastAudit('restartInstance')).toMatchObject({
      result: 'unknown',
      status: 504,
      job_id: started[0]?.job_id,
      error_code: 'OUTCOME_UNKNOWN',
      outcome: { source: 'request' },
    });
  });

  it('says so without a job when none can be found, and for a connection dropped mid-call', async () => {
    const oscar = await h.as('oscar');
    const target = h.ids.instances['dev-sandbox-01'] as string;
    await h.admin.fault({ method: 'POST', route: 'addInstanceTags', latencyMs: 700, count: 1 });
    const tags = await oscar.call('POST', h.p(`/instances/${target}/tags`), {
      tags: [{ key: 'late', value: 'yes' }],
    });
    expect(tags.status).toBe(504);
    expect(tags.body.error).toMatchObject({ code: 'OUTCOME_UNKNOWN' });
    expect((tags.body.error as { job_id?: string }).job_id).toBeUndefined();
    expect(await lastAudit('addInstanceTags')).toMatchObject({ result: 'unknown', job_id: null });

    await h.admin.fault({ method: 'PUT', route: 'renameInstance', reset: true, count: 1 });
    const renamed = await oscar.call('PUT', h.p(`/instances/${target}/name`), {
      name: 'dev-sandbox-dropped',
    });
    expect(renamed.status).toBe(502);
    expect(renamed.body.error?.code).toBe('OUTCOME_UNKNOWN');
    expect(renamed.body.error?.message).toMatch(/connection to the GaussDB API broke/);
    expect(await lastAudit('renameInstance')).toMatchObject({ result: 'unknown', status: 502 });
  });

  it('leaves reads and refused calls as they were: a slow read is UPSTREAM_TIMEOUT, a refusal a failure', async () => {
    const oscar = await h.as('oscar');
    await h.admin.fault({ method: 'GET', route: 'getRecyclePolicy', latencyMs: 700, count: 4 });
    const read = await oscar.get(h.p('/recycle-policy'));
    expect(read.status).toBe(504);
    expect(read.body.error?.code).toBe('UPSTREAM_TIMEOUT');

    await h.admin.fault({
      method: 'POST',
      route: 'restartInstance',
      status: 409,
      error_code: 'DBS.200011',
      error_msg: 'Another operation is running.',
      count: 1,
    });
    const refused = await oscar.call('POST', h.p(`/instances/${h.ids.instances['crm-db']}/restart`), {});
    expect(refused.status).toBe(409);
    expect(await lastAudit('restartInstance')).toMatchObject({
      result: 'failure',
      status: 409,
      error_code: 'DBS.200011',
    });
  });
});

describe('outcome classification', () => {
  const sent = (code: string) =>
    new GaussDbTransportError('restartInstance', code, {
      cause: Object.assign(new TypeError('fetch failed'), { cause: { code } }),
    });

  it('calls a timeout, a gateway timeout and a broken connection unknown, and a refused connection or IAM failure not sent', () => {
    expect(isOutcomeUnknown(new GaussDbTimeoutError('restartInstance', 300))).toBe(true);
    expect(
      isOutcomeUnknown(
        new GaussDbApiError({
          status: 504,
          errorCode: undefined,
          errorMsg: 'x',
          requestId: undefined,
          operationId: 'restartInstance',
        }),
      ),
    ).toBe(true);
    expect(isOutcomeUnknown(sent('ECONNRESET'))).toBe(true);
    expect(isOutcomeUnknown(sent('UND_ERR_SOCKET'))).toBe(true);
    expect(isOutcomeUnknown(sent('ECONNREFUSED'))).toBe(false);
    expect(isOutcomeUnknown(sent('ENOTFOUND'))).toBe(false);
    expect(isOutcomeUnknown(new GaussDbTimeoutError('createIamToken', 300))).toBe(false);
    expect(
      isOutcomeUnknown(
        new GaussDbApiError({
          status: 503,
          errorCode: 'DBS.200005',
          errorMsg: 'x',
          requestId: undefined,
          operationId: 'restartInstance',
        }),
      ),
    ).toBe(false);
  });

  it('finds a job by the instance id the call names, or by the new instance’s name for a create', () => {
    const op = (id: string) => getOperation(id) as NonNullable<ReturnType<typeof getOperation>>;
    expect(jobTargetOf(op('restartInstance'), { path: { instance_id: 'i-1' } })).toEqual({ id: 'i-1' });
    expect(jobTargetOf(op('createManualBackup'), { body: { instance_id: 'i-2', name: 'b' } })).toEqual({
      id: 'i-2',
    });
    expect(
      jobTargetOf(op('restoreToExistingInstance'), { body: { target: { instance_id: 'i-3' } } }),
    ).toEqual({ id: 'i-3' });
    expect(jobTargetOf(op('createInstance'), { body: { name: 'new-db' } })).toEqual({ name: 'new-db' });
    expect(jobTargetOf(op('setRecyclePolicy'), { body: { recycle_policy: {} } })).toBeUndefined();
  });
});
