import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres } from './db/database.js';
import { verifyChain } from './modules/audit/service.js';

/**
 * The process-level promises: the CLI commands, a backup that restores what was backed up, a
 * second process refused on the same embedded data directory, and a clean shutdown on SIGTERM.
 * These start real Node processes, as an operator would.
 */

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const nodeArgs = ['--conditions=source', '--import', 'tsx'];

/** A clean environment: the test runner's own variables (Vite sets BASE_URL=/) must not leak in. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'PGHOST', 'PGUSER'];
  return { ...Object.fromEntries(keep.filter((k) => process.env[k]).map((k) => [k, process.env[k]])), ...extra };
}

function cli(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [...nodeArgs, 'packages/server/src/cli.ts', ...args], {
    cwd: repoRoot,
    env: childEnv({ LOG_LEVEL: 'silent', ...env }),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const tempDirs: string[] = [];
function tempDir(prefix: string) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

async function usernamesIn(dataDir: string) {
  const handle = await openPglite({ dataDir });
  try {
    const rows = await handle.db.selectFrom('app_user').select('username').execute();
    const chain = await verifyChain(handle.db);
    return { usernames: rows.map((r) => r.username), chainOk: chain.firstBrokenId === null };
  } finally {
    await handle.close();
  }
}

describe('CLI on the embedded database', { timeout: 240_000 }, () => {
  const dataDir = tempDir('rusfag-cli-');
  const env = { DATA_DIR: dataDir, DEMO_MODE: 'true' };

  it('migrates, loads demo data and creates a user', () => {
    expect(cli(['migrate'], env)).toMatchObject({ code: 0, stdout: expect.stringContaining('migrering') });
    expect(cli(['seed-demo'], env)).toMatchObject({ code: 0, stdout: expect.stringContaining('Demodata er lastet inn') });
    expect(cli(['seed-demo'], env).stdout).toContain('har allerede data');
    const created = cli(['create-user', '--username', 'Test.Person', '--name', 'Test Person', '--unit', 'B04', '--role', 'caseworker@B04'], {
      ...env,
      RUSFAG_PASSWORD: 'et langt og godt passord',
    });
    expect(created).toMatchObject({ code: 0, stdout: expect.stringContaining('Opprettet test.person') });
    const weak = cli(['create-user', '--username', 'svak', '--name', 'Svak', '--unit', 'B04'], { ...env, RUSFAG_PASSWORD: 'kort' });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('minst 12 tegn');
    const badRole = cli(['create-user', '--username', 'feil', '--name', 'Feil', '--unit', 'B04', '--role', 'sjef@B04'], {
      ...env,
      RUSFAG_PASSWORD: 'et langt og godt passord',
    });
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain('Ugyldig rolle');
  });

  it('restores exactly what was backed up, keeping the replaced data directory', async () => {
    const file = path.join(dataDir, '..', `${path.basename(dataDir)}-backup.tar.gz`);
    tempDirs.push(file);
    expect(cli(['backup', '--file', file], env).code).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(
      cli(['create-user', '--username', 'etter.backup', '--name', 'Etter Backup', '--unit', 'B04'], {
        ...env,
        RUSFAG_PASSWORD: 'et langt og godt passord',
      }).code,
    ).toBe(0);
    expect((await usernamesIn(dataDir)).usernames).toContain('etter.backup');
    const restored = cli(['restore', '--file', file], env);
    expect(restored).toMatchObject({ code: 0, stdout: expect.stringContaining('before-restore') });
    const after = await usernamesIn(dataDir);
    expect(after.usernames).toContain('test.person');
    expect(after.usernames).toContain('admin');
    expect(after.usernames).not.toContain('etter.backup');
    expect(after.chainOk).toBe(true);
  });

  it('verifies the access log and exits non-zero when it was tampered with', async () => {
    expect(cli(['audit-verify'], env)).toMatchObject({ code: 0, stdout: expect.stringContaining('urørt') });
    const handle = await openPglite({ dataDir });
    await sql`alter table audit_event disable trigger audit_event_append_only`.execute(handle.db);
    await sql`update audit_event set ip = '6.6.6.6' where id = 2`.execute(handle.db);
    await sql`alter table audit_event enable trigger audit_event_append_only`.execute(handle.db);
    await handle.close();
    expect(cli(['audit-verify'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('hendelse 2') });
  });

  it('prints demo TOTP codes only in demo mode', () => {
    expect(cli(['totp-code', 'admin'], env).stdout).toMatch(/^\d{6}\s*$/);
    expect(cli(['totp-code', 'admin'], { ...env, DEMO_MODE: 'false' }).code).toBe(1);
    expect(cli(['seed-demo'], { ...env, DEMO_MODE: 'false' }).code).toBe(1);
  });

  it('names the variable when the configuration is wrong', () => {
    const result = cli(['migrate'], { ...env, PORT: 'abc' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT');
  });
});

describe('the embedded database allows one process at a time', { timeout: 240_000 }, () => {
  it('refuses a second process with a clear message, and takes over a stale lock', async () => {
    const dataDir = tempDir('rusfag-lock-');
    const holder = await openPglite({ dataDir });
    try {
      const server = spawnSync(process.execPath, [...nodeArgs, 'packages/server/src/main.ts'], {
        cwd: repoRoot,
        env: childEnv({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' }),
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(server.status).toBe(75);
      expect(server.stderr).toContain('allerede i bruk av en annen Rusfag-prosess');
      expect(server.stderr).toContain(String(process.pid));
      const backup = cli(['backup', '--file', path.join(dataDir, 'x.tar.gz')], { DATA_DIR: dataDir });
      expect(backup.code).toBe(1);
      expect(backup.stderr).toContain('allerede i bruk');
    } finally {
      await holder.close();
    }
    expect(existsSync(path.join(dataDir, 'rusfag.lock'))).toBe(false);
    // A lock file left by a process that no longer exists does not block.
    writeFileSync(path.join(dataDir, 'rusfag.lock'), JSON.stringify({ pid: 2_147_483_000 }));
    const reopened = await openPglite({ dataDir });
    await reopened.close();
  });
});

describe('graceful shutdown', { timeout: 240_000 }, () => {
  it('on SIGTERM finishes, checkpoints, releases the lock and keeps the data', async () => {
    const dataDir = tempDir('rusfag-stop-');
    const child = spawn(process.execPath, [...nodeArgs, 'packages/server/src/main.ts'], {
      cwd: repoRoot,
      env: childEnv({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO_MODE: 'true' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 90_000;
    while (!output.includes('Rusfag kjører') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(output).toContain('Rusfag kjører');
    expect(output).toContain('rusfag-demo-2026');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'rusfag.lock'))).toBe(false);
    const { usernames, chainOk } = await usernamesIn(dataDir);
    expect(usernames).toContain('admin');
    expect(chainOk).toBe(true);
  }, 120_000);
});

const pgDumpAvailable = spawnSync('pg_dump', ['--version']).status === 0;
const adminUrl = process.env.TEST_DATABASE_URL;

describe('CLI on PostgreSQL', { timeout: 240_000 }, () => {
  it('backs up with pg_dump and restores with pg_restore, audit chain included', async () => {
    if (!adminUrl || !pgDumpAvailable) {
      console.warn(`[rusfag] PostgreSQL backup test skipped: ${adminUrl ? 'pg_dump not found' : 'TEST_DATABASE_URL not set'}`);
      return;
    }
    const name = `rusfag_cli_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const env = { DATABASE_URL: url.toString(), SESSION_SECRET: 'x'.repeat(40), DEMO_MODE: 'true' };
    const dir = tempDir('rusfag-pgbackup-');
    try {
      expect(cli(['seed-demo'], env).code).toBe(0);
      const file = path.join(dir, 'backup.dump');
      expect(cli(['backup', '--file', file], env).code).toBe(0);
      expect(
        cli(['create-user', '--username', 'etter.backup', '--name', 'Etter Backup', '--unit', 'B12'], {
          ...env,
          RUSFAG_PASSWORD: 'et langt og godt passord',
        }).code,
      ).toBe(0);
      expect(cli(['restore', '--file', file], env).code).toBe(0);
      const handle = openPostgres(url.toString(), 1);
      try {
        const names = (await handle.db.selectFrom('app_user').select('username').execute()).map((r) => r.username);
        expect(names).toContain('admin');
        expect(names).not.toContain('etter.backup');
        expect((await verifyChain(handle.db)).firstBrokenId).toBeNull();
        // The restored log still only grows.
        await expect(sql`delete from audit_event`.execute(handle.db)).rejects.toThrow(/append-only/);
      } finally {
        await handle.close();
      }
      expect(cli(['audit-verify'], env).code).toBe(0);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 180_000);
});
