import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const PROJECT = 'prod';

export const USERS = {
  admin: { username: 'admin', password: 'admin-demo-pass' },
  operator: { username: 'operator', password: 'operator-demo-pass' },
  viewer: { username: 'viewer', password: 'viewer-demo-pass' },
} as const;

/**
 * Signs in through the real login form, waits for the home page (the dashboard), then opens the instance
 * list, where most journeys start.
 */
export async function login(page: Page, who: keyof typeof USERS = 'admin'): Promise<void> {
  await signIn(page, who);
  await page.goto(`/p/${PROJECT}/instances`);
}

/** Signs in through the real login form and waits for the home page the console opens. */
export async function signIn(page: Page, who: keyof typeof USERS = 'admin'): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/user name|用户名/i).fill(USERS[who].username);
  await page.getByLabel(/^password$|^密码$/i).fill(USERS[who].password);
  await page.getByRole('button', { name: /sign in|登录/i }).click();
  await expect(page).toHaveURL(/\/p\/[^/]+\/dashboard/);
}

/** Calls the BFF as the page's signed-in user (same cookie), the way the SPA does. */
export async function bff(page: Page, method: string, path: string, body?: unknown) {
  const request: APIRequestContext = page.context().request;
  const base = new URL(page.url()).origin;
  return request.fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', 'x-console-request': '1', origin: base },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
}

export const uniqueName = (prefix: string) => `${prefix}-${Date.now().toString(36)}`;

/** Waits until the page has drawn its content (a heading, no loading indicator). The event stream keeps a
 * request open, so "network idle" never comes. */
export async function settle(page: Page): Promise<void> {
  await expect(page.locator('h1').first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Loading|加载中/ })).toHaveCount(0);
}
