/**
 * The directory suite (`npm run bench -- --suite directory`): a service directory of 5,000
 * services and 8,000 locations (lib/directory-data.ts), written into the server's database and
 * published with the server's own code (lib/directory-seed.ts), then the public pages:
 *
 *   (a) free text + filters   /tjenester?q=pårørende samtale&bydel=B03&apent=1
 *   (b) filters only          /tjenester?kategori=lavterskel&malgruppe=parorende&gratis=1&uten_henvisning=1
 *   (c) distance sort         /tjenester?q=rusbehandling&sorter=avstand&fra=B12
 *   (d) a typo                /tjenester?q=pårørnde
 *   (e) a service page        /tjenester/:id
 *   (f) the HSDS API          /hsds/services?page=2 (when the server has it)
 *
 * and the import: the seeded server's full HSDS export (GET /hsds/export) is imported into a
 * second, fresh server as the demo's directory editor — POST /api/directory/imports (preview),
 * then POST …/:id/confirm while GET …/:id is polled for the progress it reports.
 *
 * Targets (issue 4), on PostgreSQL: public search with filters (a–c) at p99 < 50 ms and at least
 * 30 % of bare Fastify's requests/s in the same run; import of 5,000 services under 60 s with a
 * progress indicator. PGlite is measured too, for information.
 */
import { IMPORT_MAX_BYTES } from '@rusfag/core';
import pg from 'pg';
import { openPglite, openPostgres } from '../../packages/server/src/db/database.js';
import { todayInOslo } from '../../packages/server/src/platform/time.js';
import { directoryShapeText, generateDirectory, type DirectoryShape, type GeneratedService } from '../lib/directory-data.js';
import { seedDirectory, type PublishMode, type SeededDirectory } from '../lib/directory-seed.js';
import { loginSession } from '../lib/login.js';
import { isClean, type Row } from '../lib/report.js';
import { ENGINE_NAME, measureTarget, startRusfag, type CommonOptions, type Run, type RusfagEngine, type Suite } from '../lib/runner.js';

export const DIRECTORY_TARGETS = ['text', 'filters', 'distance', 'typo', 'page', 'hsds', 'import'] as const;
export type DirectoryTarget = (typeof DIRECTORY_TARGETS)[number];

export interface DirectoryOptions extends CommonOptions {
  directory: DirectoryShape;
  /** Connections for the directory targets (default: --connections, as bare Fastify). */
  searchConnections: number;
  /** How the generated directory is published: the import's bulk path or one publish per service. */
  publish: PublishMode;
  /** Services per transaction when publishing one by one. */
  publishBatch: number;
  directoryTargets: readonly DirectoryTarget[];
  /** Also measure (a) with one connection: what one resident waits, without queueing. */
  single: boolean;
  /** Engines on which the import is measured (it starts a second server). */
  importEngines: readonly RusfagEngine[];
  /** The file to import: the export as it is, slimmed (see slimExport), or slimmed only if over the import's limit. */
  importFile: 'auto' | 'full' | 'slim';
}

/** The issue's targets for the public search on PostgreSQL. */
export const SEARCH_P99_TARGET_MS = 50;
export const SEARCH_RATIO_TARGET = 0.3;
export const IMPORT_TARGET_SECONDS = 60;
/** How often the import's progress is asked for while it runs. */
const POLL_MS = 500;

interface TargetDef {
  target: DirectoryTarget;
  letter: string;
  label: string;
  /** Path and query as a resident's browser sends it. */
  path: (service: GeneratedService) => string;
  /** Counts toward the issue's search target. */
  search: boolean;
}

const query = (params: Record<string, string>) => `/tjenester?${new URLSearchParams(params).toString()}`;

/** What every browser sends with a page request; the server may answer compressed (it does not yet). */
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html,application/xhtml+xml' };

const TARGETS: TargetDef[] = [
  {
    target: 'text',
    letter: 'a',
    label: 'free text + filters',
    path: () => query({ q: 'pårørende samtale', bydel: 'B03', apent: '1' }),
    search: true,
  },
  {
    target: 'filters',
    letter: 'b',
    label: 'filters only',
    path: () => query({ kategori: 'lavterskel', malgruppe: 'parorende', gratis: '1', uten_henvisning: '1' }),
    search: true,
  },
  {
    target: 'distance',
    letter: 'c',
    label: 'distance sort',
    path: () => query({ q: 'rusbehandling', sorter: 'avstand', fra: 'B12' }),
    search: true,
  },
  { target: 'typo', letter: 'd', label: 'a typo', path: () => query({ q: 'pårørnde' }), search: false },
  { target: 'page', letter: 'e', label: 'service page', path: (s) => `/tjenester/${s.id}`, search: false },
  { target: 'hsds', letter: 'f', label: 'HSDS API', path: () => '/hsds/services?page=2', search: false },
];

