/**
 * Rusfag benchmark: bare Fastify vs. the real server on PGlite and on PostgreSQL, measured in
 * one run on one machine, reported as ratios to bare Fastify. See bench/README.md.
 *
 *   npm run bench [-- --duration 10 --connections 10 --warmup 3 --only pglite|postgres]
 *   npm run bench -- --suite plans     (a plan with 2,000 measures: tree, bulk update, exports)
 *   npm run bench -- --suite directory (5,000 services, 8,000 locations: public search, service page)
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCleanup } from './lib/cleanup.js';
import { loginAsDemoUser } from './lib/login.js';
import { loadAverage, machineInfo, type MachineInfo } from './lib/machine.js';
import { defaultOrganizations, FULL_DIRECTORY, type DirectoryShape } from './lib/directory-data.js';
import { FULL_PLAN, parsePlanShape, type PlanShape } from './lib/plan-data.js';
import { DEFAULT_ADMIN_URL, probePostgres, redact } from './lib/postgres.js';
import { isClean, markdownTable, textTable } from './lib/report.js';
import {
  describeMachine,
  ENGINE_NAME,
  expectOk,
  measureTarget,
  PROFILES_DIR,
  RESULTS_DIR,
  ROOT,
  SERVER_MAIN,
  SERVER_PACKAGE_JSON,
  startBare,
  startRusfag,
  type CommonOptions,
  type Run,
  type RusfagEngine,
  type Suite,
} from './lib/runner.js';
import { DIRECTORY_TARGETS, directorySuite, type DirectoryTarget } from './suites/directory.js';
import { PLAN_TARGETS, plansSuite, type PlanTarget } from './suites/plans.js';

/** The issue's target: authenticated GET /api/me on PostgreSQL at ≥ 40 % of bare Fastify's req/s. */
const TARGET_RATIO = 0.4;

const USAGE = `Usage: npm run bench [-- options]

  --suite <name>      base (default): /healthz and /api/me against bare Fastify
                      plans: a plan with 2,000 measures and 20,000 status updates — the plan
                      tree, the bulk-update view and save, and the report exports
                      directory: 5,000 services and 8,000 locations — public search, a service
                      page and the HSDS API
  --duration <s>      seconds measured per target (default 10)
  --connections <n>   concurrent connections, the same for every target (default 10; in the
                      plans suite for bare Fastify only; in the directory suite also for its
                      targets unless --search-connections is given)
  --warmup <s>        seconds of discarded load before each measurement (default 3)
  --only <engine>     pglite | postgres: run only that engine (bare Fastify always runs)
  --user <name>       base suite: demo user for the authenticated requests (default ruskonsulent.sth)
  --session-cache <s> SESSION_CACHE_SECONDS for the Rusfag servers (0 = every request asks the
                      database; default: the server's own default, 5)
  --cpu-prof          run the Rusfag servers under node --cpu-prof; profiles go to
                      bench/results/profiles/ (figures are slower then: do not publish them)
  -h, --help          this text

Plans suite only:
  --plan <shape>      goals x strategies x council measures x district measures : statuses
                      (default ${FULL_PLAN.goals}x${FULL_PLAN.strategiesPerGoal}x${FULL_PLAN.councilPerStrategy}x${FULL_PLAN.districtPerCouncil}:${FULL_PLAN.statuses}; e.g. 2x2x5x5:1000 for a quick look)
  --heavy-connections <n>  connections for the plan tree, bulk view and bulk save (default 4)
  --export-runs <n>   requests per export format and for the report refresh, one at a time (default 5)
  --bulk-rows <n>     rows per bulk status save (default 200)
  --targets <list>    what to measure, comma-separated (default all): tree (plan tree as the
                      planner, with --heavy-connections and with 1), view (bulk-update view as
                      leder.sth), report (draft report, refresh, Word/PDF/Excel), save (bulk save)

Directory suite only:
  --services <n>      services to generate and publish (default ${FULL_DIRECTORY.services})
  --locations <n>     locations (default ${FULL_DIRECTORY.locations})
  --organizations <n> organisations (default: one per ~8.3 services, ${FULL_DIRECTORY.organizations} for ${FULL_DIRECTORY.services})
  --search-connections <n>  connections for the directory targets (default: --connections)
  --publish <how>     bulk (default): publish the generated directory as the HSDS import does
                      (publishSnapshots, a few hundred services per statement); each: one
                      writePublicSnapshot per service, as an editor's publish does (slow)
  --publish-batch <n> with --publish each: services per transaction (default 250)
  --no-single         do not measure (a) a second time with one connection
  --targets <list>    what to measure, comma-separated (default all): ${DIRECTORY_TARGETS.join(', ')}
                      = (a) free text + filters, (b) filters only, (c) distance sort, (d) a typo,
                      (e) a service page, (f) /hsds/services?page=2, and the import of the HSDS
                      export into a fresh server (the last two skipped if the server lacks them)
  --import-pglite     measure the import on PGlite too (default: PostgreSQL only)
  --import-file <f>   auto (default): import the export as it is, or slimmed of its nested
                      copies when it is larger than the import accepts; full; slim

Environment: BENCH_POSTGRES_URL, an admin connection that may CREATE/DROP DATABASE
(default ${DEFAULT_ADMIN_URL}). Build first (npm run bench does).`;

