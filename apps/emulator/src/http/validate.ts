import { dbsCodeForIssue, type OperationDescriptor } from '@gaussdb-console/api-client';
import type { z } from 'zod';
import { ApiError, codeMessage } from './errors';

type Part = 'path' | 'query' | 'body';

function fieldName(issuePath: readonly PropertyKey[]): string {
  return issuePath
    .map((k) => (typeof k === 'number' ? `[${k}]` : String(k)))
    .join('.')
    .replace(/\.\[/g, '[');
}

/**
 * Parses one part of a request with the descriptor's schema. On failure: 400 with the DBS code of the failing
 * rule (or the descriptor's default), and the rule's message naming the field.
 */
export function validatePart(
  op: OperationDescriptor,
  part: Part,
  schema: z.ZodType,
  value: unknown,
): unknown {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const fallback = op.defaultErrorCode ?? (part === 'path' ? 'DBS.280404' : 'DBS.200001');
  // A cross-field rule names its code in the issue (`params.dbsCode`); else the code nearest the field.
  const code = dbsCodeForIssue(schema, issue, fallback);
  const field = fieldName(issue.path);
  const prefix = part === 'body' ? '' : `${part} `;
  const named = field && !issue.message.startsWith(field) && !issue.message.includes(`${field}:`);
  let message = named ? `${prefix}${field}: ${issue.message}` : issue.message;
  if (!field && issue.message.startsWith('Invalid input')) message = `${part}: ${issue.message}`;
  // Unknown keys (strict schemas) name themselves in `keys`, not in `path`.
  if (issue.code === 'unrecognized_keys') message = `${prefix}unknown field(s): ${issue.keys.join(', ')}`;
  if (!codeMessage(code, 'en-us')) return failWith(400, 'DBS.200001', message, field);
  return failWith(400, code, message, field || undefined);
}

function failWith(status: number, code: string, message: string, field: string | undefined): never {
  throw new ApiError(status, code, message, field);
}
