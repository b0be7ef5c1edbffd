import { operations, SYSTEM_USERS } from '@gaussdb-console/api-client/browser';
import type { TFunction } from 'i18next';
import { z } from 'zod';

/** An optional field of the form: an empty control means "not sent" (the service's default). */
const blank = <T extends z.ZodType>(rule: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), rule.optional());

const createDatabase = operations.createDatabase.body.shape;

/** The defaults the service applies when a setting is left out (4.9.1: UTF8, C, C). */
export const DB_DEFAULTS = { character_set: 'UTF8', lc_collate: 'C', lc_ctype: 'C' } as const;

/**
 * 4.9.1's form: the contract's rule on every field, and the combination the contract cannot see alone: a
 * character set or collation other than the default is copied from no template but `template0` (the other
 * templates carry UTF8 and C, and a new database may not differ from its template in them).
 */
export function createDatabaseSchema(t: TFunction) {
  return z
    .object({
      name: createDatabase.name,
      owner: blank(createDatabase.owner.unwrap()),
      character_set: blank(createDatabase.character_set.unwrap()),
      template: blank(createDatabase.template.unwrap()),
      lc_collate: blank(createDatabase.lc_collate.unwrap()),
      lc_ctype: blank(createDatabase.lc_ctype.unwrap()),
    })
    .superRefine((v, ctx) => {
      const differs =
        (v.character_set && v.character_set.toUpperCase() !== DB_DEFAULTS.character_set) ||
        (v.lc_collate && v.lc_collate !== DB_DEFAULTS.lc_collate) ||
        (v.lc_ctype && v.lc_ctype !== DB_DEFAULTS.lc_ctype);
      if (differs && v.template !== 'template0')
        ctx.addIssue({ code: 'custom', path: ['template'], message: t('databases.create.templateNeeded') });
    });
}

/** Users a database or schema may belong to: root and the users created through the API, never a system user. */
export const ownerCandidates = (users: readonly { name: string }[]): string[] => {
  const names = users.map((u) => u.name).filter((n) => !(SYSTEM_USERS as readonly string[]).includes(n));
  return ['root', ...names.filter((n) => n !== 'root')];
};

/** Users privileges may be granted to (4.9.4): neither root nor a system user. */
export const granteeCandidates = (users: readonly { name: string }[]): string[] =>
  ownerCandidates(users).filter((n) => n !== 'root');

/**
 * The contract's body rules applied to a form whose values are shaped differently (a confirmation field,
 * lists of rows): `toBody` makes the body from the values and each issue lands on the same path.
 */
export function contractRules<V>(body: z.ZodType, toBody: (v: V) => unknown) {
  return (v: V, ctx: z.RefinementCtx) => {
    const r = body.safeParse(toBody(v));
    if (r.success) return;
    for (const i of r.error.issues) ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
  };
}

/** A password typed twice: the second must equal the first. */
export function confirmRule(t: TFunction) {
  return (v: { password: string; confirm: string }, ctx: z.RefinementCtx) => {
    if (v.confirm !== v.password)
      ctx.addIssue({ code: 'custom', path: ['confirm'], message: t('databases.user.mismatch') });
  };
}
