import {
  GaussDbApiError,
  GaussDbResponseShapeError,
  GaussDbTimeoutError,
  GaussDbTransportError,
  GaussDbValidationError,
} from '@gaussdb-console/api-client';
import { isCredentialRefusal, UpstreamCredentialBackoffError } from './credential-backoff';
import type { FoundJob } from './job-lookup';

/** The console's error body for calls that reach (or would reach) the upstream. */
export interface ConsoleError {
  status: number;
  code: string;
  message: string;
  requestId?: string;
  fields?: { path: string; message: string }[];
  /** OUTCOME_UNKNOWN only: the job the call appears to have started, found by its instance and task name. */
  job_id?: string;
}

/**
 * Maps what the client threw to what the browser sees: the upstream's status and DBS code verbatim;
 * our own codes for invalid input (nothing was sent), a refused upstream credential, an unreachable
 * upstream, a timeout, or an answer the contract cannot read. Messages never carry a credential (the
 * client scrubs them).
 */
export function toConsoleError(e: unknown, requestId: string): ConsoleError {
  if (e instanceof GaussDbValidationError) {
    return {
      status: 400,
      code: 'VALIDATION_FAILED',
      message: e.issues.map((i) => i.message).join('; '),
      requestId,
      fields: e.issues.map((i) => ({
        path: i.field ? `${i.location}.${i.field}` : i.location,
        message: i.message,
      })),
    };
  }
  // The credential was refused a moment ago: nothing was sent this time (see credential-backoff.ts).
  if (e instanceof UpstreamCredentialBackoffError) {
    const seconds = Math.max(1, Math.ceil(e.retryAfterMs / 1000));
    return {
      status: 502,
      code: 'UPSTREAM_AUTH_FAILED',
      message: `The GaussDB API refused the console server's credential; the console tries again in ${seconds} s. An administrator must check its IAM or AK/SK settings.`,
      requestId,
    };
  }
  // The upstream refused the console's own credential (even after one renewal). Passed on as 401/403 it
  // would read as "your console session ended" and sign every user out; it is the server's problem.
  if (isCredentialRefusal(e)) {
    return {
      status: 502,
      code: 'UPSTREAM_AUTH_FAILED',
      message:
        "The GaussDB API refused the console server's credential. An administrator must check its IAM or AK/SK settings.",
      requestId: e.requestId ?? requestId,
    };
  }
  if (e instanceof GaussDbApiError) {
    return {
      status: e.status,
      code: e.errorCode ?? `UPSTREAM_${e.status}`,
      message: e.errorMsg,
      requestId: e.requestId ?? requestId,
    };
  }
  if (e instanceof GaussDbTimeoutError) {
    return {
      status: 504,
      code: 'UPSTREAM_TIMEOUT',
      message: 'The GaussDB API did not answer in time. Try again; if it persists, check the endpoint.',
      requestId,
    };
  }
  if (e instanceof GaussDbTransportError) {
    return {
      status: 502,
      code: 'UPSTREAM_UNAVAILABLE',
      message: 'The GaussDB API cannot be reached. Check the endpoint and the network, then try again.',
      requestId,
    };
  }
  if (e instanceof GaussDbResponseShapeError) {
    return {
      status: 502,
      code: 'UPSTREAM_BAD_RESPONSE',
      message: `The GaussDB API answered in an unexpected shape (${e.fieldPath || 'body'}).`,
      requestId,
    };
  }
  return { status: 500, code: 'INTERNAL', message: 'Unexpected error in the console server.', requestId };
}

/** Seconds a caller should wait before trying again, when the failure says so (sent as `Retry-After`). */
export function retryAfterSecondsOf(e: unknown): number | undefined {
  if (e instanceof UpstreamCredentialBackoffError) return Math.max(1, Math.ceil(e.retryAfterMs / 1000));
  return undefined;
}

/**
 * A call that may have changed something got no answer (see outcome.ts). The user must not be told to try
 * again: a second restart, create or delete could be the one too many. They are told to look instead,
 * and sent to the job when one was found.
 */
export function unknownOutcomeError(e: unknown, requestId: string, job: FoundJob | undefined): ConsoleError {
  const timedOut = e instanceof GaussDbTimeoutError || (e instanceof GaussDbApiError && e.status === 504);
  const why = timedOut
    ? 'The GaussDB API did not answer in time'
    : 'The connection to the GaussDB API broke before its answer arrived';
  const found = job
    ? ` It appears to have started job ${job.id} (${job.name}): follow it in the task center.`
    : '';
  return {
    status: timedOut ? 504 : 502,
    code: 'OUTCOME_UNKNOWN',
    message: `${why}, so the console cannot tell whether the change was made: it may have been applied. Check the task center and the instance before you repeat it.${found}`,
    requestId,
    ...(job ? { job_id: job.id } : {}),
  };
}
