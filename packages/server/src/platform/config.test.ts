import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

/** loadConfig reads only the given environment, and the secret file in DATA_DIR. */

const SECRET = 'a-session-secret-that-is-long-enough-0123456789';
const PG_URL = 'postgres://rusfag@db.example:5432/rusfag';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'rusfag-config-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const secretFile = () => path.join(dataDir, 'session-secret');
const fileMode = (file: string) => statSync(file).mode & 0o777;

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('has working defaults for the embedded database', () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config).toEqual({
      port: 3000,
      host: '0.0.0.0',
      baseUrl: 'http://localhost:3000',
      secureCookies: false,
      engine: 'pglite',
      databaseUrl: undefined,
      databasePoolSize: 10,
      dataDir,
      sessionSecret: expect.any(String),
      sessionIdleSeconds: 30 * 60,
      sessionAbsoluteSeconds: 12 * 3600,
      sessionCacheSeconds: 5,
      publicPageCacheSeconds: 60,
      logLevel: 'info',
      trustProxy: false,
      demoMode: true,
      loginMaxFailures: 5,
      loginLockoutSeconds: 15 * 60,
      loginRateLimitPerMinute: 60,
      webDistDir: undefined,
    });
  });

  it('reads every variable it is given', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      BASE_URL: 'https://rusfag.oslo.kommune.no/',
      DATABASE_URL: PG_URL,
      DATABASE_POOL_SIZE: '20',
      SESSION_SECRET: SECRET,
      SESSION_IDLE_MINUTES: '15',
      SESSION_ABSOLUTE_HOURS: '8',
      SESSION_CACHE_SECONDS: '0',
      PUBLIC_PAGE_CACHE_SECONDS: '0',
      LOG_LEVEL: 'warn',
      TRUST_PROXY: '1',
      LOGIN_MAX_FAILURES: '3',
      LOGIN_LOCKOUT_MINUTES: '30',
      WEB_DIST_DIR: '/srv/web',
      DATA_DIR: dataDir,
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      baseUrl: 'https://rusfag.oslo.kommune.no',
      secureCookies: true,
      engine: 'postgres',
      databaseUrl: PG_URL,
      databasePoolSize: 20,
      sessionSecret: SECRET,
      sessionIdleSeconds: 15 * 60,
      sessionAbsoluteSeconds: 8 * 3600,
      sessionCacheSeconds: 0,
      publicPageCacheSeconds: 0,
      logLevel: 'warn',
      trustProxy: true,
      demoMode: false,
      loginMaxFailures: 3,
      loginLockoutSeconds: 30 * 60,
      webDistDir: '/srv/web',
    });
  });

  it('treats empty variables as not set', () => {
    const config = loadConfig({ DATA_DIR: dataDir, PORT: '', DATABASE_URL: '', LOG_LEVEL: '', SESSION_SECRET: '' });
    expect(config).toMatchObject({ port: 3000, engine: 'pglite', logLevel: 'info' });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['BASE_URL', 'ftp://x'],
    ['BASE_URL', 'rusfag.oslo.kommune.no'],
    ['DATABASE_URL', 'mysql://x'],
    ['DATABASE_POOL_SIZE', '0'],
    ['SESSION_SECRET', 'too-short'],
    ['SESSION_IDLE_MINUTES', '0'],
    ['SESSION_ABSOLUTE_HOURS', '1000'],
    ['LOG_LEVEL', 'loud'],
    ['TRUST_PROXY', 'maybe'],
    ['DEMO_MODE', 'yes'],
    ['LOGIN_MAX_FAILURES', 'many'],
  ])('refuses %s=%s with a ConfigError that names the variable', (name, value) => {
    const error = configError({ DATA_DIR: dataDir, [name]: value });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(new RegExp(`^${name}: `));
    expect(error.message).toContain(name);
  });

  it('names every wrong variable at once', () => {
    const error = configError({ DATA_DIR: dataDir, PORT: 'abc', LOG_LEVEL: 'loud', TRUST_PROXY: 'maybe' });
    expect(error.problems.map((p) => p.split(':')[0]).sort()).toEqual(['LOG_LEVEL', 'PORT', 'TRUST_PROXY']);
  });

  it('requires SESSION_SECRET with DATABASE_URL, and then writes no secret file', () => {
    const error = configError({ DATA_DIR: dataDir, DATABASE_URL: PG_URL });
    expect(error.message).toContain('SESSION_SECRET');
    expect(existsSync(secretFile())).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: PG_URL, SESSION_SECRET: SECRET }).sessionSecret).toBe(SECRET);
    expect(existsSync(secretFile())).toBe(false);
  });

  it('accepts postgresql:// as well as postgres://', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/rusfag', SESSION_SECRET: SECRET, DATA_DIR: dataDir }).engine).toBe('postgres');
  });

  it('on PGlite without SESSION_SECRET, generates a secret into DATA_DIR/session-secret, readable by the owner only, and reuses it', () => {
    const nested = path.join(dataDir, 'not', 'yet', 'there');
    const first = loadConfig({ DATA_DIR: nested });
    const file = path.join(nested, 'session-secret');
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.sessionSecret);
    expect(fileMode(file).toString(8)).toBe('600');
    const second = loadConfig({ DATA_DIR: nested });
    expect(second.sessionSecret).toBe(first.sessionSecret);
    // Two data directories never share a generated secret.
    expect(loadConfig({ DATA_DIR: path.join(dataDir, 'other') }).sessionSecret).not.toBe(first.sessionSecret);
  });

  it('prefers SESSION_SECRET over a generated one and leaves DATA_DIR alone', () => {
    expect(loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: SECRET }).sessionSecret).toBe(SECRET);
    expect(existsSync(secretFile())).toBe(false);
  });

  it('replaces a secret file that holds too short a secret, and leaves it readable by the owner only', () => {
    writeFileSync(secretFile(), 'kort\n');
    chmodSync(secretFile(), 0o644);
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config.sessionSecret).not.toBe('kort');
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(secretFile(), 'utf8').trim()).toBe(config.sessionSecret);
    expect(fileMode(secretFile()).toString(8)).toBe('600');
  });

  it('uses secure cookies exactly when BASE_URL is https', () => {
    expect(loadConfig({ DATA_DIR: dataDir, BASE_URL: 'https://rusfag.example' }).secureCookies).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir, BASE_URL: 'http://rusfag.example' }).secureCookies).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir, PORT: '4000' })).toMatchObject({ baseUrl: 'http://localhost:4000', secureCookies: false });
  });

  it('defaults demo mode to on for PGlite and off for PostgreSQL, and DEMO_MODE overrides both', () => {
    const pg = { DATABASE_URL: PG_URL, SESSION_SECRET: SECRET, DATA_DIR: dataDir };
    expect(loadConfig({ DATA_DIR: dataDir }).demoMode).toBe(true);
    expect(loadConfig(pg).demoMode).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir, DEMO_MODE: 'false' }).demoMode).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir, DEMO_MODE: '0' }).demoMode).toBe(false);
    expect(loadConfig({ ...pg, DEMO_MODE: 'true' }).demoMode).toBe(true);
    expect(loadConfig({ ...pg, DEMO_MODE: '1' }).demoMode).toBe(true);
  });

  it('reads TRUST_PROXY as a boolean', () => {
    expect(loadConfig({ DATA_DIR: dataDir, TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir, TRUST_PROXY: '0' }).trustProxy).toBe(false);
  });
});
