import type { z } from 'zod';
import type { $ZodType } from 'zod/v4/core';
import { loadConsoleSchemas } from '../api/load-console-schemas';
import { apiLanguage } from './i18n';

/** An error answered by the BFF: either its own (`code` like CSRF_REJECTED) or the upstream's `DBS.*`. */
export class BffError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
    readonly fields?: { path: string; message: string }[],
    /** What else the error body carries (e.g. the job an unknown outcome may have started). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'BffError';
  }
}

interface ErrorBody {
  error?: {
    status?: number;
    code?: string;
    message?: string;
    requestId?: string;
    fields?: { path: string; message: string }[];
    [k: string]: unknown;
  };
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

export async function bffRequest<T>(
  method: string,
  url: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
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
    const { status: _s, code, message, requestId, fields, ...details } = err ?? {};
    throw new BffError(
      res.status,
      code ?? `HTTP_${res.status}`,
      message ?? res.statusText,
      requestId ?? res.headers.get('x-request-id') ?? undefined,
      fields,
      details,
    );
  }
  return data as T;
}

/**
 * A console route's answer parsed with its schema from the console contract (api-client's `console/`):
 * an answer the contract does not describe is an error that names the field, not a page that breaks later.
 */
export async function bffParsed<S extends $ZodType>(
  schemaOf: (schemas: Awaited<ReturnType<typeof loadConsoleSchemas>>) => S,
  method: string,
  url: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<z.output<S>> {
  const [data, schemas] = await Promise.all([
    bffRequest<unknown>(method, url, body, signal),
    loadConsoleSchemas(),
  ]);
  const parsed = schemas.safeParse(schemaOf(schemas), data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new BffError(
    502,
    'RESPONSE_SHAPE',
    `${url}: ${issue?.path.join('.') || 'body'} ${issue?.message ?? 'does not match the contract'}`,
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
