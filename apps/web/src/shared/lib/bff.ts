import { apiLanguage } from './i18n';

/** An error answered by the BFF: either its own (`code` like CSRF_REJECTED) or the upstream's `DBS.*`. */
export class BffError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
    readonly fields?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'BffError';
  }
}

interface ErrorBody {
  error?: { status?: number; code?: string; message?: string; requestId?: string; fields?: { path: string; message: string }[] };
}

/** The BFF's error body: `{ error: { status, code, message, requestId, fields } }`. */
function readError(data: unknown): NonNullable<ErrorBody['error']> | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const e = (data as ErrorBody).error;
  return typeof e === 'object' && e !== null ? e : undefined;
}

/** Called when the BFF says the session is gone, so the app can send the user to sign in and back. */
let onUnauthorized: (() => void) | undefined;
export function setUnauthorizedHandler(fn: () => void): void {
  onUnauthorized = fn;
}

export async function bffRequest<T>(method: string, url: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'x-language': apiLanguage() };
  if (method !== 'GET') headers['x-console-request'] = '1';
  // The BFF's CSRF check wants JSON on every mutation; a bodiless POST/PUT sends `{}` (ignored by the route).
  const payload = body === undefined && (method === 'POST' || method === 'PUT') ? {} : body;
  if (payload !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: payload === undefined ? undefined : JSON.stringify(payload),
      credentials: 'same-origin',
      signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new BffError(0, 'NETWORK', 'errors.network');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const err = readError(data);
    if (res.status === 401 && !url.endsWith('/api/v1/session')) onUnauthorized?.();
    throw new BffError(
      res.status,
      err?.code ?? `HTTP_${res.status}`,
      err?.message ?? res.statusText,
      err?.requestId ?? res.headers.get('x-request-id') ?? undefined,
      err?.fields,
    );
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
