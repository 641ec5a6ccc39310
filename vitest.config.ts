import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      // `server-only` throws outside React's server build; tests are server code, so it is a no-op here.
      'server-only': path.join(root, 'test/empty-module.ts'),
    },
  },
  test: {
    // Unit tests (`*.test.ts`) sit beside the code they test; integration tests (`*.int.test.ts`, against a
    // real PostgreSQL) live under test/. lib/layers.test.ts fails on a test file in the wrong place.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{lib,db,components,scripts}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.int.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two cores: one database server plus two test workers is the sweet spot.
          maxWorkers: 2,
        },
      },
    ],
  },
});
