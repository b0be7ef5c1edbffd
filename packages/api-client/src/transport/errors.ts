/**
 * Every failure the client raises is a `GaussDbError`, so a caller can catch the client's failures apart
 * from its own bugs. Messages never carry a token, a password or a secret key: the auth step scrubs any
 * credential an upstream body might echo back (see `scrubSecrets`).
 */
export class GaussDbError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The service answered with a non-2xx status. */
export class GaussDbApiError extends GaussDbError {
  readonly status: number;
  /** `DBS.*` code (or whatever code the body carried); undefined when the body had none. */
  readonly errorCode: string | undefined;
  readonly errorMsg: string;
  /** From the `X-Request-Id` response header (the id support asks for). */
  readonly requestId: string | undefined;
  readonly operationId: string;
  /** Raw `Retry-After` header, kept so the retry step can honour it. */
  readonly retryAfter: string | undefined;

  constructor(p: {
    status: number;
    errorCode: string | undefined;
    errorMsg: string;
    requestId: string | undefined;
    operationId: string;
    retryAfter?: string | undefined;
  }) {
    const code = p.errorCode ? ` ${p.errorCode}` : '';
    const rid = p.requestId ? ` (request id ${p.requestId})` : '';
    super(`${p.operationId}: HTTP ${p.status}${code}: ${p.errorMsg}${rid}`);
    this.status = p.status;
    this.errorCode = p.errorCode;
    this.errorMsg = p.errorMsg;
    this.requestId = p.requestId;
    this.operationId = p.operationId;
    this.retryAfter = p.retryAfter;
  }
}

/** The request never got an HTTP answer (connection refused, reset, DNS failure). */
export class GaussDbTransportError extends GaussDbError {
  readonly operationId: string;
  constructor(operationId: string, detail: string, options?: ErrorOptions) {
    super(`${operationId}: network error: ${detail}`, options);
    this.operationId = operationId;
  }
}

/** No answer within the configured time. */
export class GaussDbTimeoutError extends GaussDbError {
  readonly operationId: string;
  readonly timeoutMs: number;
  constructor(operationId: string, timeoutMs: number) {
    super(`${operationId}: no response within ${timeoutMs} ms`);
    this.operationId = operationId;
    this.timeoutMs = timeoutMs;
  }
}

export type RequestLocation = 'path' | 'query' | 'body';

export interface FieldIssue {
  location: RequestLocation;
  /** Dotted path inside the location, e.g. `volume.size` or `tags[0].key`; empty for the whole part. */
  field: string;
  message: string;
}

/** The input broke the operation's request rules; nothing was sent. */
export class GaussDbValidationError extends GaussDbError {
  readonly operationId: string;
  readonly issues: readonly FieldIssue[];
  constructor(operationId: string, issues: readonly FieldIssue[]) {
    const list = issues.map((i) => `${i.location}${i.field ? `.${i.field}` : ''}: ${i.message}`).join('; ');
    super(`${operationId}: invalid request: ${list}`);
    this.operationId = operationId;
    this.issues = issues;
  }
}

/** The service answered 2xx with a body the contract cannot read. */
export class GaussDbResponseShapeError extends GaussDbError {
  readonly operationId: string;
  /** Dotted path of the first failing field (empty for the whole body). */
  readonly fieldPath: string;
  readonly issues: readonly { field: string; message: string }[];
  constructor(operationId: string, issues: readonly { field: string; message: string }[]) {
    const first = issues[0] ?? { field: '', message: 'unreadable response' };
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(`${operationId}: unexpected response shape at ${first.field || '(body)'}: ${first.message}${more}`);
    this.operationId = operationId;
    this.fieldPath = first.field;
    this.issues = issues;
  }
}

/** A background job ended with status Failed. */
export class GaussDbJobFailedError extends GaussDbError {
  readonly jobId: string;
  readonly failReason: string | undefined;
  readonly job: Readonly<Record<string, unknown>>;
  constructor(jobId: string, failReason: string | undefined, job: Readonly<Record<string, unknown>>) {
    super(`job ${jobId} failed${failReason ? `: ${failReason}` : ''}`);
    this.jobId = jobId;
    this.failReason = failReason;
    this.job = job;
  }
}

/** The client was configured or called in a way it cannot serve (unknown operation, missing project id). */
export class GaussDbConfigError extends GaussDbError {}

/** Dotted field path from a zod issue path: `instances[0].id`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

const REDACTED = '[redacted]';

/**
 * Replaces any credential an upstream body echoed into an error's message (and `errorMsg`). Mutates and
 * returns the same error so its class and stack survive.
 */
export function scrubSecrets<E>(error: E, secrets: readonly (string | undefined)[]): E {
  const live = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4);
  if (live.length === 0 || !(error instanceof Error)) return error;
  const scrub = (text: string) => live.reduce((t, s) => t.split(s).join(REDACTED), text);
  error.message = scrub(error.message);
  if (error instanceof GaussDbApiError && live.some((s) => error.errorMsg.includes(s))) {
    Object.defineProperty(error, 'errorMsg', { value: scrub(error.errorMsg) });
  }
  return error;
}
