import { TAG_QUOTA_PER_INSTANCE } from '@gaussdb-console/api-client';
import { ApiError } from '../../http/errors';
import type { EmulatorRuntime } from '../../runtime';
import { SERVER_CODES } from '../databases/codes';
import type { InstanceDoc, TagDoc } from '../instance-model';
import { instances } from '../instance-state';

/**
 * Instance tags (4.11). They live where the instance model keeps them, `InstanceDoc.tags`, written through the
 * instance collection so its indexed `tags` column (used by the 4.4.4 `tags` filter) always follows. One value
 * per key (the add call takes a string); reads show it as a one-element array (TAG-1).
 */

/** 4.11.4: new keys only (DBS.200098), at most TAG_QUOTA_PER_INSTANCE per instance (DBS.200087); all or none. */
export function addTags(rt: EmulatorRuntime, inst: InstanceDoc, add: readonly TagDoc[]): InstanceDoc {
  if (inst.frozen)
    throw new ApiError(400, 'DBS.280449', 'The DB instance is frozen; its tags cannot be changed.');
  const existing = new Set(inst.tags.map((t) => t.key));
  add.forEach((t, i) => {
    if (existing.has(t.key)) {
      throw new ApiError(
        400,
        'DBS.200098',
        `tags[${i}].key: the instance already has a tag "${t.key}"; delete it first to change its value`,
        `tags[${i}].key`,
      );
    }
  });
  if (inst.tags.length + add.length > TAG_QUOTA_PER_INSTANCE) {
    throw new ApiError(
      400,
      'DBS.200087',
      `tags: the instance has ${inst.tags.length} tags; adding ${add.length} would exceed the quota of ${TAG_QUOTA_PER_INSTANCE} per instance`,
      'tags',
    );
  }
  return instances(rt).update(inst.project_id, inst.id, (doc) => ({
    ...doc,
    tags: [...doc.tags, ...add.map((t) => ({ key: t.key, value: t.value }))],
  }))!;
}

/** 4.11.5: a key the instance does not have is "The object does not exist" (404 DBS.212013). */
export function deleteTag(rt: EmulatorRuntime, inst: InstanceDoc, key: string): InstanceDoc {
  if (inst.frozen)
    throw new ApiError(400, 'DBS.280449', 'The DB instance is frozen; its tags cannot be changed.');
  if (!inst.tags.some((t) => t.key === key)) {
    throw new ApiError(404, SERVER_CODES.objectMissing, `key: the instance has no tag "${key}"`, 'key');
  }
  return instances(rt).update(inst.project_id, inst.id, (doc) => ({
    ...doc,
    tags: doc.tags.filter((t) => t.key !== key),
  }))!;
}

/** 4.11.2: every key used in the project with the distinct values it takes, both sorted. */
export function projectTags(rt: EmulatorRuntime, projectId: string): { key: string; value: string[] }[] {
  const byKey = new Map<string, Set<string>>();
  for (const inst of instances(rt).all({ projectId })) {
    for (const t of inst.tags) {
      const values = byKey.get(t.key) ?? new Set<string>();
      values.add(t.value);
      byKey.set(t.key, values);
    }
  }
  return [...byKey.keys()].sort().map((key) => ({ key, value: [...byKey.get(key)!].sort() }));
}

/**
 * 4.11.3: the tags the account's administrator predefined in the tag management service, offered by consoles
 * as suggestions. Fixed for the emulated account.
 */
export const PREDEFINED_TAGS: readonly { key: string; values: readonly string[] }[] = [
  { key: 'env', values: ['prod', 'staging', 'test', 'dev', 'dr', 'archive'] },
  { key: 'owner', values: ['alice', 'bob', 'carol', 'dave'] },
  { key: 'team', values: ['core', 'finance', 'data', 'sales', 'orders'] },
  { key: 'app', values: ['core-banking', 'ledger', 'crm', 'bi', 'web-shop', 'saas-platform'] },
  { key: 'cost_center', values: ['CC-1001', 'CC-2002', 'CC-3003'] },
];
