import { GaussDbTransportError } from './errors';
import type { Handler } from './types';

export type FetchLike = (input: URL | string, init?: RequestInit) => Promise<Response>;

/** Underlying cause of a fetch failure (`fetch failed` hides e.g. `ECONNREFUSED` in `cause`). */
function describeNetworkFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause && typeof cause === 'object') {
    const code = (cause as { code?: unknown }).code;
    const message = (cause as { message?: unknown }).message;
    if (typeof code === 'string') return code;
    if (typeof message === 'string') return message;
  }
  return error.message;
}

/**
 * The terminal handler: sends the request and reads the whole body (inside the same signal, so a body that
 * stalls also times out). Network failures become `GaussDbTransportError`; an abort re-throws the signal's
 * reason so the timeout step (or the caller) can tell what happened.
 */
export function fetchHandler(fetchImpl: FetchLike): Handler {
  return async (req) => {
    try {
      const res = await fetchImpl(req.url, {
        method: req.method,
        headers: req.headers,
        body: req.body,
        signal: req.signal,
        redirect: 'manual',
      });
      const bodyText = await res.text();
      return { status: res.status, headers: res.headers, bodyText };
    } catch (error) {
      if (req.signal?.aborted) throw req.signal.reason;
      throw new GaussDbTransportError(req.operationId, describeNetworkFailure(error), { cause: error });
    }
  };
}
