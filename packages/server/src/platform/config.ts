import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration comes from the environment only, validated once at start-up. A wrong value
 * stops the process with a message that names the variable (see README "Konfigurasjon").
 */
/** A whole number written as digits only ('  ' or '3e3' is an error, not 0 or 3000). */
const intVar = (min: number, max: number, fallback: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, { message: 'must be a whole number' })
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .default(fallback);

const EnvSchema = z.object({
  PORT: intVar(0, 65535, 3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must start with postgres:// or postgresql://' })
    .optional(),
  DATABASE_POOL_SIZE: intVar(1, 200, 10),
  DATA_DIR: z.string().min(1).default('./data'),
  SESSION_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
  SESSION_IDLE_MINUTES: intVar(1, 24 * 60, 30),
  SESSION_ABSOLUTE_HOURS: intVar(1, 7 * 24, 12),
  SESSION_CACHE_SECONDS: intVar(0, 60, 5),
  PUBLIC_PAGE_CACHE_SECONDS: intVar(0, 600, 60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
  DEMO_MODE: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true' || value === '1')),
  LOGIN_MAX_FAILURES: intVar(1, 100, 5),
  LOGIN_LOCKOUT_MINUTES: intVar(1, 24 * 60, 15),
  LOGIN_RATE_LIMIT_PER_MINUTE: intVar(1, 10_000, 60),
  WEB_DIST_DIR: z.string().optional(),
});

export type Engine = 'pglite' | 'postgres';

export interface Config {
  port: number;
  host: string;
  baseUrl: string;
  /** Cookies get the Secure flag when the public address is https. */
  secureCookies: boolean;
  engine: Engine;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  dataDir: string;
  sessionSecret: string;
  sessionIdleSeconds: number;
  sessionAbsoluteSeconds: number;
  /** How long a server may reuse a session it looked up (0 = always ask the database). ADR 0006. */
  sessionCacheSeconds: number;
  /** How long a server may reuse a rendered public directory page (0 = off); publishing empties it at once. */
  publicPageCacheSeconds: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  trustProxy: boolean;
  /** Demo mode: loads demo data on first start and accepts synthetic test identities. */
  demoMode: boolean;
  loginMaxFailures: number;
  loginLockoutSeconds: number;
  /** Login and TOTP requests per client address per minute (an office behind NAT shares one). */
  loginRateLimitPerMinute: number;
  webDistDir: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Ugyldig konfigurasjon:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as "not set", as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(miljø)'}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const engine: Engine = e.DATABASE_URL ? 'postgres' : 'pglite';
  const dataDir = path.resolve(e.DATA_DIR);
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  let sessionSecret = e.SESSION_SECRET;
  if (!sessionSecret) {
    if (engine === 'postgres') {
      // Several app servers share one PostgreSQL: they must share the secret, so it must be given.
      throw new ConfigError(['SESSION_SECRET: required when DATABASE_URL is set (at least 32 characters)']);
    }
    sessionSecret = readOrCreateSecret(dataDir);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    baseUrl,
    secureCookies: baseUrl.startsWith('https://'),
    engine,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    dataDir,
    sessionSecret,
    sessionIdleSeconds: e.SESSION_IDLE_MINUTES * 60,
    sessionAbsoluteSeconds: e.SESSION_ABSOLUTE_HOURS * 3600,
    sessionCacheSeconds: e.SESSION_CACHE_SECONDS,
    publicPageCacheSeconds: e.PUBLIC_PAGE_CACHE_SECONDS,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    // The embedded database is for evaluation and demos, so demo mode is its default.
    demoMode: e.DEMO_MODE ?? engine === 'pglite',
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockoutSeconds: e.LOGIN_LOCKOUT_MINUTES * 60,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    webDistDir: e.WEB_DIST_DIR,
  };
}

/** The embedded default keeps a generated secret beside its database, readable only by the owner. */
function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) {
    // Tighten a file someone made readable to others (writeFileSync's mode applies only on create).
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length >= 32) return secret;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
