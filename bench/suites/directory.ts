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
 * Targets (issue 4), on PostgreSQL: public search with filters (a–c) at p99 < 50 ms and at least
 * 30 % of bare Fastify's requests/s in the same run. PGlite is measured too, for information.
 */
import pg from 'pg';
import { openPglite, openPostgres } from '../../packages/server/src/db/database.js';
import { todayInOslo } from '../../packages/server/src/platform/time.js';
import { directoryShapeText, generateDirectory, type DirectoryShape, type GeneratedService } from '../lib/directory-data.js';
import { seedDirectory, type SeededDirectory } from '../lib/directory-seed.js';
import { isClean, type Row } from '../lib/report.js';
import { ENGINE_NAME, measureTarget, startRusfag, type CommonOptions, type Run, type RusfagEngine, type Suite } from '../lib/runner.js';

export const DIRECTORY_TARGETS = ['text', 'filters', 'distance', 'typo', 'page', 'hsds'] as const;
export type DirectoryTarget = (typeof DIRECTORY_TARGETS)[number];

export interface DirectoryOptions extends CommonOptions {
  directory: DirectoryShape;
  /** Connections for the directory targets (default: --connections, as bare Fastify). */
  searchConnections: number;
  /** Services per transaction when publishing. */
  publishBatch: number;
  directoryTargets: readonly DirectoryTarget[];
  /** Also measure (a) with one connection: what one resident waits, without queueing. */
  single: boolean;
}

/** The issue's targets for the public search on PostgreSQL. */
export const SEARCH_P99_TARGET_MS = 50;
export const SEARCH_RATIO_TARGET = 0.3;

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

interface EngineFacts {
  engine: RusfagEngine;
  readySeconds: number;
  how: string;
  seed: SeededDirectory;
  checks: Checked[];
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

  return {
    header: [
      `Directory: ${int(c.services)} services (${int(c.searchable)} active or temporarily closed, ${int(c.cityWide)} city-wide), ${int(c.locations)} locations ` +
        `(${int(c.confidentialLocations)} confidential, ${int(c.locationsWithoutCoordinates)} without coordinates), ${int(c.organizations)} organisations; ` +
        `${int(c.weeklyRules)} weekly opening rules, ${int(c.exceptions)} exceptions; generated in ${generateSeconds.toFixed(1)} s`,
      `Targets ${wanted.map((t) => `(${t.letter}) ${t.label}`).join(', ')} with ${options.searchConnections} connections${options.single ? '; (a) also with 1' : ''}; bare Fastify with ${options.connections}`,
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
            seed = await seedDirectory(handle.db, directory, { batch: options.publishBatch, raw, onProgress: progress });
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
            seed = await seedDirectory(handle.db, directory, { batch: options.publishBatch, raw, onProgress: progress });
          } finally {
            await handle.close();
          }
          how = 'in-process through the server code (Kysely + PGlite) with the server stopped, then restarted';
          await rusfag.restart();
          console.log(`  restarted, ready after ${rusfag.readySeconds.toFixed(1)} s`);
        }
        console.log(
          `  seeded in ${seed.totalSeconds.toFixed(1)} s: working copy ${seed.workingCopySeconds.toFixed(1)} s, publishing ${seed.publishSeconds.toFixed(1)} s ` +
            `(${((seed.publishSeconds * 1000) / c.services).toFixed(1)} ms per service), word list ${seed.wordsSeconds.toFixed(1)} s, VACUUM ANALYZE ${seed.analyzeSeconds.toFixed(1)} s; ` +
            `${int(seed.publishedServices)} published services (with the demo's), ${int(seed.publicWords)} words`,
        );

        const checks: Checked[] = [];
        const fact: EngineFacts = { engine, readySeconds: rusfag.readySeconds, how, seed, checks };
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
              { id: `${engine}-text-1`, target: `${label} (a) free text + filters, one request at a time (1 conn.)`, engine, url, connections: 1, checked: true },
              rusfag.server,
              rusfag.database,
            );
            check.singleRowId = single.id;
          }
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
          `${f.seed.workingCopySeconds.toFixed(1)} s, writePublicSnapshot ${f.seed.publishSeconds.toFixed(1)} s (${((f.seed.publishSeconds * 1000) / c.services).toFixed(1)} ms per service, ` +
          `${options.publishBatch} per transaction), rebuildWords ${f.seed.wordsSeconds.toFixed(1)} s, VACUUM ANALYZE ${f.seed.analyzeSeconds.toFixed(1)} s; ` +
          `${int(f.seed.publishedServices)} published services in all (the demo's included), ${int(f.seed.publicWords)} words in the typo list`,
      );
      return {
        text: ['', ...checkText, '', ...seedLines, '', ...verdicts],
        markdown: [...checkMarkdown, '', ...seedLines.map((line) => `- ${line}`), '', ...verdicts.map((line) => `- **${line}**`)],
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
