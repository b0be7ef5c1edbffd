import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A caller's id is kept only if it is short and plain, so it cannot inject into logs or headers. */
const VALID_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * pino-http's genReqId: reuse a valid incoming X-Request-Id (a proxy's), else make one, and echo it in the
 * response so a user can quote it and an operator can find every log line of that request.
 */
export function requestIdFor(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && VALID_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}
