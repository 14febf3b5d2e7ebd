import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';

export interface MachineInfo {
  /** `nproc`: CPUs this process may use. */
  nproc: number;
  cpuModel: string;
  node: string;
  kernel: string;
  memoryGiB: number;
  /** PGlite's package version, as the server resolves it. */
  pglite: string;
}

export function machineInfo(serverPackageJson: string): MachineInfo {
  return {
    nproc: nproc(),
    cpuModel: cpuModel(),
    node: process.version,
    kernel: `${os.type()} ${os.release()} ${os.arch()}`,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    pglite: pgliteVersion(serverPackageJson),
  };
}

function nproc(): number {
  try {
    return Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    return os.availableParallelism();
  }
}

function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match?.[1]) return match[1].trim();
  } catch {
    // Not Linux: fall through.
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

function pgliteVersion(serverPackageJson: string): string {
  try {
    const require = createRequire(serverPackageJson);
    const entry = require.resolve('@electric-sql/pglite');
    // …/node_modules/@electric-sql/pglite/dist/index.cjs → its package.json
    const root = entry.slice(0, entry.lastIndexOf('@electric-sql/pglite') + '@electric-sql/pglite'.length);
    return (JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** 1-minute load average: other work on the machine shows here. */
export function loadAverage(): number {
  return Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
}

/**
 * How busy the machine was during a measurement, split into the benchmark's own processes (load
 * generator, server, the server's PostgreSQL backends) and everything else. Linux only (/proc);
 * elsewhere `stop()` gives null.
 */
export interface CpuShare {
  /** CPU cores' worth of time used by the whole machine (0 … nproc). */
  machineCores: number;
  /** …by the load generator (autocannon, in this process). */
  loadGeneratorCores: number;
  /** …by the server under test. */
  serverCores: number;
  /** …by the PostgreSQL backends serving the server's database (0 for the other targets). */
  databaseCores: number;
  /** …by everything else (other people's work on a shared machine). */
  otherCores: number;
  /** Wall-clock seconds the measurement took (cores × seconds = CPU seconds). */
  seconds: number;
}

const CLOCK_TICKS = clockTicks();

function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

interface Snapshot {
  wallMs: number;
  busyTicks: number;
  totalTicks: number;
  cpuLines: number;
  selfTicks: number;
  serverTicks: number;
  /** CPU ticks of the PostgreSQL backends, per pid. */
  backendTicks: Map<number, number>;
}

function machineTicks(): { busy: number; total: number; cpus: number } {
  const stat = readFileSync('/proc/stat', 'utf8');
  const first = stat.split('\n')[0] ?? '';
  const values = first.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already in user)
  const total = values.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  const cpus = stat.split('\n').filter((line) => /^cpu\d+ /.test(line)).length;
  return { busy: total - idle, total, cpus };
}

function processTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime is field 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** PostgreSQL backends serving `database` (their process title names the database). */
function backendPids(database: string): number[] {
  const pids: number[] = [];
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
        if (cmdline.startsWith('postgres: ') && cmdline.includes(` ${database} `)) pids.push(Number(entry));
      } catch {
        // Gone meanwhile.
      }
    }
  } catch {
    // No /proc.
  }
  return pids;
}

export function startCpuShare(serverPid: number | undefined, database?: string): { stop(): CpuShare | null } {
  if (process.platform !== 'linux') return { stop: () => null };
  const snap = (): Snapshot => {
    const machine = machineTicks();
    const self = process.cpuUsage();
    const backends = database ? backendPids(database) : [];
    return {
      wallMs: Date.now(),
      busyTicks: machine.busy,
      totalTicks: machine.total,
      cpuLines: machine.cpus,
      selfTicks: ((self.user + self.system) / 1e6) * CLOCK_TICKS,
      serverTicks: serverPid ? processTicks(serverPid) : 0,
      backendTicks: new Map(backends.map((pid) => [pid, processTicks(pid)])),
    };
  };
  let start: Snapshot;
  try {
    start = snap();
  } catch {
    return { stop: () => null };
  }
  return {
    stop() {
      try {
        const end = snap();
        const totalTicks = end.totalTicks - start.totalTicks;
        const seconds = (end.wallMs - start.wallMs) / 1000;
        if (totalTicks <= 0 || seconds <= 0) return null;
        const machineCores = ((end.busyTicks - start.busyTicks) / totalTicks) * end.cpuLines;
        const cores = (ticks: number) => Math.max(0, ticks / CLOCK_TICKS / seconds);
        // Per pid, so a backend that started during the run counts from zero. One that ended
        // during the run is missed (the pool keeps its connections while under load).
        let backendTicks = 0;
        for (const [pid, ticks] of end.backendTicks) backendTicks += ticks - (start.backendTicks.get(pid) ?? 0);
        const loadGeneratorCores = cores(end.selfTicks - start.selfTicks);
        const serverCores = cores(end.serverTicks - start.serverTicks);
        const databaseCores = cores(backendTicks);
        const round = (n: number) => Math.round(n * 100) / 100;
        return {
          machineCores: round(machineCores),
          loadGeneratorCores: round(loadGeneratorCores),
          serverCores: round(serverCores),
          databaseCores: round(databaseCores),
          otherCores: round(Math.max(0, machineCores - loadGeneratorCores - serverCores - databaseCores)),
          seconds,
        };
      } catch {
        return null;
      }
    },
  };
}
