import { expect, type Page } from '@playwright/test';
import { bff } from './console';

/**
 * What the backup journeys need from the BFF: the seed's instances reserved for them (scale-00030 …
 * scale-00039) with their kind, and a completed manual backup when a page needs one.
 */

export interface SeedInstance {
  id: string;
  name: string;
  /** `Centralization_standard` or `Enterprise`, as the instance list says. */
  type: string;
  version: string;
  status: string;
}

/** scale-00030 … scale-00039 as the BFF lists them now (their kind is read, never assumed). */
export async function reservedInstances(page: Page): Promise<SeedInstance[]> {
  const res = await bff(page, 'GET', '/api/v1/projects/prod/instances?name=*scale-0003&limit=50');
  expect(res.status()).toBe(200);
  const body = (await res.json()) as {
    instances: {
      id: string;
      name: string;
      status: string;
      type?: string;
      datastore?: { version?: string };
    }[];
  };
  return body.instances
    .filter((i) => /^scale-0003\d$/.test(i.name))
    .map((i) => ({
      id: i.id,
      name: i.name,
      status: i.status,
      type: i.type ?? '',
      version: i.datastore?.version ?? '',
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const reserved = async (page: Page, name: string) => {
  const found = (await reservedInstances(page)).find((i) => i.name === name);
  expect(found, `${name} is in the e2e seed`).toBeDefined();
  return found!;
};

/** A COMPLETED manual backup of the instance: an existing one, or one taken now through the BFF. */
export async function completedManualBackup(
  page: Page,
  instanceId: string,
): Promise<{ id: string; name: string }> {
  const list = async () =>
    (
      (await (
        await bff(page, 'GET', `/api/v1/projects/prod/backups?instance_id=${instanceId}&backup_type=manual`)
      ).json()) as {
        backups: { id: string; name: string; status: string }[];
      }
    ).backups;
  let done = (await list()).find((b) => b.status === 'COMPLETED');
  if (!done) {
    if (!(await list()).some((b) => b.status === 'BUILDING')) {
      const res = await bff(page, 'POST', '/api/v1/projects/prod/backups', {
        instance_id: instanceId,
        name: `e2e-fixture-${Date.now().toString(36)}`,
      });
      expect(res.status()).toBe(202);
    }
    await expect
      .poll(async () => (await list()).some((b) => b.status === 'COMPLETED'), { timeout: 30_000 })
      .toBe(true);
    done = (await list()).find((b) => b.status === 'COMPLETED');
  }
  return done!;
}
