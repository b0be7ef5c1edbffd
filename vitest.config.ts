import { defineConfig } from 'vitest/config';

// One Vitest run for every workspace; each package is a project so its environment can differ
// (the web will use jsdom, the rest node).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'api-client',
          root: 'packages/api-client',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'emulator',
          root: 'apps/emulator',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        extends: 'apps/web/vite.config.ts',
        test: {
          name: 'web',
          root: 'apps/web',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['./src/test/setup.ts'],
          // A test may wait up to 5 s in findBy/waitFor (setup.ts) more than once on a busy 2-core machine.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'bff',
          root: 'apps/bff',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
    ],
  },
});
