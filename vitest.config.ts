import { defineConfig } from 'vitest/config';

// Unit tests (core) and integration tests (server, against PGlite and, when TEST_DATABASE_URL is
// set, PostgreSQL). End-to-end tests have their own config in e2e/.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/core/src/**/*.test.ts', 'packages/server/src/**/*.test.ts'],
    globalSetup: ['packages/server/src/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // PGlite instances are memory-hungry WASM; two workers fit the 2-core machines.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
