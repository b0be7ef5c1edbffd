import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { i18n } from '../lib/i18n';

const HAS_CJK = /[\u3400-\u9fff]/;

/** Every error message of the tree, rewritten by `f` (arrays and nested objects included). */
function mapMessages(errors: FieldErrors, f: (message: string) => string): void {
  for (const [key, value] of Object.entries(errors)) {
    // `ref` is the field's element, not an error.
    if (key === 'ref' || !value || typeof value !== 'object') continue;
    const e = value as { message?: unknown };
    if (typeof e.message === 'string' && e.message) e.message = f(e.message);
    mapMessages(value as FieldErrors, f);
  }
}

/**
 * zod through @hookform/resolvers, in the user's language: the contract's rule messages are English (the
 * BFF and the emulator speak them too); in another language a message not written in it says, in that
 * language, that the value breaks the field's rule (the rule itself is shown translated under the field)
 * and keeps the contract's precise words beside it.
 */
export function localizedResolver<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
): Resolver<z.input<S>, unknown, z.output<S>> {
  const base = zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>;
  return async (values, context, options) => {
    const result = await base(values, context, options);
    if (i18n.language !== 'en' && Object.keys(result.errors).length > 0) {
      mapMessages(result.errors as FieldErrors, (m) =>
        HAS_CJK.test(m) ? m : i18n.t('forms.breaksRule', { detail: m }),
      );
    }
    return result;
  };
}