interface Checked {
  target: DirectoryTarget;
  letter: string;
  label: string;
  path: string;
  rowId: string | null;
  singleRowId: string | null;
  status: number;
  firstMs: number;
  bytes: number;
  /** Hits the page reports (search), items (HSDS), or null. */
  hits: number | null;
  note: string;
}

interface ImportFacts {
  /** Why it was not measured, or null. */
  skipped: string | null;
  exportBytes: number;
  exportMs: number;
  exportServices: number;
  /** What was imported: the export as it is, or slimmed (and its size). */
  imported: 'full' | 'slim';
  importedBytes: number;
  previewMs: number;
  confirmMs: number;
  confirmStatus: number;
  state: string;
  counts: unknown;
  errors: number;
  warnings: number;
  /** What GET /api/directory/imports/:id said while the confirm ran: ms since the confirm was sent. */
  polls: { atMs: number; answeredMs: number; state: string; processed: number; total: number }[];
  publishedAfter: number | null;
  failure: string | null;
  /** The preview's problems, grouped by kind and message: the most frequent first. */
  problemKinds: { severity: string; entity: string; message: string; count: number }[];
}

interface EngineFacts {
  engine: RusfagEngine;
  readySeconds: number;
  how: string;
  seed: SeededDirectory;
  checks: Checked[];
  importRun: ImportFacts | null;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n >= 10 ? int(n) : n.toFixed(1));
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** "37 tjenester" / "1 tjeneste" / "Ingen tjenester" in the results heading → the number. */
function hitsOf(html: string): number | null {
  const heading = /id="treff-tittel">([^<]*)</.exec(html)?.[1];
  if (heading === undefined) return null;
  const n = /(\d[\d\s ]*)/.exec(heading)?.[1];
  return n === undefined ? 0 : Number(n.replace(/\D/g, ''));
}

function decodeEntities(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))).replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

async function fetchOnce(url: string, signal: AbortSignal) {
  const started = performance.now();
  const response = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(30_000)]) });
  const text = await response.text();
  return { status: response.status, ms: performance.now() - started, bytes: Buffer.byteLength(text), text, contentType: response.headers.get('content-type') ?? '' };
}

/**
 * The export without what it repeats: nested taxonomy terms lose their `taxonomy_detail` and
 * `description` (the top-level `taxonomies` and `taxonomy_terms` have them; the import reads a
 * nested term's code and taxonomy), and a service_at_location with a `location_id` loses its copy
 * of the location (the organisation's `locations` list has it). Used when the full export is
 * larger than the import accepts.
 */
function slimExport(value: unknown, parent?: Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((item) => slimExport(item));
  if (!value || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(record)) {
    if (key === 'location' && typeof record.location_id === 'string' && typeof record.service_id === 'string') continue;
    if (parent && (key === 'taxonomy_detail' || key === 'description') && typeof record.taxonomy === 'string' && 'code' in record) continue;
    out[key] = key === 'taxonomy_term' ? slimExport(child, record) : slimExport(child);
  }
  return out;
}

/** Finds the unit with `code` anywhere in an answer of GET /api/organizations. */
function unitIdByCode(value: unknown, code: string): string | null {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = unitIdByCode(item, code);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record.code === code && typeof record.id === 'string') return record.id;
    for (const child of Object.values(record)) {
      const found = unitIdByCode(child, code);
      if (found) return found;
    }
  }
  return null;
}

/**
 * The import: the seeded server's HSDS export into a fresh server of the same engine (demo data
 * only: the demo's organisations are matched by name), as the demo's directory editor (redaktor,
 * Velferdsetaten), publishing at once. The confirm runs while its progress is polled.
 */
