import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH, type E2eContext } from './support/context.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webDist = path.join(repoRoot, 'packages/web/dist');
const serverEntry = path.join(repoRoot, 'packages/server/src/main.ts');
const artifactsRoot = path.join(repoRoot, 'e2e/artifacts');
const KEEP_ARTIFACT_RUNS = 5;
const PORT_RANGE = { first: 3300, last: 3399 };
const READY_TIMEOUT_MS = 90_000;

/**
 * Starts the real server once for the whole run: a fresh PGlite data directory with demo data,
 * the built web app, and a free port in 3300–3399. Without Chromium every test is skipped, loudly,
 * unless E2E_REQUIRED=1 (CI), where that is an error.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const skip = (reason: string) => {
    console.warn(`\n[rusfag] E2E-testene hoppes over: ${reason}\n`);
    const context: E2eContext = { baseUrl: '', skipReason: reason, loginLedgerDir: '', artifactsDir: artifactsRoot };
    project.provide('e2e', context);
    return undefined;
  };

  if (!existsSync(CHROMIUM_PATH)) {
    const reason =
      `fant ikke ${CHROMIUM_PATH}. Installer Chromium (apt-get install -y chromium) for å kjøre dem.`;
    if (process.env.E2E_REQUIRED === '1') {
      throw new Error(`[rusfag] E2E_REQUIRED=1, men E2E-testene kan ikke kjøre: ${reason}`);
    }
    return skip(reason);
  }
  if (!existsSync(path.join(webDist, 'index.html'))) {
    throw new Error(
      `[rusfag] Fant ikke ${path.relative(repoRoot, webDist)}/index.html: webappen er ikke bygget. ` +
        'Kjør `npm run build -w @rusfag/web` (npm run test:e2e gjør det først).',
    );
  }

  const artifactsDir = newArtifactsDir();
  const workDir = mkdtempSync(path.join(tmpdir(), 'rusfag-e2e-'));
  // The server lists the static files when it starts; a copy keeps this run working while
  // someone rebuilds packages/web/dist in the same checkout.
  const webCopy = path.join(workDir, 'web');
  cpSync(webDist, webCopy, { recursive: true });
  const loginLedgerDir = path.join(workDir, 'login-ledger');
  mkdirSync(loginLedgerDir);

  let server: RunningServer;
  try {
    server = await startServer(workDir, webCopy, artifactsDir);
  } catch (error) {
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
  const context: E2eContext = { baseUrl: server.baseUrl, skipReason: null, loginLedgerDir, artifactsDir };
  project.provide('e2e', context);

  // Should the run be cut short before teardown, the server must not outlive it.
  const killOnExit = () => server.child.kill('SIGKILL');
  process.once('exit', killOnExit);

  return async () => {
    process.off('exit', killOnExit);
    await server.stop();
    rmSync(workDir, { recursive: true, force: true });
  };
}

interface RunningServer {
  baseUrl: string;
  child: ChildProcess;
  stop: () => Promise<void>;
}

/**
 * e2e/artifacts/<time>-<pid>/ for this run (server log, screenshots of failed tests); only the
 * newest runs are kept. One directory per run, so that two runs in one checkout do not mix.
 */
function newArtifactsDir(): string {
  mkdirSync(artifactsRoot, { recursive: true });
  const runs = readdirSync(artifactsRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d{8}-\d{6}-\d+$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  for (const old of runs.slice(0, Math.max(0, runs.length - (KEEP_ARTIFACT_RUNS - 1)))) {
    rmSync(path.join(artifactsRoot, old), { recursive: true, force: true });
  }
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const dir = path.join(artifactsRoot, `${stamp}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function startServer(workDir: string, webCopy: string, artifactsDir: string): Promise<RunningServer> {
  const tried = new Set<number>();
  for (let attempt = 1; ; attempt++) {
    const port = await findFreePort(tried);
    tried.add(port);
    try {
      return await startServerOn(port, workDir, webCopy, artifactsDir, attempt);
    } catch (error) {
      // Someone may take the port between our check and the server's listen; try another one.
      if (error instanceof PortTakenError && attempt < 5) continue;
      throw error;
    }
  }
}

class PortTakenError extends Error {}

async function startServerOn(
  port: number,
  workDir: string,
  webCopy: string,
  artifactsDir: string,
  attempt: number,
): Promise<RunningServer> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const logPath = path.join(artifactsDir, 'server.log');
  const log = createWriteStream(logPath, { flags: attempt === 1 ? 'w' : 'a' });
  const recent: string[] = [];
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', serverEntry], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATA_DIR: path.join(workDir, 'data'),
      WEB_DIST_DIR: webCopy,
      PORT: String(port),
      HOST: '127.0.0.1',
      BASE_URL: baseUrl,
      LOG_LEVEL: 'warn',
      DEMO_MODE: 'true',
      // The e2e server always uses the embedded database, whatever the caller's shell has set.
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const onOutput = (chunk: Buffer) => {
    log.write(chunk);
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      recent.push(line);
      if (recent.length > 60) recent.shift();
      reportServerProblem(line);
    }
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);

  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  while (exitCode === undefined) {
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`[rusfag] Serveren svarte ikke på ${baseUrl}/readyz innen ${READY_TIMEOUT_MS / 1000} s.\n${recent.join('\n')}`);
    }
    if (await isReady(baseUrl)) {
      return {
        baseUrl,
        child,
        stop: async () => {
          if (exitCode === undefined) {
            child.kill('SIGTERM');
            const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
            await exited;
            clearTimeout(timer);
          }
          await new Promise<void>((resolve) => log.end(resolve));
        },
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await new Promise<void>((resolve) => log.end(resolve));
  const output = recent.join('\n');
  if (output.includes('EADDRINUSE')) throw new PortTakenError(output);
  throw new Error(`[rusfag] Serveren stoppet under oppstart (kode ${exitCode}). Logg: ${logPath}\n${output}`);
}

async function isReady(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Server warnings and errors (pino JSON, level 40 and up) are shown, so that server trouble is seen. */
function reportServerProblem(line: string): void {
  if (!line.startsWith('{')) return;
  try {
    const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string }; req?: { url?: string } };
    if ((entry.level ?? 0) >= 40) {
      const detail = [entry.msg, entry.err?.message, entry.req?.url].filter(Boolean).join(' | ');
      console.warn(`[server ${entry.level === 40 ? 'warn' : 'error'}] ${detail}`);
    }
  } catch {
    // Not JSON after all: the full text is in the run's server.log.
  }
}

async function findFreePort(exclude: ReadonlySet<number>): Promise<number> {
  const size = PORT_RANGE.last - PORT_RANGE.first + 1;
  const offset = Math.floor(Math.random() * size);
  for (let i = 0; i < size; i++) {
    const port = PORT_RANGE.first + ((offset + i) % size);
    if (!exclude.has(port) && (await canListen(port))) return port;
  }
  throw new Error(`[rusfag] Ingen ledig port i ${PORT_RANGE.first}–${PORT_RANGE.last} for E2E-serveren.`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