export interface Options extends CommonOptions {
  suite: 'base' | 'plans' | 'directory';
  only: RusfagEngine | null;
  user: string;
  plan: PlanShape;
  heavyConnections: number;
  exportRuns: number;
  bulkRows: number;
  targets: PlanTarget[];
  directory: DirectoryShape;
  searchConnections: number;
  publish: 'bulk' | 'each';
  publishBatch: number;
  directoryTargets: DirectoryTarget[];
  single: boolean;
  importEngines: RusfagEngine[];
  importFile: 'auto' | 'full' | 'slim';
}

class UsageError extends Error {}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      suite: { type: 'string', default: 'base' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      only: { type: 'string' },
      user: { type: 'string', default: 'ruskonsulent.sth' },
      'cpu-prof': { type: 'boolean', default: false },
      'session-cache': { type: 'string' },
      plan: { type: 'string' },
      'heavy-connections': { type: 'string', default: '4' },
      'export-runs': { type: 'string', default: '5' },
      'bulk-rows': { type: 'string', default: '200' },
      targets: { type: 'string' },
      services: { type: 'string', default: String(FULL_DIRECTORY.services) },
      locations: { type: 'string', default: String(FULL_DIRECTORY.locations) },
      organizations: { type: 'string' },
      'search-connections': { type: 'string' },
      publish: { type: 'string', default: 'bulk' },
      'publish-batch': { type: 'string', default: '250' },
      'no-single': { type: 'boolean', default: false },
      'import-pglite': { type: 'boolean', default: false },
      'import-file': { type: 'string', default: 'auto' },
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
  if (values.suite !== 'base' && values.suite !== 'plans' && values.suite !== 'directory') {
    throw new UsageError(`--suite must be base, plans or directory (got ${JSON.stringify(values.suite)})`);
  }
  if (values.only !== undefined && values.only !== 'pglite' && values.only !== 'postgres') {
    throw new UsageError(`--only must be pglite or postgres (got ${JSON.stringify(values.only)})`);
  }
  // --targets names the plans suite's targets, or the directory suite's with --suite directory.
  const suiteTargets: readonly string[] = values.suite === 'directory' ? DIRECTORY_TARGETS : PLAN_TARGETS;
  const targets = (values.targets ?? suiteTargets.join(',')).split(',').map((t) => t.trim());
  const unknown = targets.filter((t) => !suiteTargets.includes(t));
  if (unknown.length > 0 || targets.length === 0) {
    throw new UsageError(`--targets takes ${suiteTargets.join(', ')} (got ${JSON.stringify(values.targets)})`);
  }
  const services = number('services', values.services, 1, 200_000);
  if (values.publish !== 'bulk' && values.publish !== 'each') throw new UsageError(`--publish must be bulk or each (got ${JSON.stringify(values.publish)})`);
  const publish = values.publish;
  const importFile = values['import-file'];
  if (importFile !== 'auto' && importFile !== 'full' && importFile !== 'slim') {
    throw new UsageError(`--import-file must be auto, full or slim (got ${JSON.stringify(importFile)})`);
  }
  const plan = values.plan === undefined ? FULL_PLAN : parsePlanShape(values.plan);
  if (!plan) throw new UsageError(`--plan must look like 5x4x10x10:20000 (got ${JSON.stringify(values.plan)})`);
  return {
    suite: values.suite,
    duration: number('duration', values.duration, 1, 3600),
    connections: number('connections', values.connections, 1, 1000),
    warmup: number('warmup', values.warmup, 0, 600),
    only: values.only ?? null,
    user: values.user,
    cpuProf: values['cpu-prof'],
    sessionCache: values['session-cache'] === undefined ? undefined : number('session-cache', values['session-cache'], 0, 60),
    adminUrl: process.env.BENCH_POSTGRES_URL || DEFAULT_ADMIN_URL,
    plan,
    heavyConnections: number('heavy-connections', values['heavy-connections'], 1, 100),
    exportRuns: number('export-runs', values['export-runs'], 1, 100),
    bulkRows: number('bulk-rows', values['bulk-rows'], 1, 5000),
    targets: PLAN_TARGETS.filter((t) => targets.includes(t)),
    directory: {
      services,
      locations: number('locations', values.locations, 0, 400_000),
      organizations: values.organizations === undefined ? defaultOrganizations(services) : number('organizations', values.organizations, 1, services),
    },
    searchConnections: number('search-connections', values['search-connections'] ?? values.connections, 1, 1000),
    publish,
    publishBatch: number('publish-batch', values['publish-batch'], 1, 100_000),
    directoryTargets: DIRECTORY_TARGETS.filter((t) => targets.includes(t)),
    single: !values['no-single'],
    importEngines: values['import-pglite'] ? ['pglite', 'postgres'] : ['postgres'],
    importFile,
  };
}

