import { inject } from 'vitest';

/** What the global setup hands to every spec file. */
export interface E2eContext {
  /** The running server, e.g. http://127.0.0.1:3317; empty when the run is skipped. */
  baseUrl: string;
  /** Why every end-to-end test is skipped (no Chromium), or null when they run. */
  skipReason: string | null;
  /** Where logins claim TOTP time steps and pace themselves, shared by all spec files of the run. */
  loginLedgerDir: string;
  /** Screenshots of failed tests end up here (git-ignored). */
  artifactsDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eContext;
  }
}

export const CHROMIUM_PATH = '/usr/bin/chromium';

export function e2eContext(): E2eContext {
  return inject('e2e');
}
