import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { performance } from 'node:perf_hooks';
import { clientRequestIdOf, requestIdFor } from './request-id';

declare module 'node:http' {
  interface IncomingMessage {
    /** This request's id, also sent to the client as `X-Request-Id`. */
    id: string;
    /** A logger whose lines carry this request (id, method, path): every line of a request can be found by its id. */
    log: Logger;
  }
}

export interface RequestLogOptions {
  /** Requests logged by nobody (probes and scrapes would drown the log). */
  quiet?: (url: string) => boolean;
}

/**
 * One line per request, written when it ends: request id, method, path, client address, the client's own id (as
 * untrusted context), status and time: what operators read. Request and response headers are left out (cookies,
 * Set-Cookie: noise, and serialising and redacting them was a visible share of the CPU under load), and the logger
 * a handler writes through (`req.log`) is made only when a handler writes: most requests only ever log this line.
 * Lines have the shape pino-http gives them (`req`, `res`, `responseTime`, "request completed"), so log pipelines
 * built for it keep working.
 */
export function requestLog(logger: Logger, options: RequestLogOptions = {}): RequestHandler {
  // The request line holds only the fields above, none of them secret: redacting it would cost a copy per request.
  const lines = logger.child({}, { redact: [] });
  return (req, res, next) => {
    const started = performance.now();
    const id = requestIdFor(req, res);
    const clientRequestId = clientRequestIdOf(req);
    req.id = id;
    res.locals.requestId = id;
    if (clientRequestId) res.locals.clientRequestId = clientRequestId;
    const url = req.originalUrl;
    const context = () => ({
      req: { id, method: req.method, url, remoteAddress: req.socket.remoteAddress },
      ...(clientRequestId ? { clientRequestId } : {}),
    });
    let child: Logger | undefined;
    Object.defineProperty(req, 'log', {
      configurable: true,
      enumerable: false,
      get: () => (child ??= logger.child(context())),
    });
    if (options.quiet?.(url)) {
      next();
      return;
    }
    let done = false;
    const end = (aborted: boolean) => {
      if (done) return;
      done = true;
      const line = {
        ...context(),
        res: { statusCode: res.statusCode },
        responseTime: Math.round(performance.now() - started),
      };
      // A client that goes away (a closed tab, a live stream ended by navigation) is routine, not a warning.
      if (aborted) lines.info(line, 'request aborted');
      else if (res.statusCode >= 500) lines.error(line, 'request errored');
      else lines.info(line, 'request completed');
    };
    res.once('finish', () => end(false));
    res.once('close', () => end(!res.writableFinished));
    next();
  };
}
