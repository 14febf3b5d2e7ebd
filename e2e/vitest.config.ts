import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// End-to-end tests: the real server (child process, fresh PGlite data directory, demo data) and
// the built web app in Debian's Chromium. Run from the repository root: `npm run test:e2e`.
export default defineConfig({
  root: repoRoot,
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['e2e/specs/**/*.spec.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    // One file at a time: one Chromium and one server share two cores, and logins of the same demo
    // user must not race each other for a TOTP time step (see support/auth.ts).
    fileParallelism: false,
    maxWorkers: 1,
    // A login may wait for the next 30-second TOTP step when a user has just logged in twice.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
