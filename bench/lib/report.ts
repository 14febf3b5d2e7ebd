import type autocannon from 'autocannon';
import type { CpuShare } from './machine.js';

export type Engine = 'bare' | 'pglite' | 'postgres';

export interface Row {
  id: string;
  target: string;
  engine: Engine;
  /** Mean of autocannon's per-second request counts (all responses, 2xx or not). */
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** reqPerSec / the bare-Fastify baseline of this run. */
  ratio: number | null;
  cpu: CpuShare | null;
  /** CPU time per request (µs) of the server and of its PostgreSQL backends: less bent by other load than req/s. */
  cpuPerRequestUs: { server: number; database: number } | null;
  raw: autocannon.Result;
  rawWarmup: autocannon.Result | null;
}

export function rowFrom(
  id: string,
  target: string,
  engine: Engine,
  raw: autocannon.Result,
  rawWarmup: autocannon.Result | null,
  cpu: CpuShare | null,
): Row {
  return {
    id,
    target,
    engine,
    reqPerSec: raw.requests.average,
    p50Ms: raw.latency.p50,
    p99Ms: raw.latency.p99,
    requests: raw.requests.total,
    non2xx: raw.non2xx,
    errors: raw.errors,
    timeouts: raw.timeouts,
    ratio: null,
    cpu,
    cpuPerRequestUs:
      cpu && raw.requests.average > 0
        ? {
            server: Math.round((cpu.serverCores * 1e6) / raw.requests.average),
            database: Math.round((cpu.databaseCores * 1e6) / raw.requests.average),
          }
        : null,
    raw,
    rawWarmup,
  };
}

/** A row is worth reading only if every response was a 2xx and no request failed. */
export function isClean(row: Row): boolean {
  return row.non2xx === 0 && row.errors === 0 && row.raw['2xx'] > 0;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
// autocannon's latency histogram counts whole milliseconds: 0 means under one.
const ms = (n: number) => (n === 0 ? '< 1' : Number.isInteger(n) ? String(n) : n.toFixed(2));
const pct = (ratio: number | null) =>
  ratio === null ? '–' : ratio > 0 && ratio < 0.01 ? `${(ratio * 100).toPrecision(2)} %` : `${(ratio * 100).toFixed(0)} %`;
const cores = (cpu: CpuShare | null) => (cpu ? cpu.otherCores.toFixed(2) : '–');

const cpuPerRequest = (row: Row) => {
  const c = row.cpuPerRequestUs;
  if (!c) return '–';
  return row.engine === 'postgres' ? `${int(c.server)} + ${int(c.database)} PG` : int(c.server);
};

const HEADERS = ['target', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'vs bare', 'CPU µs/req', 'other CPU (cores)'];

function cells(row: Row): string[] {
  return [
    `${row.target}${isClean(row) ? '' : ' ⚠'}`,
    row.reqPerSec < 10 ? row.reqPerSec.toFixed(1) : int(row.reqPerSec),
    ms(row.p50Ms),
    ms(row.p99Ms),
    int(row.non2xx),
    int(row.errors),
    pct(row.ratio),
    cpuPerRequest(row),
    cores(row.cpu),
  ];
}

export function textTable(rows: readonly Row[]): string {
  const table = [HEADERS, ...rows.map(cells)];
  const widths = HEADERS.map((_, i) => Math.max(...table.map((line) => [...(line[i] ?? '')].length)));
  const render = (line: string[]) =>
    line
      .map((cell, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - [...cell].length);
        return i === 0 ? cell + pad : pad + cell;
      })
      .join('  ');
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [render(HEADERS), rule, ...table.slice(1).map(render)].join('\n');
}

export function markdownTable(rows: readonly Row[]): string {
  const align = HEADERS.map((_, i) => (i === 0 ? ':--' : '--:'));
  const line = (values: string[]) => `| ${values.join(' | ')} |`;
  return [line(HEADERS), line(align), ...rows.map((row) => line(cells(row)))].join('\n');
}
