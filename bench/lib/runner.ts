/**
 * What the suites share: paths, the servers' environment, starting bare Fastify and the Rusfag
 * server (PGlite or a new PostgreSQL database), and measuring one target with autocannon.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type autocannon from 'autocannon';
import { onCleanup } from './cleanup.js';
import { runLoad } from './load.js';
import { startCpuShare, type MachineInfo } from './machine.js';
import { createDatabase, databaseUrl, dropDatabase, newDatabaseName } from './postgres.js';
import { freePort, startProcess, waitForHttp, type ManagedProcess } from './processes.js';
import { isClean, rowFrom, type Engine, type Row } from './report.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
export const RESULTS_DIR = path.join(BENCH_DIR, 'results');
export const PROFILES_DIR = path.join(RESULTS_DIR, 'profiles');
export const SERVER_MAIN = path.join(ROOT, 'packages/server/dist/main.js');
export const SERVER_PACKAGE_JSON = path.join(ROOT, 'packages/server/package.json');

export type RusfagEngine = 'pglite' | 'postgres';
export const ENGINE_NAME: Record<RusfagEngine, string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };

/** The options every suite has. */
export interface CommonOptions {
  duration: number;
  connections: number;
  warmup: number;
  cpuProf: boolean;
  /** SESSION_CACHE_SECONDS for the servers; undefined = the server's default. */
  sessionCache: number | undefined;
  adminUrl: string;
}

/**
 * A suite measures its targets on one Rusfag server per engine, between the two bare-Fastify
 * runs, and says what its figures mean. The runner (run.ts) does the rest: baseline, table, JSON,
 * Markdown, clean-up.
 */
export interface Suite {
  /** Extra lines for the heading of the run. */
  header: string[];
  benchEngine(run: Run, engine: RusfagEngine): Promise<void>;
  /** After the table: verdicts and further tables, as text and as Markdown, and what goes in the JSON. */
  summary(rows: readonly Row[]): { text: string[]; markdown: string[]; verdict: string; json: Record<string, unknown> };
  /** The first line of the Markdown block. */
  markdownIntro(startedAt: Date): string;
}

export interface Run {
  options: CommonOptions;
  signal: AbortSignal;
  rows: Row[];
}

/** What the server reads from the environment: never inherited, so the caller's shell cannot change what is measured. */
const SERVER_VARIABLES = [
  'PORT', 'HOST', 'BASE_URL', 'DATABASE_URL', 'DATABASE_POOL_SIZE', 'DATA_DIR', 'SESSION_SECRET',
  'SESSION_IDLE_MINUTES', 'SESSION_ABSOLUTE_HOURS', 'LOG_LEVEL', 'TRUST_PROXY', 'DEMO_MODE',
  'LOGIN_MAX_FAILURES', 'LOGIN_LOCKOUT_MINUTES', 'LOGIN_RATE_LIMIT_PER_MINUTE', 'SESSION_CACHE_SECONDS',
  'WEB_DIST_DIR', 'NODE_OPTIONS',
];

export function childEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of SERVER_VARIABLES) delete env[name];
  return { ...env, ...vars };
}

/** A single request with the benchmark's headers must answer 200 before it is worth measuring. */
export async function expectOk(url: string, headers: Record<string, string>, signal: AbortSignal, check?: (body: unknown) => string | null) {
  const response = await fetch(url, { headers, signal: AbortSignal.any([signal, AbortSignal.timeout(10_000)]) });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}, not 200: ${text.slice(0, 300)}`);
  const problem = check?.(JSON.parse(text));
  if (problem) throw new Error(`GET ${url}: ${problem}`);
}

export interface TargetSpec {
  id: string;
  target: string;
  engine: Engine;
  url: string;
  headers?: Record<string, string>;
  /** Default: the run's --connections. */
  connections?: number;
  /** A fixed number of requests (no warm-up) instead of warm-up + duration. */
  amount?: number;
  timeoutSeconds?: number;
  post?: { body: () => string };
  /** Skip the check request (the caller has checked already, e.g. a POST). */
  checked?: boolean;
}

export async function measureTarget(run: Run, spec: TargetSpec, server: ManagedProcess, database?: string): Promise<Row> {
  const { options, signal } = run;
  const headers = spec.headers ?? {};
  const connections = spec.connections ?? options.connections;
  const load = {
    url: spec.url,
    headers,
    connections,
    signal,
    ...(spec.timeoutSeconds !== undefined ? { timeoutSeconds: spec.timeoutSeconds } : {}),
    ...(spec.post ? { post: spec.post } : {}),
  };
  if (!spec.checked) await expectOk(spec.url, headers, signal);
  process.stdout.write(`  ${spec.target}: `);
  let warmup: autocannon.Result | null = null;
  if (spec.amount === undefined && options.warmup > 0) {
    process.stdout.write(`warm-up ${options.warmup} s, `);
    warmup = await runLoad({ ...load, duration: options.warmup });
    signal.throwIfAborted();
  }
  process.stdout.write(spec.amount === undefined ? `measuring ${options.duration} s … ` : `${spec.amount} requests … `);
  const cpu = startCpuShare(server.pid, database);
  const result = await runLoad({ ...load, duration: options.duration, ...(spec.amount !== undefined ? { amount: spec.amount } : {}) });
  const share = cpu.stop();
  signal.throwIfAborted();
  const row = rowFrom(spec.id, spec.target, spec.engine, result, warmup, share);
  if (spec.amount !== undefined && result.requests.total > 0) {
    // A few slow requests: autocannon's per-second samples (and its duration, which ends on a
    // whole tick) say little. Throughput from the mean latency; CPU time from the whole window.
    row.reqPerSec = result.latency.mean > 0 ? (1000 * connections) / result.latency.mean : 0;
    const perRequest = (cores: number) => Math.round((cores * (share?.seconds ?? 0) * 1e6) / result.requests.total);
    row.cpuPerRequestUs = share ? { server: perRequest(share.serverCores), database: perRequest(share.databaseCores) } : null;
  }
  const cpuText = share
    ? `  [CPU cores: autocannon ${share.loadGeneratorCores}, server ${share.serverCores}${database ? `, PostgreSQL ${share.databaseCores}` : ''}, other ${share.otherCores}]`
    : '';
  console.log(
    `${Math.round(row.reqPerSec).toLocaleString('en-US')} req/s${isClean(row) ? '' : `  ⚠ ${row.non2xx} non-2xx, ${row.errors} errors`}${cpuText}`,
  );
  run.rows.push(row);
  return row;
}

export async function startBare(run: Run): Promise<{ server: ManagedProcess; url: string }> {
  const port = await freePort();
  const server = startProcess('bare Fastify', process.execPath, ['--import', 'tsx', path.join(BENCH_DIR, 'bare-server.ts')], {
    cwd: ROOT,
    env: childEnv({ PORT: String(port), HOST: '127.0.0.1' }),
  });
  const url = `http://127.0.0.1:${port}/`;
  await waitForHttp(url, server, 60_000, run.signal);
  return { server, url };
}

