import { expect, type Page } from '@playwright/test';
import { bff, PROJECT } from './console';

export interface SeedInstance {
  id: string;
  name: string;
  type: string;
  status: string;
}

/** An instance of the e2e seed by its exact name, as the BFF lists it (its kind checked by the caller). */
export async function instanceNamed(page: Page, name: string): Promise<SeedInstance> {
  const res = await bff(
    page,
    'GET',
    `/api/v1/projects/${PROJECT}/instances?name=${encodeURIComponent(name)}&limit=10`,
  );
  expect(res.status()).toBe(200);
  const found = ((await res.json()) as { instances: SeedInstance[] }).instances.find((i) => i.name === name);
  if (!found) throw new Error(`the e2e seed has no instance ${name}`);
  return found;
}

/** The first of these seed instances that is centralized (databases, users and schemas need a non-tenant one). */
export async function centralizedAmong(page: Page, names: readonly string[]): Promise<SeedInstance> {
  for (const name of names) {
    const inst = await instanceNamed(page, name);
    if (inst.type.toLowerCase().startsWith('centralization') && inst.status === 'ACTIVE') return inst;
  }
  throw new Error(`none of ${names.join(', ')} is an ACTIVE centralized instance`);
}