async function measureImport(run: Run, engine: RusfagEngine, sourceBase: string, importFile: DirectoryOptions['importFile']): Promise<ImportFacts> {
  const { signal } = run;
  const facts: ImportFacts = {
    skipped: null, exportBytes: 0, exportMs: 0, exportServices: 0, imported: 'full', importedBytes: 0, previewMs: 0, confirmMs: 0, confirmStatus: 0, state: '',
    counts: null, errors: 0, warnings: 0, polls: [], publishedAfter: null, failure: null, problemKinds: [],
  };
  const exported = await fetchOnce(`${sourceBase}/hsds/export`, signal);
  if (exported.status === 404) return { ...facts, skipped: 'the server has no /hsds/export (404)' };
  if (exported.status !== 200) throw new Error(`GET /hsds/export answered ${exported.status}: ${exported.text.slice(0, 300)}`);
  facts.exportBytes = exported.bytes;
  facts.exportMs = exported.ms;
  const document = JSON.parse(exported.text) as { services?: unknown[] } | unknown[];
  facts.exportServices = Array.isArray(document) ? document.length : Array.isArray(document.services) ? document.services.length : 0;
  const slim = importFile === 'slim' || (importFile === 'auto' && exported.bytes > IMPORT_MAX_BYTES);
  const content = slim ? JSON.stringify(slimExport(document)) : exported.text;
  facts.imported = slim ? 'slim' : 'full';
  facts.importedBytes = Buffer.byteLength(content);
  console.log(
    `  import: HSDS export ${kib(exported.bytes)}, ${int(facts.exportServices)} services, in ${ms(exported.ms)} ms` +
      (slim ? `; importing it slimmed to ${kib(facts.importedBytes)} (the import takes at most ${kib(IMPORT_MAX_BYTES)})` : '') +
      '; starting a fresh server to import into …',
  );

  const target = await startRusfag(run, engine);
  try {
    const session = await loginSession(target.base, 'redaktor', signal);
    const json = { cookie: session.cookie, 'x-csrf-token': session.csrfToken, accept: 'application/json', 'content-type': 'application/json' };
    const units = await fetch(`${target.base}/api/organizations`, { headers: { cookie: session.cookie, accept: 'application/json' }, signal });
    const stewardUnitId = unitIdByCode(await units.json(), 'VEL');
    if (!stewardUnitId) throw new Error('GET /api/organizations: no unit with code VEL (Velferdsetaten)');
    const post = async (path: string, body: unknown) => {
      const started = performance.now();
      const response = await fetch(`${target.base}${path}`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify(body),
        signal: AbortSignal.any([signal, AbortSignal.timeout(600_000)]),
      });
      const text = await response.text();
      return { status: response.status, ms: performance.now() - started, text };
    };
    const preview = await post('/api/directory/imports', { format: 'hsds-json', content, stewardUnitId, publish: true });
    if (preview.status === 404) return { ...facts, skipped: 'the server has no /api/directory/imports (404)' };
    if (preview.status !== 201) throw new Error(`POST /api/directory/imports answered ${preview.status}: ${preview.text.slice(0, 500)}`);
    facts.previewMs = preview.ms;
    const previewBody = JSON.parse(preview.text) as {
      id: string;
      counts: unknown;
      errors: number;
      warnings: number;
      total: number;
      problems: { severity: string; entity: string; message: string }[];
    };
    const kinds = new Map<string, ImportFacts['problemKinds'][number]>();
    for (const problem of previewBody.problems) {
      // Names and numbers differ from record to record; the kind of problem does not.
      const message = problem.message.replace(/«[^»]*»/g, '«…»').replace(/\d+/g, 'n');
      const key = `${problem.severity}|${problem.entity}|${message}`;
      const kind = kinds.get(key) ?? { severity: problem.severity, entity: problem.entity, message, count: 0 };
      kind.count += 1;
      kinds.set(key, kind);
    }
    facts.problemKinds = [...kinds.values()].sort((a, b) => b.count - a.count);
    console.log(
      `  import preview: ${ms(preview.ms)} ms — ${JSON.stringify(previewBody.counts)}, ${previewBody.errors} errors, ${previewBody.warnings} warnings, ${int(previewBody.total)} records to write; confirming …`,
    );
    const importUrl = `/api/directory/imports/${previewBody.id}`;
    const confirmStarted = performance.now();
    let confirmed = false;
    const confirm = post(`${importUrl}/confirm`, { skipRefused: true }).finally(() => {
      confirmed = true;
    });
    // Poll one request at a time while the confirm runs (on PGlite a poll waits for the import).
    while (!confirmed) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      if (confirmed) break;
      const asked = performance.now();
      const response = await fetch(`${target.base}${importUrl}`, { headers: { cookie: session.cookie, accept: 'application/json' }, signal });
      const body = (await response.json()) as { state?: string; processed?: number; total?: number };
      const reading = {
        atMs: asked - confirmStarted,
        answeredMs: performance.now() - asked,
        state: body.state ?? `HTTP ${response.status}`,
        processed: body.processed ?? 0,
        total: body.total ?? 0,
      };
      facts.polls.push(reading);
      if (reading.state === 'running') process.stdout.write(`    ${(reading.atMs / 1000).toFixed(1)} s: ${int(reading.processed)} of ${int(reading.total)}\n`);
    }
    const done = await confirm;
    facts.confirmMs = done.ms;
    facts.confirmStatus = done.status;
    const final = JSON.parse(done.text) as { state?: string; counts?: unknown; errors?: number; warnings?: number; failure?: string | null; error?: { message?: string } };
    facts.state = final.state ?? `HTTP ${done.status}`;
    facts.counts = final.counts ?? null;
    facts.errors = final.errors ?? previewBody.errors;
    facts.warnings = final.warnings ?? previewBody.warnings;
    facts.failure = final.failure ?? final.error?.message ?? null;
    const hsds = await fetchOnce(`${target.base}/hsds/services?per_page=1`, signal);
    if (hsds.status === 200) facts.publishedAfter = (JSON.parse(hsds.text) as { total_items?: number }).total_items ?? null;
    console.log(
      `  import confirm: HTTP ${done.status}, ${facts.state}, ${ms(done.ms)} ms — preview + confirm ${((facts.previewMs + done.ms) / 1000).toFixed(1)} s; ` +
        `${facts.polls.filter((p) => p.state === 'running').length} progress readings; ${facts.publishedAfter ?? '?'} services published afterwards`,
    );
    return facts;
  } finally {
    await target.dispose();
  }
}

