/**
 * The plans suite (`npm run bench -- --suite plans`): a plan with 2,000 measures and 20,000 status
 * updates for Bydel St. Hanshaugen, written into the server's database with SQL, then
 *
 *   - the plan tree, GET /api/plans/:id/items, as planlegger.sth;
 *   - the bulk-update view: the same request as leder.sth (the web keeps the rows that carry
 *     'measure.updateStatus'), and the bulk save, POST /api/plans/:id/statuses (it writes: last);
 *   - the status report: a draft for the current year (POST …/reports), its refresh, and its
 *     Word, PDF and Excel exports, a few requests one at a time.
 *
 * Targets (the issue): plan tree p99 < 150 ms and the Word export of the full plan < 2 s, on
 * PostgreSQL. PGlite is measured too, for information. See bench/README.md.
 */
import { DEFAULT_STATUS_TERMS } from '@rusfag/core';
import pg from 'pg';
import { openPglite } from '../../packages/server/src/db/database.js';
import { todayInOslo } from '../../packages/server/src/platform/time.js';
import { loginSession, type DemoSession } from '../lib/login.js';
import { generatePlan, shapeText, type PlanShape } from '../lib/plan-data.js';
import { seedPlan, type SeededPlan, type SqlClient } from '../lib/plan-seed.js';
import { isClean, type Row } from '../lib/report.js';
import { ENGINE_NAME, measureTarget, startRusfag, type CommonOptions, type Run, type RusfagEngine, type Suite } from '../lib/runner.js';

export const PLAN_TARGETS = ['tree', 'view', 'report', 'save'] as const;
export type PlanTarget = (typeof PLAN_TARGETS)[number];

export interface PlansOptions extends CommonOptions {
  plan: PlanShape;
  heavyConnections: number;
  exportRuns: number;
  bulkRows: number;
  targets: readonly PlanTarget[];
}

/** The targets, on PostgreSQL. */
export const TREE_P99_TARGET_MS = 150;
export const DOCX_TARGET_MS = 2_000;

