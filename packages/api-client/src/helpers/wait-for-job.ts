import { z } from 'zod';
import type { CallOptions, GaussDbClientCore, OperationRegistry } from '../client';
import type { OperationDescriptor } from '../operations/define';
import {
  GaussDbConfigError,
  GaussDbJobFailedError,
  GaussDbResponseShapeError,
  formatFieldPath,
} from '../transport/errors';
import type { Sleep } from '../transport/types';
import { defaultSleep } from '../transport/types';
import type { RawCallInput } from '../transport/validate-request';

/** What one poll saw. */
export interface JobSnapshot {
  id: string;
  name: string | undefined;
  /** `Running` | `Completed` | `Failed` (other values are passed through). */
  status: string;
  /** 0–100 from `progress` ("60%"); undefined when the service gives none. */
  percent: number | undefined;
  failReason: string | undefined;
  /** The job object as received. */
  job: Record<string, unknown>;
}

export interface WaitForJobOptions {
  onProgress?: (snapshot: JobSnapshot) => void;
  signal?: AbortSignal;
  /** Pause between polls (default 3000 ms). */
  intervalMs?: number;
  /** Replaceable wait, so tests drive time. */
  sleep?: Sleep;
  requestId?: string;
}

export const GET_JOB_OPERATION_ID = 'getJob';

const text = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string()).nullish();
const jobEnvelope = z.looseObject({
  job: z.looseObject({
    id: text,
    name: text,
    status: z.string(),
    progress: text,
    process: text,
    fail_reason: text,
  }),
});

/** `"60%"` → 60; anything unreadable → undefined. */
export function parsePercent(progress: string | null | undefined): number | undefined {
  if (progress === null || progress === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(progress);
  return m ? Math.min(100, Number(m[1])) : undefined;
}

type UntypedCall = (
  descriptor: OperationDescriptor,
  input?: RawCallInput,
  options?: CallOptions,
) => Promise<unknown>;

/**
 * Polls 4.12.1 (`getJob`, looked up in the client's registry at call time) until the job is Completed
 * (resolves with the last snapshot) or Failed (rejects with `GaussDbJobFailedError` and its `fail_reason`).
 */
export async function waitForJob<TOps extends OperationRegistry>(
  client: GaussDbClientCore<TOps>,
  jobId: string,
  options: WaitForJobOptions = {},
): Promise<JobSnapshot> {
  const getJob = client.operation(GET_JOB_OPERATION_ID);
  if (!getJob) {
    throw new GaussDbConfigError(
      `waitForJob needs the "${GET_JOB_OPERATION_ID}" operation (4.12.1) in the client's operations`,
    );
  }
  const call = client.call as unknown as UntypedCall;
  const sleep = options.sleep ?? defaultSleep;
  const intervalMs = options.intervalMs ?? 3000;
  for (;;) {
    const out = await call(
      getJob,
      { query: { id: jobId } },
      { signal: options.signal, requestId: options.requestId },
    );
    const parsed = jobEnvelope.safeParse(out);
    if (!parsed.success) {
      throw new GaussDbResponseShapeError(
        getJob.id,
        parsed.error.issues.map((i) => ({ field: formatFieldPath(i.path), message: i.message })),
      );
    }
    const job = parsed.data.job;
    const snapshot: JobSnapshot = {
      id: job.id ?? jobId,
      name: job.name ?? undefined,
      status: job.status,
      // 4.12.1 spells it `progress`, 4.12.2 `process`; accept either.
      percent: parsePercent(job.progress ?? job.process),
      failReason: job.fail_reason ?? undefined,
      job,
    };
    options.onProgress?.(snapshot);
    const status = job.status.toLowerCase();
    if (status === 'completed') return snapshot;
    if (status === 'failed') throw new GaussDbJobFailedError(snapshot.id, snapshot.failReason, job);
    await sleep(intervalMs, options.signal);
  }
}
