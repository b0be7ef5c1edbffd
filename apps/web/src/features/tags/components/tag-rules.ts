import type { TFunction } from 'i18next';
import type { z } from 'zod';

type AddTagsBody = z.ZodType<
  { tags: { key: string; value: string }[] },
  { tags: { key: string; value: string }[] }
>;

/**
 * The add-tag form's schema: the contract's 4.11.4 body (key and value rules, one key once per call) and
 * what only the page knows: the keys the instance already carries (the service refuses them, DBS.200098)
 * and the per-instance quota (DBS.200087).
 */
export function addTagSchema(
  body: AddTagsBody,
  existingKeys: readonly string[],
  quota: number,
  t: TFunction,
) {
  return body.superRefine((v, ctx) => {
    v.tags.forEach((tag, i) => {
      if (existingKeys.includes(tag.key.trim()))
        ctx.addIssue({
          code: 'custom',
          path: ['tags', i, 'key'],
          message: t('tags.alreadyHas', { key: tag.key.trim() }),
        });
    });
    if (existingKeys.length + v.tags.length > quota)
      ctx.addIssue({
        code: 'custom',
        path: ['tags', 0, 'key'],
        message: t('tags.overQuota', { max: quota }),
      });
  });
}