const FORMATS = [
  { format: 'docx', label: 'Word', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { format: 'pdf', label: 'PDF', contentType: 'application/pdf' },
  { format: 'xlsx', label: 'Excel', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
] as const;

interface Answer {
  status: number;
  ms: number;
  bytes: number;
  contentType: string;
  text: string;
}

/** One request, timed (ms from sending to the last byte). */
async function request(
  method: 'GET' | 'POST',
  url: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  body?: string,
): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(url, {
    method,
    headers,
    signal: AbortSignal.any([signal, AbortSignal.timeout(120_000)]),
    ...(body !== undefined ? { body } : {}),
  });
  const buffer = Buffer.from(await response.arrayBuffer());
  const ms = performance.now() - started;
  const contentType = response.headers.get('content-type') ?? '';
  return { status: response.status, ms, bytes: buffer.length, contentType, text: contentType.includes('json') ? buffer.toString('utf8') : '' };
}

function expectStatus(answer: Answer, status: number, what: string): void {
  if (answer.status !== status) throw new Error(`${what} answered ${answer.status}, not ${status}: ${answer.text.slice(0, 300)}`);
}

interface TreeItem {
  id: string;
  level: number;
  actions: string[];
}

/** What one engine's part found out besides the table rows. */
interface EngineFacts {
  engine: RusfagEngine;
  planId: string;
  seed: SeededPlan & { how: string };
  readySeconds: number;
  treeBytes: number;
  /** The first (cold) plan-tree request, ms. */
  treeFirstMs: number;
  treeItems: number;
  /** Rows of the bulk-update view: measures leder.sth may report on. */
  leaderRows: number;
  report: {
    createMs: number;
    period: string;
    refreshRowId: string;
    exports: { format: string; label: string; bytes: number; firstMs: number; rowId: string }[];
  } | null;
  /** Status rows the bulk save added (check request, warm-up and measurement). */
  bulkSavedRows: number | null;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const kib = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.round(bytes / 1024)} KiB`);
const ms = (n: number) => (n >= 10 ? int(n) : n.toFixed(1));

export function plansSuite(options: PlansOptions): Suite {
  const today = todayInOslo();
  const generated = Date.now();
  const plan = generatePlan(options.plan, today);
  const generateSeconds = (Date.now() - generated) / 1000;
  const c = plan.counts;
  const facts: EngineFacts[] = [];

  const shapeLine =
    `Plan: ${c.goals} goals × ${options.plan.strategiesPerGoal} strategies (${c.strategies}) × ${options.plan.councilPerStrategy} council measures ` +
    `(${int(c.councilMeasures)}) × ~${options.plan.districtPerCouncil} district measures (${int(c.districtMeasures)}) = ${int(c.measures)} measures, ` +
    `${int(c.items)} items; ${int(c.statuses)} status updates on ${c.reportDates} reporting dates ${plan.startYear}–${today}; ` +
    `${int(c.measuresForLeader)} measures in leder.sth's units`;

  return {
    header: [
      shapeLine,
      `Plan tree, bulk view and bulk save with ${options.heavyConnections} connections; report refresh and exports ${options.exportRuns} requests one at a time; bare Fastify with ${options.connections}`,
    ],

    async benchEngine(run: Run, engine: RusfagEngine) {
      const { signal } = run;
      const rusfag = await startRusfag(run, engine);
      try {
        const label = ENGINE_NAME[engine];
        console.log(`  ready after ${rusfag.readySeconds.toFixed(1)} s (demo data loaded); writing the plan with SQL …`);
        let seeded: SeededPlan;
        let how: string;
        if (engine === 'postgres') {
          const client = new pg.Client({ connectionString: rusfag.databaseUrl, application_name: 'rusfag-bench-seed' });
          await client.connect();
          try {
            seeded = await seedPlan(client as unknown as SqlClient, plan);
          } finally {
            await client.end();
          }
          how = 'SQL through pg while the server ran';
        } else {
          // PGlite belongs to one process: stop the server, write into its data directory, start it again.
          await rusfag.server.stop();
          const handle = await openPglite({ dataDir: rusfag.dataDir! });
          try {
            seeded = await seedPlan(handle.pglite! as unknown as SqlClient, plan);
          } finally {
            await handle.close();
          }
          how = 'SQL through PGlite with the server stopped, then restarted';
          await rusfag.restart();
          console.log(`  restarted, ready after ${rusfag.readySeconds.toFixed(1)} s`);
        }
        console.log(
          `  plan ${seeded.planId}: ${int(c.items)} items, ${int(c.statuses)} status updates written in ${seeded.insertSeconds.toFixed(1)} s ` +
            `(+ ANALYZE ${seeded.analyzeSeconds.toFixed(1)} s); logging in as planlegger.sth and leder.sth …`,
        );
        const { base } = rusfag;
        const planner = await loginSession(base, 'planlegger.sth', signal);
        const leader = await loginSession(base, 'leder.sth', signal);
        const planUrl = `${base}/api/plans/${seeded.planId}`;

        // The plan tree, checked once for each user before it is measured.
        const tree = async (who: DemoSession, name: string) => {
          const answer = await request('GET', `${planUrl}/items`, { cookie: who.cookie, accept: 'application/json' }, signal);
          expectStatus(answer, 200, `GET /api/plans/:id/items as ${name}`);
          const items = (JSON.parse(answer.text) as { items: TreeItem[] }).items;
          if (items.length !== c.items) throw new Error(`the plan tree as ${name} has ${items.length} items, not ${c.items}`);
          return { answer, items };
        };
        const plannerTree = await tree(planner, 'planlegger.sth');
        const leaderTree = await tree(leader, 'leder.sth');
        const leaderRows = leaderTree.items.filter((item) => item.actions.includes('measure.updateStatus'));
        if (leaderRows.length !== c.measuresForLeader) {
          throw new Error(`leder.sth may report on ${leaderRows.length} measures, expected ${c.measuresForLeader}`);
        }
        console.log(
          `  plan tree: ${kib(plannerTree.answer.bytes)} JSON, first request ${ms(plannerTree.answer.ms)} ms; ` +
            `bulk-update view: ${int(leaderRows.length)} of ${int(c.items)} rows are leder.sth's`,
        );

        const heavy = { connections: options.heavyConnections, timeoutSeconds: 60, checked: true } as const;
        const wants = (target: PlanTarget) => options.targets.includes(target);
        if (wants('tree')) {
          await measureTarget(
            run,
            {
              id: `${engine}-tree`,
              target: `${label} plan tree, planner: GET /api/plans/:id/items (${options.heavyConnections} conn.)`,
              engine,
              url: `${planUrl}/items`,
              headers: { cookie: planner.cookie },
              ...heavy,
            },
            rusfag.server,
            rusfag.database,
          );
          if (options.heavyConnections !== 1) {
            await measureTarget(
              run,
              {
                id: `${engine}-tree-1`,
                target: `${label} plan tree, planner, one request at a time (1 conn.)`,
                engine,
                url: `${planUrl}/items`,
                headers: { cookie: planner.cookie },
                ...heavy,
                connections: 1,
              },
              rusfag.server,
              rusfag.database,
            );
          }
        }
        if (wants('view')) {
          await measureTarget(
            run,
            {
              id: `${engine}-bulk-view`,
              target: `${label} bulk-update view, leder.sth: the same GET (${options.heavyConnections} conn.)`,
              engine,
              url: `${planUrl}/items`,
              headers: { cookie: leader.cookie },
              ...heavy,
            },
            rusfag.server,
            rusfag.database,
          );
        }

        const fact: EngineFacts = {
          engine,
          planId: seeded.planId,
          seed: { ...seeded, how },
          readySeconds: rusfag.readySeconds,
          treeBytes: plannerTree.answer.bytes,
          treeFirstMs: plannerTree.answer.ms,
          treeItems: plannerTree.items.length,
          leaderRows: leaderRows.length,
          report: null,
          bulkSavedRows: null,
        };
        facts.push(fact);
        const write = (who: DemoSession) => ({ cookie: who.cookie, 'x-csrf-token': who.csrfToken, accept: 'application/json' });

        if (wants('report')) {
          // The status report: a draft for the current year, then its refresh and exports.
          const period = String(plan.endYear);
          const created = await request(
            'POST',
            `${planUrl}/reports`,
            { ...write(planner), 'content-type': 'application/json' },
            signal,
            JSON.stringify({ periodLabel: period }),
          );
          expectStatus(created, 201, `POST /api/plans/:id/reports {periodLabel: "${period}"}`);
          const reportId = (JSON.parse(created.text) as { id: string }).id;
          console.log(`  draft report ${period} created in ${ms(created.ms)} ms (snapshot of the whole plan, ${kib(created.bytes)} JSON)`);
          const report: NonNullable<EngineFacts['report']> = { createMs: created.ms, period, refreshRowId: `${engine}-report-refresh`, exports: [] };
          fact.report = report;
          const reportUrl = `${planUrl}/reports/${reportId}`;
          const refreshed = await request('POST', `${reportUrl}/refresh`, write(planner), signal);
          expectStatus(refreshed, 200, 'POST /api/plans/:id/reports/:reportId/refresh');
          const once = { connections: 1, amount: options.exportRuns, timeoutSeconds: 120, checked: true } as const;
          await measureTarget(
            run,
            {
              id: report.refreshRowId,
              target: `${label} report refresh: POST …/reports/:id/refresh (1 conn.)`,
              engine,
              url: `${reportUrl}/refresh`,
              headers: write(planner),
              post: { body: () => '' },
              ...once,
            },
            rusfag.server,
            rusfag.database,
          );
          for (const { format, label: formatLabel, contentType } of FORMATS) {
            const url = `${reportUrl}/export?format=${format}`;
            const first = await request('GET', url, { cookie: planner.cookie }, signal);
            expectStatus(first, 200, `GET …/export?format=${format}`);
            if (!first.contentType.startsWith(contentType)) throw new Error(`GET …/export?format=${format}: content-type ${first.contentType}`);
            console.log(`  ${formatLabel}: ${kib(first.bytes)}, first request ${ms(first.ms)} ms`);
            const id = `${engine}-export-${format}`;
            await measureTarget(
              run,
              { id, target: `${label} ${formatLabel} export: GET …/export?format=${format} (1 conn.)`, engine, url, headers: { cookie: planner.cookie }, ...once },
              rusfag.server,
              rusfag.database,
            );
            report.exports.push({ format, label: formatLabel, bytes: first.bytes, firstMs: first.ms, rowId: id });
          }
        }

        if (wants('save')) {
          // The bulk save writes, so it comes last. Every request reports new remarks, so no row
          // is skipped as unchanged.
          const rows = leaderRows.filter((item) => item.level >= 2).slice(0, options.bulkRows);
          const codes = DEFAULT_STATUS_TERMS.slice(0, 4).map((term) => term.code);
          let round = 0;
          const body = () => {
            round += 1;
            return JSON.stringify({
              updates: rows.map((item, index) => ({
                itemId: item.id,
                status: codes[(round + index) % codes.length],
                remark: `Masseoppdatering ${round}: status gjennomgått i enhetsmøtet, ingen nye avvik.`,
              })),
            });
          };
          const bulkHeaders = { ...write(leader), 'content-type': 'application/json' };
          const saved = await request('POST', `${planUrl}/statuses`, bulkHeaders, signal, body());
          expectStatus(saved, 200, 'POST /api/plans/:id/statuses');
          const savedBody = JSON.parse(saved.text) as { saved: number; unchanged: number };
          if (savedBody.saved !== rows.length) throw new Error(`bulk save stored ${savedBody.saved} of ${rows.length} rows (${savedBody.unchanged} unchanged)`);
          const bulkRow = await measureTarget(
            run,
            {
              id: `${engine}-bulk-save`,
              target: `${label} bulk save, ${rows.length} rows, leder.sth: POST /api/plans/:id/statuses (${options.heavyConnections} conn.)`,
              engine,
              url: `${planUrl}/statuses`,
              headers: bulkHeaders,
              post: { body },
              ...heavy,
            },
            rusfag.server,
            rusfag.database,
          );
          // The check request, the warm-up and the measurement each stored `rows.length` rows per 2xx.
          const answered = 1 + bulkRow.raw['2xx'] + (bulkRow.rawWarmup?.['2xx'] ?? 0);
          fact.bulkSavedRows = answered * rows.length;
          console.log(`  bulk save: measure_status grew from ${int(c.statuses)} to about ${int(c.statuses + fact.bulkSavedRows)} rows`);
        }
      } finally {
        await rusfag.dispose();
      }
    },

    summary(rows: readonly Row[]) {
      const byId = new Map(rows.map((row) => [row.id, row]));
      const verdicts: string[] = [];
      const treeVerdict = (row: Row | undefined, name: string, how: string, note: string) =>
        row && isClean(row)
          ? `Plan tree on ${name}, ${how}: p99 ${row.p99Ms} ms (p50 ${row.p50Ms} ms) — target < ${TREE_P99_TARGET_MS} ms: ${row.p99Ms < TREE_P99_TARGET_MS ? 'MET' : 'NOT met'}${note}`
          : `Plan tree on ${name}, ${how}: no valid figure${note}`;
      for (const engine of ['postgres', 'pglite'] as const) {
        const note = engine === 'postgres' ? '' : ' (for information: the targets are for PostgreSQL)';
        const tree = byId.get(`${engine}-tree`);
        const treeOne = byId.get(`${engine}-tree-1`);
        const docx = byId.get(`${engine}-export-docx`);
        const name = ENGINE_NAME[engine];
        if (tree) verdicts.push(treeVerdict(tree, name, `${options.heavyConnections} concurrent requests`, note));
        if (treeOne) verdicts.push(treeVerdict(treeOne, name, 'one request at a time', note));
        if (docx) {
          verdicts.push(
            isClean(docx)
              ? `Word export on ${name}: median ${int(docx.raw.latency.p50)} ms, slowest ${int(docx.raw.latency.max)} ms of ${docx.requests} — target < ${int(DOCX_TARGET_MS)} ms: ${docx.raw.latency.max < DOCX_TARGET_MS ? 'MET' : 'NOT met'}${note}`
              : `Word export on ${name}: no valid figure${note}`,
          );
        }
      }

      // Exports and the report: min / median / max and sizes, which the main table does not show.
      const header = ['engine', 'what', 'requests', 'min ms', 'median ms', 'max ms', 'size', 'server CPU ms/req'];
      const lines: string[][] = [];
      for (const fact of facts) {
        const name = ENGINE_NAME[fact.engine];
        const report = fact.report;
        if (!report) continue;
        const created = ms(report.createMs);
        lines.push([name, `create the draft report ${report.period} (POST …/reports)`, '1', created, created, created, '–', '–']);
        const entries = [
          { what: 'refresh the report (new snapshot)', rowId: report.refreshRowId, bytes: null as number | null },
          ...report.exports.map((e) => ({ what: `${e.label} export`, rowId: e.rowId, bytes: e.bytes })),
        ];
        for (const entry of entries) {
          const row = byId.get(entry.rowId);
          if (!row) continue;
          const cpu = row.cpuPerRequestUs ? ms(row.cpuPerRequestUs.server / 1000) : '–';
          const latency = row.raw.latency;
          lines.push([name, `${entry.what}${isClean(row) ? '' : ' ⚠'}`, String(row.requests), ms(latency.min), ms(latency.p50), ms(latency.max), entry.bytes === null ? '–' : kib(entry.bytes), cpu]);
        }
      }
      const exportText = (() => {
        const table = [header, ...lines];
        const widths = header.map((_, i) => Math.max(...table.map((line) => [...(line[i] ?? '')].length)));
        const render = (line: string[]) => line.map((cell, i) => (i <= 1 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
        return [render(header), widths.map((w) => '─'.repeat(w)).join('  '), ...lines.map(render)];
      })();
      const exportMarkdown = [
        `| ${header.join(' | ')} |`,
        `| ${header.map((_, i) => (i <= 1 ? ':--' : '--:')).join(' | ')} |`,
        ...lines.map((line) => `| ${line.join(' | ')} |`),
      ];
      const factLines = facts.map(
        (f) =>
          `${ENGINE_NAME[f.engine]}: plan written in ${f.seed.insertSeconds.toFixed(1)} s + ANALYZE ${f.seed.analyzeSeconds.toFixed(1)} s (${f.seed.how}); ` +
          `plan tree ${kib(f.treeBytes)} JSON, ${int(f.treeItems)} items, first request ${ms(f.treeFirstMs)} ms; ` +
          `bulk-update view ${int(f.leaderRows)} rows for leder.sth` +
          (f.bulkSavedRows === null ? '' : `; the bulk save added ${int(f.bulkSavedRows)} status rows (measured last)`),
      );
      const exportsText = lines.length > 0 ? ['', ...exportText] : [];
      const exportsMarkdown = lines.length > 0 ? [...exportMarkdown, ''] : [];
      return {
        text: [...exportsText, '', ...factLines, '', ...verdicts],
        markdown: [...exportsMarkdown, ...factLines.map((line) => `- ${line}`), '', ...verdicts.map((line) => `- **${line}**`)],
        verdict: verdicts.join('; '),
        json: {
          plan: { shape: shapeText(options.plan), counts: c, startYear: plan.startYear, endYear: plan.endYear, generateSeconds },
          targets: { treeP99Ms: TREE_P99_TARGET_MS, docxMs: DOCX_TARGET_MS },
          engines: facts,
          verdicts,
        },
      };
    },

    markdownIntro: (startedAt: Date) =>
      `Measured ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC — suite \`plans\`, plan \`${shapeText(options.plan)}\` ` +
      `(${int(c.measures)} measures: ${int(c.councilMeasures)} council + ${int(c.districtMeasures)} district; ${int(c.statuses)} status updates). ` +
      `Plan tree, bulk view and bulk save: ${options.heavyConnections} connections, ${options.duration} s after ${options.warmup} s warm-up; ` +
      `report refresh and exports: ${options.exportRuns} requests one at a time; bare Fastify: ${options.connections} connections.`,
  };
}

