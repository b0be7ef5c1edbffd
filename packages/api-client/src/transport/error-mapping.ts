import { GaussDbApiError } from './errors';
import type { Step, TransportResponse } from './types';

const MAX_MESSAGE = 500;

interface ParsedErrorBody {
  errorCode: string | undefined;
  errorMsg: string | undefined;
}

const asText = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;

/**
 * Reads the error body in the spellings seen on the wire: `{error_code, error_msg}` (the reference),
 * `{error: {code, message}}` (gateways), `{code, message}`; anything else is treated as text.
 */
export function parseErrorBody(bodyText: string): ParsedErrorBody {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    return { errorCode: undefined, errorMsg: undefined };
  }
  if (!json || typeof json !== 'object') return { errorCode: undefined, errorMsg: undefined };
  const o = json as Record<string, unknown>;
  if ('error_code' in o || 'error_msg' in o)
    return { errorCode: asText(o.error_code), errorMsg: asText(o.error_msg) };
  const nested = o.error;
  if (nested && typeof nested === 'object') {
    const e = nested as Record<string, unknown>;
    return {
      errorCode: asText(e.code) ?? asText(e.error_code),
      errorMsg: asText(e.message) ?? asText(e.error_msg),
    };
  }
  return { errorCode: asText(o.code), errorMsg: asText(o.message) ?? asText(o.msg) };
}

/** Builds the typed error for a non-2xx answer. */
export function toApiError(operationId: string, res: TransportResponse): GaussDbApiError {
  const parsed = parseErrorBody(res.bodyText);
  const text = res.bodyText.trim();
  const errorMsg =
    parsed.errorMsg ??
    (text && !text.startsWith('{')
      ? text.slice(0, MAX_MESSAGE)
      : `HTTP ${res.status}${text ? '' : ' with an empty body'}`);
  return new GaussDbApiError({
    status: res.status,
    errorCode: parsed.errorCode,
    errorMsg,
    requestId: res.headers.get('x-request-id') ?? undefined,
    operationId,
    retryAfter: res.headers.get('retry-after') ?? undefined,
  });
}

/** Turns every answer outside 2xx into a thrown `GaussDbApiError`, so the steps above deal in errors only. */
export const errorMappingStep: Step = (next) => async (req) => {
  const res = await next(req);
  if (res.status >= 200 && res.status < 300) return res;
  throw toApiError(req.operationId, res);
};
