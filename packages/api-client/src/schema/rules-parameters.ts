import { z } from 'zod';
import { withCode } from './error-codes';
import { idField } from './rules-backups';

/**
 * Request rules of the parameter-template sections (4.5.x). Codes: the reference's 212xxx family
 * ("Invalid parameter", DBS.212017) where it has no narrower one; see decisions/30-parameters-backups.md.
 */

export const TEMPLATE_NAME_RULE = '1–64 characters: letters, digits, "-", "_" and "." only (case-sensitive)';
/** Parameter-template name (4.5.4, 4.5.7, 4.5.11): `^[A-Za-z0-9._-]{1,64}$`. */
export const templateName = (label = 'name') =>
  withCode(
    z
      .string({ message: `${label}: must be a string` })
      .regex(/^[A-Za-z0-9._-]{1,64}$/, { message: `${label}: ${TEMPLATE_NAME_RULE}` }),
    'DBS.212017',
  );

/** Characters 4.5.4/4.5.7 forbid in a description (their lists differ by the `'`; the union is enforced, PARAM-2). */
export const TEMPLATE_DESCRIPTION_FORBIDDEN = ['>', '!', "'", '<', '"', '&', '='] as const;
export const TEMPLATE_DESCRIPTION_MAX = 256;
const forbiddenIn = (v: string): string | undefined =>
  /[\r\n]/.test(v) ? 'a line break' : TEMPLATE_DESCRIPTION_FORBIDDEN.find((c) => v.includes(c));

/**
 * Template description. `onTooLong: 'truncate'` is 4.5.4 ("longer than 256 is cut automatically"),
 * `'reject'` is 4.5.7 ("must not exceed 256") — PARAM-1.
 */
export const templateDescription = (onTooLong: 'truncate' | 'reject') => {
  const chars = z.string({ message: 'description: must be a string' }).superRefine((v, ctx) => {
    const bad = forbiddenIn(v);
    if (bad) {
      ctx.addIssue({
        code: 'custom',
        message: `description: must not contain ${bad === 'a line break' ? bad : `"${bad}"`}; line breaks and ${TEMPLATE_DESCRIPTION_FORBIDDEN.join(' ')} are not allowed`,
      });
    }
    if (onTooLong === 'reject' && v.length > TEMPLATE_DESCRIPTION_MAX) {
      ctx.addIssue({
        code: 'custom',
        message: `description: at most ${TEMPLATE_DESCRIPTION_MAX} characters`,
      });
    }
  });
  return withCode(
    onTooLong === 'truncate' ? chars.transform((v) => v.slice(0, TEMPLATE_DESCRIPTION_MAX)) : chars,
    'DBS.212017',
  );
};

export const PARAMETER_NAME_RULE =
  'a parameter name: a letter first, then letters, digits, "_" or "." (at most 128)';
const parameterNamePattern = /^[A-Za-z][A-Za-z0-9_.]{0,127}$/;

/**
 * A `Map<String,String>` of parameter name → value (4.5.3 `values`, 4.5.4 `parameter_values`).
 * Values are strings on the wire; numbers and booleans are accepted and sent as strings (D.13, PARAM-3).
 * Whether a parameter exists and its value is in range depends on the engine version: the server's check.
 */
export const parameterValues = (label: string, opts: { min: 0 | 1 }) =>
  withCode(
    z
      .record(
        z.string(),
        z
          .union([z.string(), z.number(), z.boolean()], { message: `${label}: each value must be a string` })
          .transform((v) => String(v)),
        { message: `${label}: must be an object of parameter name → value` },
      )
      .superRefine((m, ctx) => {
        const keys = Object.keys(m);
        if (keys.length < opts.min)
          ctx.addIssue({ code: 'custom', message: `${label}: give at least one parameter` });
        for (const k of keys) {
          if (!parameterNamePattern.test(k)) {
            ctx.addIssue({
              code: 'custom',
              path: [k],
              message: `${label}: "${k}" is not ${PARAMETER_NAME_RULE}`,
            });
          }
        }
      }),
    'DBS.212017',
  );

/** A parameter-template id in a path or body (D.34: checked by lookup, not by shape). */
export const templateId = (label: string) => idField(label, 'DBS.200057');

/** Deployment form a template is for: only `ha` (primary/standby) is listed (L4140, D.49). */
export const TEMPLATE_INSTANCE_MODES = ['ha'] as const;
export const templateInstanceMode = () =>
  withCode(
    z.enum(TEMPLATE_INSTANCE_MODES, { message: 'datastore.instance_mode: must be "ha"' }),
    'DBS.280402',
  );

/** Engine version of a template, e.g. `2.3` (the version list comes from 4.2.1; format only here). */
export const templateEngineVersion = () =>
  withCode(
    z.string({ message: 'datastore.engine_version: required' }).regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, {
      message:
        'datastore.engine_version: an engine version such as 2.3 (letters, digits, ".", "-", "_"; at most 32)',
    }),
    'DBS.280236',
  );

/** Instance ids a template is applied to (4.5.12): at least one, each once. */
export const applyInstanceIds = () =>
  withCode(
    z
      .array(idField('instance_ids[]'), { message: 'instance_ids: must be a list of instance ids' })
      .min(1, { message: 'instance_ids: give at least one instance id' })
      .superRefine((ids, ctx) => {
        const seen = new Set<string>();
        // Reported on the list (not the element): the id itself is well-formed.
        for (const id of ids) {
          if (seen.has(id))
            ctx.addIssue({ code: 'custom', message: `instance_ids: "${id}" is listed twice` });
          seen.add(id);
        }
      }),
    'DBS.200001',
  );
