import type { z } from 'zod';
import type { OperationDescriptor } from '../operations/define';
import type { FieldIssue, RequestLocation } from './errors';
import { GaussDbValidationError, formatFieldPath } from './errors';

export interface RawCallInput {
  path?: unknown;
  query?: unknown;
  body?: unknown;
}

export interface ValidatedInput {
  path: Record<string, unknown> | undefined;
  query: Record<string, unknown> | undefined;
  body: unknown;
}

function check(schema: z.ZodType, value: unknown, location: RequestLocation, issues: FieldIssue[]): unknown {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const i of result.error.issues)
    issues.push({ location, field: formatFieldPath(i.path), message: i.message });
  return undefined;
}

const asRecord = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;

/**
 * Checks `{ path, query, body }` against the descriptor before anything is sent; what goes on the wire is the
 * parsed value (trimmed, coerced, defaults applied). A missing `path`/`query` is checked as `{}` so a
 * required field is reported by name.
 */
export function validateRequest(
  descriptor: OperationDescriptor,
  input: RawCallInput | undefined,
): ValidatedInput {
  const issues: FieldIssue[] = [];
  const path = check(descriptor.pathParams, input?.path ?? {}, 'path', issues);
  const query = check(descriptor.query, input?.query ?? {}, 'query', issues);
  const body = check(descriptor.body, input?.body, 'body', issues);
  if (issues.length > 0) throw new GaussDbValidationError(descriptor.id, issues);
  return { path: asRecord(path), query: asRecord(query), body };
}
