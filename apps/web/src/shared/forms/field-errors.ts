import { fieldsWithCode, schemaHasPath } from '@gaussdb-console/api-client/browser';
import type { z } from 'zod';
import { BffError } from '../lib/bff';

/** A field the server refused, with its message verbatim (the DBS code in front when there is one). */
export interface ServerFieldError {
  path: string;
  message: string;
}

/** `tags[0].key`, `/volume/size` or `body.volume.size` → `tags.0.key`, `volume.size`: the form's path spelling. */
export const formPath = (p: string) =>
  p
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^\.+/, '')
    .replace(/^body\./, '');

const withCode = (error: BffError, message: string) =>
  error.code.startsWith('DBS.') && !message.includes(error.code) ? `${error.code}: ${message}` : message;

/**
 * Where a refusal belongs in a form: the fields the server named, else the one field the contract
 * registers the refusal's DBS code on in the operation's body schema (docs/architecture.md "Forms").
 * `formSchema` shapes the form's values (the body schema itself, or one built from it); `toFormPath` maps a
 * request path to a form path when the two differ (undefined: the form has no such field).
 */
export function serverFieldErrors(
  error: unknown,
  bodySchema: z.ZodType,
  formSchema: z.ZodType = bodySchema,
  toFormPath: (requestPath: string) => string | undefined = (p) => p,
): ServerFieldError[] {
  if (!(error instanceof BffError) || error.status < 400 || error.status >= 500) return [];
  const onForm = (p: string | undefined): p is string => !!p && schemaHasPath(formSchema, p.split('.'));
  const placed = (error.fields ?? [])
    .map((f) => ({ path: toFormPath(formPath(f.path)), message: withCode(error, f.message) }))
    .filter((f): f is ServerFieldError => onForm(f.path));
  if (placed.length > 0) return placed;
  if (!error.code.startsWith('DBS.')) return [];
  const candidates = fieldsWithCode(bodySchema, error.code)
    .map((p) => toFormPath(p))
    .filter(onForm);
  // A code several fields share (DBS.200001, "invalid parameter") says nothing about which one: keep it whole.
  return candidates.length === 1
    ? [{ path: candidates[0] as string, message: withCode(error, error.message) }]
    : [];
}
