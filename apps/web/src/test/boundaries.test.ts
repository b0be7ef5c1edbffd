// @vitest-environment node
// The web's layers hold (docs/architecture.md "Layers of the web"): the lint rule refuses an import that
// crosses them, and lets through what the architecture allows (the tree itself passes: `npm run lint`).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const eslint = new ESLint({ cwd: root });

/** The rules a file made of `source` would break if it lived at `file` (relative to apps/web/src). */
async function broken(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, {
    filePath: path.join(root, 'apps/web/src', file),
  });
  return (result?.messages ?? [])
    .map((m) => m.ruleId ?? m.message)
    .filter((r) => r !== '@typescript-eslint/no-unused-vars');
}

describe('layers of the web (eslint-plugin-boundaries)', { timeout: 60_000 }, () => {
  it('refuses a feature reaching into another feature', async () => {
    expect(
      await broken(
        'features/tasks/components/probe.tsx',
        "import { InstancesPage as x } from '../../instances/components/instances-page';",
      ),
    ).toContain('boundaries/dependencies');
  });

  it('refuses shared code importing a feature, and a feature importing the app', async () => {
    expect(
      await broken(
        'shared/ui/probe.tsx',
        "import { instanceKeys as x } from '../../features/instances/api/instance-keys';",
      ),
    ).toContain('boundaries/dependencies');
    expect(
      await broken(
        'features/tasks/components/probe.tsx',
        "import { navItems as x } from '../../../app/nav-items';",
      ),
    ).toContain('boundaries/dependencies');
  });

  it("allows a feature its own parts, shared code, and another domain's data layer", async () => {
    expect(
      await broken(
        'features/tasks/components/probe.tsx',
        "import { TaskFilters as x } from './task-filters';",
      ),
    ).toEqual([]);
    expect(
      await broken(
        'features/tasks/components/probe.tsx',
        "import { Button as x } from '../../../shared/ui/button';",
      ),
    ).toEqual([]);
    expect(
      await broken(
        'features/tasks/components/probe.tsx',
        "import { instanceKeys as x } from '../../instances/api/instance-keys';",
      ),
    ).toEqual([]);
  });

  it("keeps the contract's Node-only entry out of the browser", async () => {
    expect(
      await broken(
        'shared/lib/probe.ts',
        "import { createGaussDbClient as x } from '@gaussdb-console/api-client';",
      ),
    ).toContain('no-restricted-imports');
    expect(
      await broken(
        'shared/lib/probe.ts',
        "import { operations as x } from '@gaussdb-console/api-client/browser';",
      ),
    ).toEqual([]);
  });
});
