/**
 * Rusfag benchmark: bare Fastify vs. the real server on PGlite and on PostgreSQL, measured in
 * one run on one machine, reported as ratios to bare Fastify. See bench/README.md.
 *
 *   npm run bench [-- --duration 10 --connections 10 --warmup 3 --only pglite|postgres]
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { onCleanup, runCleanup } from './lib/cleanup.js';
import { runLoad } from './lib/load.js';
import { loginAsDemoUser } from './lib/login.js';
import { loadAverage, machineInfo, startCpuShare, type MachineInfo } from './lib/machine.js';
import { createDatabase, databaseUrl, DEFAULT_ADMIN_URL, dropDatabase, newDatabaseName, probePostgres, redact } from './lib/postgres.js';
import { freePort, startProcess, waitForHttp, type ManagedProcess } from './lib/processes.js';
import { isClean, markdownTable, rowFrom, textTable, type Engine, type Row } from './lib/report.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
const RESULTS_DIR = path.join(BENCH_DIR, 'results');
const PROFILES_DIR = path.join(RESULTS_DIR, 'profiles');
const SERVER_MAIN = path.join(ROOT, 'packages/server/dist/main.js');
const SERVER_PACKAGE_JSON = path.join(ROOT, 'packages/server/package.json');

/** The issue's target: authenticated GET /api/me on PostgreSQL at ≥ 40 % of bare Fastify's req/s. */
const TARGET_RATIO = 0.4;

const USAGE = `Usage: npm run bench [-- options]

  --duration <s>      seconds measured per target (default 10)
  --connections <n>   concurrent connections, the same for every target (default 10)
  --warmup <s>        seconds of discarded load before each measurement (default 3)
  --only <engine>     pglite | postgres: run only that engine (bare Fastify always runs)
  --user <name>       demo user for the authenticated requests (default ruskonsulent.sth)
  --session-cache <s> SESSION_CACHE_SECONDS for the Rusfag servers (0 = every request asks the
                      database; default: the server's own default, 5)
  --cpu-prof          run the Rusfag servers under node --cpu-prof; profiles go to
                      bench/results/profiles/ (figures are slower then: do not publish them)
  -h, --help          this text

Environment: BENCH_POSTGRES_URL, an admin connection that may CREATE/DROP DATABASE
(default ${DEFAULT_ADMIN_URL}). Build first (npm run bench does).`;

interface Options {
  duration: number;
  connections: number;
  warmup: number;
  only: 'pglite' | 'postgres' | null;
  user: string;
  cpuProf: boolean;
  /** SESSION_CACHE_SECONDS for the servers; undefined = the server's default. */
  sessionCache: number | undefined;
  adminUrl: string;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      only: { type: 'string' },
      user: { type: 'string', default: 'ruskonsulent.sth' },
      'cpu-prof': { type: 'boolean', default: false },
      'session-cache': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const number = (name: string, text: string, min: number, max: number) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(text)})`);
    }
    return value;
  };
  if (values.only !== undefined && values.only !== 'pglite' && values.only !== 'postgres') {
    throw new UsageError(`--only must be pglite or postgres (got ${JSON.stringify(values.only)})`);
  }
  return {
    duration: number('duration', values.duration, 1, 3600),
    connections: number('connections', values.connections, 1, 1000),
    warmup: number('warmup', values.warmup, 0, 600),
    only: values.only ?? null,
    user: values.user,
    cpuProf: values['cpu-prof'],
    sessionCache: values['session-cache'] === undefined ? undefined : number('session-cache', values['session-cache'], 0, 60),
    adminUrl: process.env.BENCH_POSTGRES_URL || DEFAULT_ADMIN_URL,
  };
}

class UsageError extends Error {}

/** What the server reads from the environment: never inherited, so the caller's shell cannot change what is measured. */
const SERVER_VARIABLES = [
  'PORT', 'HOST', 'BASE_URL', 'DATABASE_URL', 'DATABASE_POOL_SIZE', 'DATA_DIR', 'SESSION_SECRET',
  'SESSION_IDLE_MINUTES', 'SESSION_ABSOLUTE_HOURS', 'LOG_LEVEL', 'TRUST_PROXY', 'DEMO_MODE',
  'LOGIN_MAX_FAILURES', 'LOGIN_LOCKOUT_MINUTES', 'LOGIN_RATE_LIMIT_PER_MINUTE', 'SESSION_CACHE_SECONDS',
  'WEB_DIST_DIR', 'NODE_OPTIONS',
];

function childEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of SERVER_VARIABLES) delete env[name];
  return { ...env, ...vars };
}

interface Run {
  options: Options;
  signal: AbortSignal;
  rows: Row[];
}

/** A single request with the benchmark's headers must answer 200 before it is worth measuring. */
async function expectOk(url: string, headers: Record<string, string>, signal: AbortSignal, check?: (body: unknown) => string | null) {
  const response = await fetch(url, { headers, signal: AbortSignal.any([signal, AbortSignal.timeout(10_000)]) });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}, not 200: ${text.slice(0, 300)}`);
  const problem = check?.(JSON.parse(text));
  if (problem) throw new Error(`GET ${url}: ${problem}`);
}

