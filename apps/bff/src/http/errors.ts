import type { ErrorRequestHandler, Response } from 'express';

/** A problem with one input field: `path` like `body.username` or `query.limit`. */
export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * The console's one error body, `{ error: { status, code, message, requestId, fields } }`, for its own
 * refusals (UNAUTHENTICATED, CSRF_REJECTED, ...) and for upstream errors (code `DBS.*`, see
 * upstream/error-response.ts), so the web reads a single shape.
 */
export interface ApiErrorBody {
  error: {
    status: number;
    code: string;
    message: string;
    requestId: string;
    fields?: FieldProblem[];
  };
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldProblem[],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function sendError(
  res: Response,
  status: number,
  code: string,
  message: string,
  fields?: FieldProblem[],
): void {
  const body: ApiErrorBody = { error: { status, code, message, requestId: res.locals.requestId ?? '' } };
  if (fields) body.error.fields = fields;
  res.locals.errorCode = code;
  res.status(status).json(body);
}

/** body-parser and the router tag client errors with `type`/`status`; map them to a clear 4xx. */
const CLIENT_ERRORS: Record<string, { code: string; message: string }> = {
  'entity.parse.failed': { code: 'INVALID_JSON', message: 'The request body is not valid JSON.' },
  'entity.too.large': { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' },
  'encoding.unsupported': {
    code: 'UNSUPPORTED_ENCODING',
    message: 'The request body encoding is not supported.',
  },
  'charset.unsupported': {
    code: 'UNSUPPORTED_CHARSET',
    message: 'The request body charset is not supported; use UTF-8.',
  },
  'request.aborted': { code: 'REQUEST_ABORTED', message: 'The request was aborted.' },
  'request.size.invalid': {
    code: 'BAD_REQUEST',
    message: 'The request body length does not match Content-Length.',
  },
  'stream.encoding.set': { code: 'BAD_REQUEST', message: 'The request could not be read.' },
};

interface TaggedError {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
  expose?: unknown;
}

/** Last handler: a known client error keeps its 4xx; anything else is a logged 500 with no internals. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (err instanceof HttpError) {
    sendError(res, err.status, err.code, err.message, err.fields);
    return;
  }
  const tagged = (typeof err === 'object' && err !== null ? err : {}) as TaggedError;
  const status = Number(tagged.status ?? tagged.statusCode);
  if (Number.isInteger(status) && status >= 400 && status < 500) {
    const known = typeof tagged.type === 'string' ? CLIENT_ERRORS[tagged.type] : undefined;
    sendError(res, status, known?.code ?? 'BAD_REQUEST', known?.message ?? 'The request is malformed.');
    return;
  }
  req.log?.error({ err }, 'unhandled error');
  sendError(
    res,
    500,
    'INTERNAL_ERROR',
    'Something went wrong in the console server; the request id identifies it in the logs.',
  );
};
