import { describe, expect, it, vi } from 'vitest';
import { makeZodJitless } from './zod-jitless';

describe('makeZodJitless', () => {
  it('turns zod’s compiled parsers off, so no schema ever asks the CSP for eval', async () => {
    makeZodJitless();
    const { globalConfig } = await import('zod/v4/core');
    expect(globalConfig.jitless).toBe(true);
    const { z } = await import('zod');
    const made = vi.spyOn(globalThis, 'Function');
    const schema = z.object({ id: z.string(), size: z.number() });
    for (let i = 0; i < 3; i++) expect(schema.parse({ id: 'a', size: i })).toEqual({ id: 'a', size: i });
    expect(made).not.toHaveBeenCalled();
  });
});