export function directorySuite(options: DirectoryOptions): Suite {
  const today = todayInOslo();
  const generated = performance.now();
  const directory = generateDirectory(options.directory, today);
  const generateSeconds = (performance.now() - generated) / 1000;
  const c = directory.counts;
  const facts: EngineFacts[] = [];
  // (e): a typical published service — active, with opening hours and two or more locations.
  const pageService =
    directory.services.find((s) => s.status === 'active' && s.hours.weekly.length > 0 && s.locationIds.length >= 2) ?? directory.services[0]!;
  const wanted = TARGETS.filter((t) => options.directoryTargets.includes(t.target));
  const importing = options.directoryTargets.includes('import');

  return {
    header: [
      `Directory: ${int(c.services)} services (${int(c.searchable)} active or temporarily closed, ${int(c.cityWide)} city-wide), ${int(c.locations)} locations ` +
        `(${int(c.confidentialLocations)} confidential, ${int(c.locationsWithoutCoordinates)} without coordinates), ${int(c.organizations)} organisations; ` +
        `${int(c.weeklyRules)} weekly opening rules, ${int(c.exceptions)} exceptions; generated in ${generateSeconds.toFixed(1)} s`,
      (wanted.length
        ? `Targets ${wanted.map((t) => `(${t.letter}) ${t.label}`).join(', ')} with ${options.searchConnections} connections${options.single && options.directoryTargets.includes('text') ? '; (a) also with 1' : ''}; `
        : 'No page targets; ') +
        `bare Fastify with ${options.connections}` +
        (importing ? `; then the import of the HSDS export into a fresh server (${options.importEngines.map((e) => ENGINE_NAME[e]).join(', ')})` : ''),
    ],

    async benchEngine(run: Run, engine: RusfagEngine) {
      const { signal } = run;
      const rusfag = await startRusfag(run, engine);
      try {
        const label = ENGINE_NAME[engine];
        console.log(`  ready after ${rusfag.readySeconds.toFixed(1)} s (demo data loaded); writing and publishing ${int(c.services)} services …`);
        const progress = (published: number, total: number) => {
          if (published % 1000 === 0 || published === total) process.stdout.write(`    published ${int(published)} of ${int(total)}\n`);
        };
        let seed: SeededDirectory;
        let how: string;
        if (engine === 'postgres') {
          const handle = openPostgres(rusfag.databaseUrl!, 1);
          const client = new pg.Client({ connectionString: rusfag.databaseUrl, application_name: 'rusfag-bench-seed' });
          await client.connect();
          try {
            const raw = async (statement: string) => void (await client.query(statement));
            seed = await seedDirectory(handle.db, directory, { publish: options.publish, batch: options.publishBatch, raw, onProgress: progress });
          } finally {
            await client.end();
            await handle.close();
          }
          how = 'in-process through the server code (Kysely + pg, one connection) while the server ran';
        } else {
          // PGlite belongs to one process: stop the server, write into its data directory, start it again.
          await rusfag.server.stop();
          const handle = await openPglite({ dataDir: rusfag.dataDir! });
          try {
            const raw = (statement: string) => handle.exclusive(async () => void (await handle.pglite!.exec(statement)));
            seed = await seedDirectory(handle.db, directory, { publish: options.publish, batch: options.publishBatch, raw, onProgress: progress });
          } finally {
            await handle.close();
          }
          how = 'in-process through the server code (Kysely + PGlite) with the server stopped, then restarted';
          await rusfag.restart();
          console.log(`  restarted, ready after ${rusfag.readySeconds.toFixed(1)} s`);
        }
        console.log(
          `  seeded in ${seed.totalSeconds.toFixed(1)} s: working copy ${seed.workingCopySeconds.toFixed(1)} s, publishing (${seed.publish}) ${seed.publishSeconds.toFixed(1)} s ` +
            `(${((seed.publishSeconds * 1000) / c.services).toFixed(1)} ms per service)${seed.publish === 'each' ? `, word list ${seed.wordsSeconds.toFixed(1)} s` : ''}, VACUUM ANALYZE ${seed.analyzeSeconds.toFixed(1)} s; ` +
            `${int(seed.publishedServices)} published services (with the demo's), ${int(seed.publicWords)} words`,
        );

        const checks: Checked[] = [];
        const fact: EngineFacts = { engine, readySeconds: rusfag.readySeconds, how, seed, checks, importRun: null };
        facts.push(fact);
        for (const def of wanted) {
          const path = def.path(pageService);
          const url = `${rusfag.base}${path}`;
          const first = await fetchOnce(url, signal);
          const check: Checked = {
            target: def.target,
            letter: def.letter,
            label: def.label,
            path: decodeURI(path),
            rowId: null,
            singleRowId: null,
            status: first.status,
            firstMs: first.ms,
            bytes: first.bytes,
            hits: null,
            note: '',
          };
          checks.push(check);
          if (def.target === 'hsds' && first.status === 404) {
            check.note = 'not measured: the server has no /hsds/services (404)';
            console.log(`  (${def.letter}) ${path}: 404 — the HSDS API is not in this build; skipped`);
            continue;
          }
          if (first.status !== 200) throw new Error(`GET ${path} answered ${first.status}, not 200: ${first.text.slice(0, 300)}`);
          if (def.target === 'hsds') {
            const body = JSON.parse(first.text) as { contents?: unknown[]; total_items?: number };
            check.hits = Array.isArray(body.contents) ? body.contents.length : null;
            check.note = body.total_items !== undefined ? `${int(body.total_items)} services in all` : '';
            if (check.hits === 0) throw new Error(`GET ${path}: page 2 has no services`);
          } else if (def.target === 'page') {
            if (!decodeEntities(first.text).includes(pageService.name)) throw new Error(`GET ${path}: the page does not name the service «${pageService.name}»`);
            check.note = `«${pageService.name}», ${pageService.locationIds.length} locations`;
          } else {
            check.hits = hitsOf(first.text);
            if (!check.hits) throw new Error(`GET ${path}: ${check.hits === null ? 'no results heading' : 'no hits'} — nothing worth measuring`);
            const text = decodeEntities(first.text);
            const corrected = /Viser treff for «([^»]+)» \(du skrev «([^»]+)»\)/.exec(text);
            const notes = [
              corrected ? `corrected «${corrected[2]}» → «${corrected[1]}»` : '',
              /Tolket «[^»]+» som/.test(text) ? 'a term in the text read as a filter' : '',
            ].filter(Boolean);
            check.note = notes.join('; ');
          }
          console.log(`  (${def.letter}) ${decodeURI(path)}: 200, ${check.hits ?? '–'} hits, ${kib(first.bytes)}, first request ${ms(first.ms)} ms${check.note ? ` (${check.note})` : ''}`);
        }

        for (const check of checks) {
          if (check.status !== 200) continue;
          const url = `${rusfag.base}${TARGETS.find((t) => t.target === check.target)!.path(pageService)}`;
          const row = await measureTarget(
            run,
            {
              id: `${engine}-${check.target}`,
              target: `${label} (${check.letter}) ${check.label}: GET ${check.path}`,
              engine,
              url,
              headers: check.target === 'hsds' ? { 'accept-encoding': BROWSER_HEADERS['accept-encoding'] } : BROWSER_HEADERS,
              connections: options.searchConnections,
              checked: true,
            },
            rusfag.server,
            rusfag.database,
          );
          check.rowId = row.id;
          if (check.target === 'text' && options.single && options.searchConnections !== 1) {
            const single = await measureTarget(
              run,
              {
                id: `${engine}-text-1`,
                target: `${label} (a) free text + filters, one request at a time (1 conn.)`,
                engine,
                url,
                headers: BROWSER_HEADERS,
                connections: 1,
                checked: true,
              },
              rusfag.server,
              rusfag.database,
            );
            check.singleRowId = single.id;
          }
        }

        if (options.directoryTargets.includes('import') && options.importEngines.includes(engine)) {
          fact.importRun = await measureImport(run, engine, rusfag.base, options.importFile);
        }
      } finally {
        await rusfag.dispose();
      }
    },

    summary(rows: readonly Row[]) {
      const byId = new Map(rows.map((row) => [row.id, row]));
      const verdicts: string[] = [];
      for (const engine of ['postgres', 'pglite'] as const) {
        const fact = facts.find((f) => f.engine === engine);
        if (!fact) continue;
        const note = engine === 'postgres' ? '' : ' (for information: the target is for PostgreSQL)';
        for (const check of fact.checks) {
          const def = TARGETS.find((t) => t.target === check.target)!;
          if (!def.search) continue;
          const row = check.rowId ? byId.get(check.rowId) : undefined;
          const name = `(${check.letter}) ${check.label} on ${ENGINE_NAME[engine]}`;
          if (!row || !isClean(row) || row.ratio === null) {
            verdicts.push(`${name}: no valid figure${note}`);
            continue;
          }
          const p99ok = row.p99Ms < SEARCH_P99_TARGET_MS;
          const ratioOk = row.ratio >= SEARCH_RATIO_TARGET;
          verdicts.push(
            `${name}: p99 ${row.p99Ms} ms (target < ${SEARCH_P99_TARGET_MS}: ${p99ok ? 'met' : 'not met'}), ${(row.ratio * 100).toFixed(1)} % of bare Fastify ` +
              `(target ≥ ${SEARCH_RATIO_TARGET * 100} %: ${ratioOk ? 'met' : 'not met'}) — ${p99ok && ratioOk ? 'MET' : 'NOT met'}${note}`,
          );
        }
      }

      const header = ['engine', 'target', 'hits', 'page size', 'first request ms', 'note'];
      const lines = facts.flatMap((f) =>
        f.checks.map((check) => [
          ENGINE_NAME[f.engine],
          `(${check.letter}) ${check.path}`,
          check.hits === null ? '–' : int(check.hits),
          check.status === 200 ? kib(check.bytes) : '–',
          check.status === 200 ? ms(check.firstMs) : '–',
          check.note,
        ]),
      );
      const widths = header.map((_, i) => Math.max(...[header, ...lines].map((line) => [...(line[i] ?? '')].length)));
      const render = (line: string[]) => line.map((cell, i) => (i === 2 || i === 3 || i === 4 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ');
      const checkText = [render(header), widths.map((w) => '─'.repeat(w)).join('  '), ...lines.map(render)];
      const checkMarkdown = [
        `| ${header.join(' | ')} |`,
        `| ${header.map((_, i) => (i === 2 || i === 3 || i === 4 ? '--:' : ':--')).join(' | ')} |`,
        ...lines.map((line) => `| ${line.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`),
      ];
      const seedLines = facts.map(
        (f) =>
          `${ENGINE_NAME[f.engine]}: ${int(c.services)} services seeded and published in ${f.seed.totalSeconds.toFixed(1)} s (${f.how}): working copy ` +
          `${f.seed.workingCopySeconds.toFixed(1)} s, ` +
          (f.seed.publish === 'bulk'
            ? `publishSnapshots (the import's bulk publishing, word list included) ${f.seed.publishSeconds.toFixed(1)} s (${((f.seed.publishSeconds * 1000) / c.services).toFixed(1)} ms per service), `
            : `writePublicSnapshot ${f.seed.publishSeconds.toFixed(1)} s (${((f.seed.publishSeconds * 1000) / c.services).toFixed(1)} ms per service, ${options.publishBatch} per transaction), rebuildWords ${f.seed.wordsSeconds.toFixed(1)} s, `) +
          `VACUUM ANALYZE ${f.seed.analyzeSeconds.toFixed(1)} s; ` +
          `${int(f.seed.publishedServices)} published services in all (the demo's included), ${int(f.seed.publicWords)} words in the typo list`,
      );
      const importLines: string[] = [];
      for (const f of facts) {
        const imp = f.importRun;
        if (!imp) continue;
        const name = ENGINE_NAME[f.engine];
        if (imp.skipped) {
          importLines.push(`Import on ${name}: not measured — ${imp.skipped}`);
          continue;
        }
        const seconds = (imp.previewMs + imp.confirmMs) / 1000;
        const readings = imp.polls.filter((p) => p.state === 'running');
        const shown = readings.length <= 12 ? readings : readings.filter((_, i) => i % Math.ceil(readings.length / 12) === 0);
        importLines.push(
          `Import on ${name}: HSDS export of the seeded server ${kib(imp.exportBytes)} (${int(imp.exportServices)} services, ${ms(imp.exportMs)} ms)` +
            (imp.imported === 'slim' ? `, imported slimmed to ${kib(imp.importedBytes)} (nested copies of taxonomy details and locations left out)` : '') +
            ` into a fresh server: ` +
            `preview ${(imp.previewMs / 1000).toFixed(1)} s, confirm ${(imp.confirmMs / 1000).toFixed(1)} s (HTTP ${imp.confirmStatus}, state ${imp.state}), together ${seconds.toFixed(1)} s; ` +
            `counts ${JSON.stringify(imp.counts)}, ${imp.errors} errors, ${imp.warnings} warnings` +
            (imp.publishedAfter !== null ? `; ${int(imp.publishedAfter)} services published afterwards` : '') +
            (imp.failure ? `; failure: ${imp.failure}` : ''),
        );
        if (imp.problemKinds.length) {
          importLines.push(
            `The preview's report on ${name}, by kind: ` +
              imp.problemKinds
                .slice(0, 8)
                .map((k) => `${k.count} × ${k.severity} (${k.entity}): ${k.message}`)
                .join('; '),
          );
        }
        importLines.push(
          `Progress on ${name} (GET …/imports/:id every ${POLL_MS} ms during the confirm; s after sending it → processed/total, answer time): ` +
            (shown.length
              ? shown.map((p) => `${(p.atMs / 1000).toFixed(1)} s → ${int(p.processed)}/${int(p.total)} (${ms(p.answeredMs)} ms)`).join(', ')
              : `no reading while it ran (${imp.polls.length} polls, states ${[...new Set(imp.polls.map((p) => p.state))].join('/') || '–'})`),
        );
        if (f.engine === 'postgres') {
          const ok = imp.state === 'done' && seconds < IMPORT_TARGET_SECONDS;
          verdicts.push(
            `Import of ${int(c.services)} services on ${name}: ${seconds.toFixed(1)} s from preview to done (target < ${IMPORT_TARGET_SECONDS} s with a progress indicator: ` +
              `${ok ? (readings.length ? 'MET' : 'time met, but no progress reading was seen') : 'NOT met'})`,
          );
        }
      }
      return {
        text: ['', ...checkText, '', ...seedLines, ...(importLines.length ? ['', ...importLines] : []), '', ...verdicts],
        markdown: [
          ...checkMarkdown,
          '',
          ...seedLines.map((line) => `- ${line}`),
          ...importLines.map((line) => `- ${line}`),
          '',
          ...verdicts.map((line) => `- **${line}**`),
        ],
        verdict: verdicts.join('; '),
        json: {
          directory: { shape: options.directory, counts: c, generateSeconds, pageServiceId: pageService.id },
          targets: { searchP99Ms: SEARCH_P99_TARGET_MS, searchRatio: SEARCH_RATIO_TARGET },
          engines: facts,
          verdicts,
        },
      };
    },

    markdownIntro: (startedAt: Date) =>
      `Measured ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC — suite \`directory\`, ${directoryShapeText(options.directory)}; ` +
      `${options.searchConnections} connections for the directory targets, ${options.connections} for bare Fastify, ${options.duration} s after ${options.warmup} s warm-up.`,
  };
}