async function measureTarget(
  run: Run,
  spec: { id: string; target: string; engine: Engine; url: string; headers?: Record<string, string> },
  server: ManagedProcess,
  database?: string,
): Promise<Row> {
  const { options, signal } = run;
  const headers = spec.headers ?? {};
  await expectOk(spec.url, headers, signal);
  process.stdout.write(`  ${spec.target}: `);
  let warmup = null;
  if (options.warmup > 0) {
    process.stdout.write(`warm-up ${options.warmup} s, `);
    warmup = await runLoad({ url: spec.url, headers, connections: options.connections, duration: options.warmup, signal });
    signal.throwIfAborted();
  }
  process.stdout.write(`measuring ${options.duration} s … `);
  const cpu = startCpuShare(server.pid, database);
  const result = await runLoad({ url: spec.url, headers, connections: options.connections, duration: options.duration, signal });
  const share = cpu.stop();
  signal.throwIfAborted();
  const row = rowFrom(spec.id, spec.target, spec.engine, result, warmup, share);
  const cpuText = share
    ? `  [CPU cores: autocannon ${share.loadGeneratorCores}, server ${share.serverCores}${database ? `, PostgreSQL ${share.databaseCores}` : ''}, other ${share.otherCores}]`
    : '';
  console.log(
    `${Math.round(row.reqPerSec).toLocaleString('en-US')} req/s${isClean(row) ? '' : `  ⚠ ${row.non2xx} non-2xx, ${row.errors} errors`}${cpuText}`,
  );
  run.rows.push(row);
  return row;
}

async function startBare(run: Run): Promise<{ server: ManagedProcess; url: string }> {
  const port = await freePort();
  const server = startProcess('bare Fastify', process.execPath, ['--import', 'tsx', path.join(BENCH_DIR, 'bare-server.ts')], {
    cwd: ROOT,
    env: childEnv({ PORT: String(port), HOST: '127.0.0.1' }),
  });
  const url = `http://127.0.0.1:${port}/`;
  await waitForHttp(url, server, 60_000, run.signal);
  return { server, url };
}

const ENGINE_NAME: Record<'pglite' | 'postgres', string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };

async function benchRusfag(run: Run, engine: 'pglite' | 'postgres'): Promise<void> {
  const { options, signal } = run;
  const port = await freePort();
  const vars: Record<string, string> = { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO_MODE: 'true' };
  if (options.sessionCache !== undefined) vars.SESSION_CACHE_SECONDS = String(options.sessionCache);
  let database: string | undefined;
  const undo: (() => Promise<void>)[] = [];

  try {
    if (engine === 'pglite') {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'rusfag-bench-'));
      const remove = () => rmSync(dir, { recursive: true, force: true });
      undo.push(onCleanup(`remove ${dir}`, async () => remove(), remove));
      vars.DATA_DIR = dir;
    } else {
      database = newDatabaseName();
      const name = database;
      await createDatabase(options.adminUrl, name);
      undo.push(onCleanup(`drop database ${name}`, () => dropDatabase(options.adminUrl, name)));
      vars.DATABASE_URL = databaseUrl(options.adminUrl, name);
      vars.SESSION_SECRET = randomBytes(36).toString('base64url');
    }

    console.log(`\n${ENGINE_NAME[engine]}: starting the Rusfag server on port ${port}${database ? ` (database ${database})` : ''} …`);
    const nodeArgs = options.cpuProf
      ? ['--cpu-prof', '--cpu-prof-dir', PROFILES_DIR, '--cpu-prof-name', `${engine}-${Date.now()}.cpuprofile`]
      : [];
    const server = startProcess(`Rusfag server (${engine})`, process.execPath, [...nodeArgs, SERVER_MAIN], { cwd: ROOT, env: childEnv(vars) });
    undo.push(() => server.stop());
    const base = `http://127.0.0.1:${port}`;
    const started = Date.now();
    await waitForHttp(`${base}/readyz`, server, 180_000, signal);
    console.log(`  ready after ${((Date.now() - started) / 1000).toFixed(1)} s; logging in as ${options.user} (password, then TOTP) …`);
    const cookie = await loginAsDemoUser(base, options.user, signal);
    await expectOk(`${base}/api/me`, { cookie }, signal, (body) => {
      const username = (body as { user?: { username?: unknown } }).user?.username;
      return username === options.user ? null : `expected user ${options.user}, got ${JSON.stringify(username)}`;
    });

    const label = ENGINE_NAME[engine];
    await measureTarget(run, { id: `${engine}-healthz`, target: `Rusfag ${label} GET /healthz`, engine, url: `${base}/healthz` }, server, database);
    await measureTarget(
      run,
      { id: `${engine}-me`, target: `Rusfag ${label} GET /api/me (logged in)`, engine, url: `${base}/api/me`, headers: { cookie } },
      server,
      database,
    );
  } finally {
    // Newest first: stop the server, then remove its data (also when a step failed).
    for (const step of undo.reverse()) await step();
  }
}