function baseSuite(options: Options): Suite {
  return {
    header: [],
    async benchEngine(run, engine) {
      const { signal } = run;
      const rusfag = await startRusfag(run, engine);
      try {
        const { base, server, database } = rusfag;
        console.log(`  ready after ${rusfag.readySeconds.toFixed(1)} s; logging in as ${options.user} (password, then TOTP) …`);
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
        await rusfag.dispose();
      }
    },
    summary(rows) {
      const me = rows.find((r) => r.id === 'postgres-me');
      const verdict =
        me && me.ratio !== null && isClean(me)
          ? `GET /api/me on PostgreSQL: ${(me.ratio * 100).toFixed(0)} % of bare Fastify — target ≥ ${TARGET_RATIO * 100} %: ${me.ratio >= TARGET_RATIO ? 'REACHED' : 'NOT reached'}`
          : `GET /api/me on PostgreSQL: no valid figure (${me ? 'non-2xx responses or errors' : 'not measured'}) — target ≥ ${TARGET_RATIO * 100} % not checked`;
      return { text: [verdict], markdown: [], verdict, json: { targetRatio: TARGET_RATIO } };
    },
    markdownIntro: (startedAt) =>
      `Measured ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC — ${options.connections} connections, ${options.duration} s per target after ${options.warmup} s warm-up, user \`${options.user}\`.`,
  };
}

interface Skipped {
  engine: RusfagEngine;
  reason: string;
}

interface Failure {
  engine: RusfagEngine;
  message: string;
}

function heading(options: Options, machine: MachineInfo, postgresVersion: string | null): string {
  const lines = [
    `Rusfag benchmark${options.suite === 'base' ? '' : ` (suite ${options.suite})`} — ${options.connections} connections, ${options.duration} s per target after ${options.warmup} s warm-up`,
    describeMachine(machine, postgresVersion),
  ];
  return lines.join('\n');
}

