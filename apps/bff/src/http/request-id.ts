import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A caller's id is kept (as untrusted context) only if it is short and plain, so it cannot inject into logs. */
const VALID_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The request id: always an id of our own, echoed in `X-Request-Id` so a user can quote it and an
 * operator can find every log line of that request. A client's `X-Request-Id` is never adopted: it is
 * attacker-chosen, so it could collide with another request's id in the audit trail or be replayed to
 * the upstream. It is kept apart as `clientRequestId` (see below).
 */
export function requestIdFor(_req: IncomingMessage, res: ServerResponse): string {
  const id = randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/**
 * The id a client or proxy sent in `X-Request-Id`, when it is plain text of a sane length: logged and
 * audited as `clientRequestId` / `client_request_id` to correlate with a proxy's logs, and clearly
 * untrusted (anyone can send anything). Never forwarded upstream.
 */
export function clientRequestIdOf(req: IncomingMessage): string | undefined {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && VALID_ID.test(incoming) ? incoming : undefined;
}
