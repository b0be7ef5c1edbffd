import { z } from 'zod';
import { defineOperation } from './define';
import { withCode } from '../schema/error-codes';
import { pathId, tagKey, tagValue, TAG_VALUE_RULE } from '../schema/rules';
import { list, obj, opt, str, int } from '../schema/tolerant';

/**
 * 4.11 Tags. Reads return `value` as an array of strings (4.11.1/4.11.2), writes take one string per key
 * (4.11.4), and the predefined list spells it `values` (4.11.3): see TAG-1..TAG-6 in docs/api-decisions.md.
 */

/** Largest number of tags one instance may carry: not stated by the reference (D.55); the server enforces it with DBS.200087. */
export const TAG_QUOTA_PER_INSTANCE = 20;

/** A tag's values on read: an array, but a single string (the write shape) or null is tolerated (TAG-1). */
const tagValues = () =>
  z.preprocess((v) => (v === null || v === undefined ? [] : typeof v === 'string' ? [v] : v), z.array(str()));

const tagSchema = obj({
  key: str(),
  value: tagValues(),
});
export type Tag = z.output<typeof tagSchema>;

/** 4.11.3 items: `values` in the table and example; `value` (the 4.11.1 spelling) is accepted too (TAG-3). */
const predefinedTagSchema = obj({
  key: str(),
  values: opt(tagValues()),
  value: opt(tagValues()),
});
export type PredefinedTag = z.output<typeof predefinedTagSchema>;

/** The values of a predefined tag, whichever spelling the service used. */
export function predefinedTagValues(t: PredefinedTag): string[] {
  return t.values ?? t.value ?? [];
}

/** Tag value on write: trimmed, 0–43 characters, but a value of only spaces is refused (TAG-4). */
const writtenTagValue = () =>
  withCode(
    z
      .string({ message: `tags[].value: required; ${TAG_VALUE_RULE}` })
      .refine((v) => v === '' || v.trim() !== '', {
        message: 'tags[].value: must not be only spaces (use "" for an empty value)',
      })
      .pipe(tagValue()),
    'DBS.200001',
  );

/**
 * One tag to add. The element carries DBS.280272 so that the duplicate-key issue, reported on the
 * element (`tags[i]`), resolves to "The tag key must be unique" (TAG-5); its fields keep DBS.200001.
 */
const tagToAdd = withCode(
  z.strictObject({
    key: tagKey(),
    value: writtenTagValue(),
  }),
  'DBS.280272',
);

const addTagsBody = z
  .strictObject({
    tags: z
      .array(tagToAdd, { message: 'tags: required, an array of { key, value }' })
      .min(1, { message: 'tags: at least one tag is required' }),
  })
  .superRefine((body, ctx) => {
    const seen = new Map<string, number>();
    body.tags.forEach((t, i) => {
      const first = seen.get(t.key);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['tags', i],
          message: `tags[${i}].key: "${t.key}" is already given in tags[${first}]; each tag key may appear once per request`,
          params: { dbsCode: 'DBS.280272' },
        });
      } else {
        seen.set(t.key, i);
      }
    });
  });

const instancePath = z.strictObject({ instance_id: pathId('instance_id') });

export const tagOperations = {
  listInstanceTags: defineOperation({
    id: 'listInstanceTags',
    section: '4.11.1',
    title: 'List instance tags',
    titleZh: '查询实例标签',
    area: 'tags',
    method: 'GET',
    path: '/v3/{project_id}/instances/{instance_id}/tags',
    pathParams: instancePath,
    response: obj({
      tags: list(tagSchema),
      total_count: opt(int()),
    }),
    successStatus: 200,
  }),

  listProjectTags: defineOperation({
    id: 'listProjectTags',
    section: '4.11.2',
    title: 'List project tags',
    titleZh: '查询项目标签',
    area: 'tags',
    method: 'GET',
    path: '/v3/{project_id}/tags',
    response: obj({
      tags: list(tagSchema),
    }),
    successStatus: 200,
  }),

  listPredefinedTags: defineOperation({
    id: 'listPredefinedTags',
    section: '4.11.3',
    title: 'List predefined tags',
    titleZh: '查询预定义标签',
    area: 'tags',
    method: 'GET',
    path: '/v3/{project_id}/predefined-tags',
    response: obj({
      tags: list(predefinedTagSchema),
    }),
    successStatus: 200,
  }),

  addInstanceTags: defineOperation({
    id: 'addInstanceTags',
    section: '4.11.4',
    title: 'Add instance tags',
    titleZh: '添加实例标签',
    area: 'tags',
    method: 'POST',
    path: '/v3/{project_id}/instances/{instance_id}/tags',
    pathParams: instancePath,
    body: addTagsBody,
    response: obj({
      instance_id: opt(str()),
      instance_name: opt(str()),
    }),
    successStatus: 200,
  }),

  deleteInstanceTag: defineOperation({
    id: 'deleteInstanceTag',
    section: '4.11.5',
    title: 'Delete an instance tag',
    titleZh: '删除实例标签',
    area: 'tags',
    method: 'DELETE',
    // Singular `/tag`, as both the URI format and the example spell it (D.6, TAG-6).
    path: '/v3/{project_id}/instances/{instance_id}/tag',
    aliases: ['/v3/{project_id}/instances/{instance_id}/tags'],
    pathParams: instancePath,
    query: z.strictObject({
      key: tagKey(),
    }),
    response: obj({
      result: opt(str()),
      instance_id: opt(str()),
      instance_name: opt(str()),
    }),
    successStatus: 200,
    // Removing the same key twice leaves the same state: safe for the transport to retry.
    idempotent: true,
    destructive: true,
  }),
} as const;
