import type { z } from 'zod';
import type { OperationDescriptor } from '../operations/define';
import { GaussDbResponseShapeError, formatFieldPath } from './errors';
import type { Step, TransportResponse } from './types';

const issuesOf = (error: z.ZodError) =>
  error.issues.map((i) => ({ field: formatFieldPath(i.path), message: i.message }));

/**
 * Reads a 2xx body with the operation's response schema. An empty body is offered as `undefined` and then
 * as `{}` (several calls answer 200 with nothing, and their schemas are written either way).
 */
export function parseResponseBody(descriptor: OperationDescriptor, res: TransportResponse): unknown {
  const text = res.bodyText.trim();
  if (text === '') {
    const asUndefined = descriptor.response.safeParse(undefined);
    if (asUndefined.success) return asUndefined.data;
    const asEmpty = descriptor.response.safeParse({});
    if (asEmpty.success) return asEmpty.data;
    throw new GaussDbResponseShapeError(descriptor.id, issuesOf(asUndefined.error));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new GaussDbResponseShapeError(descriptor.id, [{ field: '', message: 'body is not JSON' }]);
  }
  const parsed = descriptor.response.safeParse(json);
  if (!parsed.success) throw new GaussDbResponseShapeError(descriptor.id, issuesOf(parsed.error));
  return parsed.data;
}

/** The outermost step: what comes back out of the pipeline is the typed, parsed body in `data`. */
export const parseResponseStep: Step = (next) => async (req) => {
  const res = await next(req);
  return { ...res, data: parseResponseBody(req.descriptor, res) };
};