interface Skipped {
  engine: 'pglite' | 'postgres';
  reason: string;
}

interface Failure {
  engine: 'pglite' | 'postgres';
  message: string;
}

function describeMachine(machine: MachineInfo, postgresVersion: string | null): string {
  return [
    `${machine.nproc} CPUs (nproc), ${machine.cpuModel}, ${machine.memoryGiB} GiB RAM, ${machine.kernel}`,
    `Node ${machine.node}, PostgreSQL ${postgresVersion ?? '(not used)'}, PGlite ${machine.pglite}`,
  ].join('\n');
}

async function main(signal: AbortSignal): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (!existsSync(SERVER_MAIN)) {
    throw new Error(`${path.relative(ROOT, SERVER_MAIN)} is missing: build first (npm run build), or use npm run bench, which builds`);
  }
  const startedAt = new Date();
  const machine = machineInfo(SERVER_PACKAGE_JSON);
  const loadBefore = loadAverage();
  const run: Run = { options, signal, rows: [] };
  const skipped: Skipped[] = [];
  const failures: Failure[] = [];

  let postgresVersion: string | null = null;
  const engines: ('pglite' | 'postgres')[] = [];
  if (options.only !== 'postgres') engines.push('pglite');
  if (options.only !== 'pglite') {
    const probe = await probePostgres(options.adminUrl);
    if (probe.ok) {
      postgresVersion = probe.version;
      engines.push('postgres');
    } else {
      skipped.push({ engine: 'postgres', reason: probe.reason });
    }
  }

  console.log(`Rusfag benchmark — ${options.connections} connections, ${options.duration} s per target after ${options.warmup} s warm-up`);
  console.log(describeMachine(machine, postgresVersion));
  console.log(`Load average (1 min) before start: ${loadBefore}`);
  if (options.cpuProf) console.log(`⚠ --cpu-prof: the Rusfag servers are profiled (profiles in ${path.relative(ROOT, PROFILES_DIR)}/); the figures are slower than usual`);
  for (const skip of skipped) console.log(`\n⚠ SKIPPED ${ENGINE_NAME[skip.engine]}: ${skip.reason}`);

  console.log('\nbare Fastify: starting …');
  const bare = await startBare(run);
  const bareFirst = await measureTarget(run, { id: 'bare-first', target: 'bare Fastify GET /', engine: 'bare', url: bare.url }, bare.server);

  for (const engine of engines) {
    try {
      await benchRusfag(run, engine);
    } catch (error) {
      if (signal.aborted) throw error;
      const message = error instanceof Error ? error.message : String(error);
      console.error(`\n✗ ${ENGINE_NAME[engine]} failed: ${message}`);
      failures.push({ engine, message });
    }
  }

  console.log('\nbare Fastify again (the baseline is the mean of both bare runs):');
  const bareLast = await measureTarget(run, { id: 'bare-last', target: 'bare Fastify GET / (again)', engine: 'bare', url: bare.url }, bare.server);
  await bare.server.stop();
  const loadAfter = loadAverage();
  const finishedAt = new Date();

  // The baseline: bare Fastify before and after everything else, so a machine that got busier
  // or quieter during the run shows as drift instead of silently bending every ratio.
  const baseline = (bareFirst.reqPerSec + bareLast.reqPerSec) / 2;
  const drift = bareLast.reqPerSec / bareFirst.reqPerSec - 1;
  for (const row of run.rows) row.ratio = baseline > 0 ? row.reqPerSec / baseline : null;
  const ordered = [...run.rows.filter((r) => r.id !== 'bare-last'), bareLast];

  const me = run.rows.find((r) => r.id === 'postgres-me');
  const verdict = me && me.ratio !== null && isClean(me)
    ? `GET /api/me on PostgreSQL: ${(me.ratio * 100).toFixed(0)} % of bare Fastify — target ≥ ${TARGET_RATIO * 100} %: ${me.ratio >= TARGET_RATIO ? 'REACHED' : 'NOT reached'}`
    : `GET /api/me on PostgreSQL: no valid figure (${me ? 'non-2xx responses or errors' : 'not measured'}) — target ≥ ${TARGET_RATIO * 100} % not checked`;
  const noise = [
    `bare Fastify drift first → last: ${drift >= 0 ? '+' : ''}${(drift * 100).toFixed(1)} %`,
    `load average (1 min) before: ${loadBefore}, after: ${loadAfter}`,
  ];
  const otherMax = Math.max(0, ...run.rows.map((r) => r.cpu?.otherCores ?? 0));
  if (run.rows.some((r) => r.cpu)) noise.push(`CPU used by other processes during the measurements: up to ${otherMax.toFixed(2)} of ${machine.nproc} cores`);

  console.log(`\n${textTable(ordered)}\n`);
  console.log(`Baseline (mean of the two bare runs): ${Math.round(baseline).toLocaleString('en-US')} req/s`);
  for (const line of noise) console.log(line);
  console.log(verdict);
  for (const skip of skipped) console.log(`⚠ SKIPPED ${ENGINE_NAME[skip.engine]}: ${skip.reason}`);
  for (const failure of failures) console.log(`✗ FAILED ${ENGINE_NAME[failure.engine]}: ${failure.message.split('\n')[0]}`);
  const dirty = run.rows.filter((r) => !isClean(r));
  if (dirty.length > 0) console.log(`⚠ Not every response was a 2xx in: ${dirty.map((r) => r.target).join(', ')} — those figures are not valid.`);

  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  const json = {
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    options: { ...options, adminUrl: redact(options.adminUrl) },
    machine: { ...machine, postgres: postgresVersion, loadAverageBefore: loadBefore, loadAverageAfter: loadAfter },
    baseline: { reqPerSec: baseline, first: bareFirst.reqPerSec, last: bareLast.reqPerSec, drift },
    targetRatio: TARGET_RATIO,
    verdict,
    skipped,
    failures,
    rows: ordered,
  };
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nRaw results: ${path.relative(ROOT, file)}`);

  const markdown = [
    `Measured ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC — ${options.connections} connections, ${options.duration} s per target after ${options.warmup} s warm-up, user \`${options.user}\`.`,
    '',
    ...describeMachine(machine, postgresVersion).split('\n').map((line) => `- ${line}`),
    ...noise.map((line) => `- ${line}`),
    '',
    markdownTable(ordered),
    '',
    `Baseline (100 %): mean of the two bare-Fastify runs, ${Math.round(baseline).toLocaleString('en-US')} req/s. ${verdict}.`,
  ].join('\n');
  console.log('\nMarkdown for bench/README.md:\n');
  console.log(markdown);

  const ok = failures.length === 0 && dirty.length === 0 && !(options.only === 'postgres' && skipped.length > 0);
  return ok ? 0 : 1;
}

const controller = new AbortController();
let signals = 0;
for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(name, () => {
    signals += 1;
    if (signals > 1) {
      console.error(`\n${name} again: exiting now (child processes are killed; a database may be left behind)`);
      process.exit(130);
    }
    console.error(`\n${name}: stopping the benchmark and cleaning up …`);
    controller.abort(new Error(`interrupted (${name})`));
  });
}

let exitCode: number;
try {
  exitCode = await main(controller.signal);
} catch (error) {
  if (controller.signal.aborted) {
    console.error('Interrupted: stopping the servers and removing temporary data …');
    exitCode = 130;
  } else if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    exitCode = 2;
  } else {
    console.error(`\nBenchmark failed: ${error instanceof Error ? error.message : String(error)}`);
    exitCode = 1;
  }
} finally {
  await runCleanup();
}
process.exit(exitCode);
