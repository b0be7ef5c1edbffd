import type { OperationDescriptor } from '../operations/define';

/** One HTTP request on its way through the pipeline. Steps never mutate it; they pass on a copy. */
export interface TransportRequest {
  /** Operation id, for errors and logs. */
  operationId: string;
  descriptor: OperationDescriptor;
  method: OperationDescriptor['method'];
  /** Absolute URL, path params and query already encoded. */
  url: URL;
  headers: Readonly<Record<string, string>>;
  /** JSON text, or undefined when the call has no body. */
  body: string | undefined;
  /** Aborts this attempt (the caller's signal, combined with the timeout by the timeout step). */
  signal: AbortSignal | undefined;
  /** Project id for `X-Project-Id` (AK/SK); undefined for projectless calls. */
  projectId: string | undefined;
}

/** The raw answer: status, headers and the body text, already read in full. */
export interface TransportResponse {
  status: number;
  headers: Headers;
  bodyText: string;
  /** The body read through the operation's response schema (set by the response-parsing step). */
  data?: unknown;
}

export type Handler = (request: TransportRequest) => Promise<TransportResponse>;

/** A pipeline step: wraps the next handler (AWS SDK v3 middleware style). */
export type Step = (next: Handler) => Handler;

/** Waits `ms`, rejecting early with the signal's reason if it aborts. Injectable so tests use fake time. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const defaultSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** Header lookup that ignores case (request headers are plain records). */
export function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === lower) return v;
  return undefined;
}
