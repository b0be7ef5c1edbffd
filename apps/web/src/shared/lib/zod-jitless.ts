/**
 * The contract's schemas run without zod's compiled fast path in the browser: the console's CSP forbids eval, and
 * zod's probe for it (a `new Function` when the first object schema is made) is itself a CSP violation the browser
 * reports on every page load. zod reads its configuration from this global (shared by every copy of zod), so the
 * entry sets it without importing zod into the first-load JavaScript; zod-jitless.test.ts checks zod sees it.
 */
export function makeZodJitless(): void {
  const g = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
  (g.__zod_globalConfig ??= {}).jitless = true;
}