async function main(signal: AbortSignal): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (!existsSync(SERVER_MAIN)) {
    throw new Error(`${path.relative(ROOT, SERVER_MAIN)} is missing: build first (npm run build), or use npm run bench, which builds`);
  }
  const suite = options.suite === 'plans' ? plansSuite(options) : options.suite === 'directory' ? directorySuite(options) : baseSuite(options);
  const startedAt = new Date();
  const machine = machineInfo(SERVER_PACKAGE_JSON);
  const loadBefore = loadAverage();
  const run: Run = { options, signal, rows: [] };
  const skipped: Skipped[] = [];
  const failures: Failure[] = [];

  let postgresVersion: string | null = null;
  const engines: RusfagEngine[] = [];
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

  console.log(heading(options, machine, postgresVersion));
  for (const line of suite.header) console.log(line);
  console.log(`Load average (1 min) before start: ${loadBefore}`);
  if (options.cpuProf) console.log(`⚠ --cpu-prof: the Rusfag servers are profiled (profiles in ${path.relative(ROOT, PROFILES_DIR)}/); the figures are slower than usual`);
  for (const skip of skipped) console.log(`\n⚠ SKIPPED ${ENGINE_NAME[skip.engine]}: ${skip.reason}`);

  console.log('\nbare Fastify: starting …');
  const bare = await startBare(run);
  const bareFirst = await measureTarget(run, { id: 'bare-first', target: 'bare Fastify GET /', engine: 'bare', url: bare.url }, bare.server);

  for (const engine of engines) {
    try {
      await suite.benchEngine(run, engine);
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

  const summary = suite.summary(ordered);
  const noise = [
    `bare Fastify drift first → last: ${drift >= 0 ? '+' : ''}${(drift * 100).toFixed(1)} %`,
    `load average (1 min) before: ${loadBefore}, after: ${loadAfter}`,
  ];
  const otherMax = Math.max(0, ...run.rows.map((r) => r.cpu?.otherCores ?? 0));
  if (run.rows.some((r) => r.cpu)) noise.push(`CPU used by other processes during the measurements: up to ${otherMax.toFixed(2)} of ${machine.nproc} cores`);

  console.log(`\n${textTable(ordered)}\n`);
  console.log(`Baseline (mean of the two bare runs): ${Math.round(baseline).toLocaleString('en-US')} req/s`);
  for (const line of noise) console.log(line);
  for (const line of summary.text) console.log(line);
  for (const skip of skipped) console.log(`⚠ SKIPPED ${ENGINE_NAME[skip.engine]}: ${skip.reason}`);
  for (const failure of failures) console.log(`✗ FAILED ${ENGINE_NAME[failure.engine]}: ${failure.message.split('\n')[0]}`);
  const dirty = run.rows.filter((r) => !isClean(r));
  if (dirty.length > 0) console.log(`⚠ Not every response was a 2xx in: ${dirty.map((r) => r.target).join(', ')} — those figures are not valid.`);

  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${startedAt.toISOString().replace(/[:.]/g, '-')}${options.suite === 'base' ? '' : `-${options.suite}`}.json`);
  const json = {
    suite: options.suite,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    options: { ...options, adminUrl: redact(options.adminUrl) },
    machine: { ...machine, postgres: postgresVersion, loadAverageBefore: loadBefore, loadAverageAfter: loadAfter },
    baseline: { reqPerSec: baseline, first: bareFirst.reqPerSec, last: bareLast.reqPerSec, drift },
    ...summary.json,
    verdict: summary.verdict,
    skipped,
    failures,
    rows: ordered,
  };
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nRaw results: ${path.relative(ROOT, file)}`);

  const markdown = [
    suite.markdownIntro(startedAt),
    '',
    ...describeMachine(machine, postgresVersion).split('\n').map((line) => `- ${line}`),
    ...noise.map((line) => `- ${line}`),
    '',
    markdownTable(ordered),
    '',
    ...(options.suite === 'base'
      ? [`Baseline (100 %): mean of the two bare-Fastify runs, ${Math.round(baseline).toLocaleString('en-US')} req/s. ${summary.verdict}.`]
      : [`Baseline (100 %): mean of the two bare-Fastify runs, ${Math.round(baseline).toLocaleString('en-US')} req/s.`, '', ...summary.markdown]),
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