export interface RusfagServer {
  engine: RusfagEngine;
  /** http://127.0.0.1:<port> */
  base: string;
  /** The running server (replaced by restart()). */
  server: ManagedProcess;
  /** PostgreSQL: the bench_* database and its URL. */
  database?: string;
  databaseUrl?: string;
  /** PGlite: the server's DATA_DIR. */
  dataDir?: string;
  /** Seconds from starting the (last) server process until /readyz answered. */
  readySeconds: number;
  /** Stops the server; a new one on the same port and data, ready when this resolves. */
  restart(): Promise<void>;
  /** Stops the server and removes its data (also after a failure). */
  dispose(): Promise<void>;
}

/**
 * Starts `node packages/server/dist/main.js` in demo mode on a fresh PGlite directory or a new
 * `bench_*` database, and waits until /readyz answers (migrations and demo data loaded).
 */
export async function startRusfag(run: Run, engine: RusfagEngine): Promise<RusfagServer> {
  const { options, signal } = run;
  const port = await freePort();
  const vars: Record<string, string> = { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO_MODE: 'true' };
  if (options.sessionCache !== undefined) vars.SESSION_CACHE_SECONDS = String(options.sessionCache);
  const undo: (() => Promise<void>)[] = [];
  const dispose = async () => {
    // Newest first: stop the server, then remove its data.
    for (const step of undo.splice(0).reverse()) await step();
  };
  try {
    let database: string | undefined;
    let dataDir: string | undefined;
    if (engine === 'pglite') {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'rusfag-bench-'));
      const remove = () => rmSync(dir, { recursive: true, force: true });
      undo.push(onCleanup(`remove ${dir}`, async () => remove(), remove));
      vars.DATA_DIR = dir;
      dataDir = dir;
    } else {
      database = newDatabaseName();
      const name = database;
      await createDatabase(options.adminUrl, name);
      undo.push(onCleanup(`drop database ${name}`, () => dropDatabase(options.adminUrl, name)));
      vars.DATABASE_URL = databaseUrl(options.adminUrl, name);
      vars.SESSION_SECRET = randomBytes(36).toString('base64url');
    }

    console.log(`\n${ENGINE_NAME[engine]}: starting the Rusfag server on port ${port}${database ? ` (database ${database})` : ''} …`);
    const base = `http://127.0.0.1:${port}`;
    const launch = async () => {
      const nodeArgs = options.cpuProf
        ? ['--cpu-prof', '--cpu-prof-dir', PROFILES_DIR, '--cpu-prof-name', `${engine}-${Date.now()}.cpuprofile`]
        : [];
      const started = Date.now();
      const server = startProcess(`Rusfag server (${engine})`, process.execPath, [...nodeArgs, SERVER_MAIN], { cwd: ROOT, env: childEnv(vars) });
      undo.push(() => server.stop());
      await waitForHttp(`${base}/readyz`, server, 180_000, signal);
      readySeconds = (Date.now() - started) / 1000;
      return server;
    };
    let readySeconds = 0;
    const server = await launch();
    const handle: RusfagServer = {
      engine,
      base,
      server,
      get readySeconds() {
        return readySeconds;
      },
      ...(database ? { database, databaseUrl: vars.DATABASE_URL } : {}),
      ...(dataDir ? { dataDir } : {}),
      async restart() {
        await handle.server.stop();
        handle.server = await launch();
      },
      dispose,
    };
    return handle;
  } catch (error) {
    await dispose();
    throw error;
  }
}

export function describeMachine(machine: MachineInfo, postgresVersion: string | null): string {
  return [
    `${machine.nproc} CPUs (nproc), ${machine.cpuModel}, ${machine.memoryGiB} GiB RAM, ${machine.kernel}`,
    `Node ${machine.node}, PostgreSQL ${postgresVersion ?? '(not used)'}, PGlite ${machine.pglite}`,
  ].join('\n');
}
