import { spawn } from 'node:child_process';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { onCleanup } from './cleanup.js';

/** The port range set aside for the benchmark on shared machines. */
const PORT_FIRST = 3400;
const PORT_LAST = 3499;
const usedPorts = new Set<number>();

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** A free port in 3400–3499, not handed out before in this run. */
export async function freePort(): Promise<number> {
  const candidates: number[] = [];
  for (let p = PORT_FIRST; p <= PORT_LAST; p++) if (!usedPorts.has(p)) candidates.push(p);
  // Random order, so two runs at once rarely race for the same port.
  candidates.sort(() => Math.random() - 0.5);
  for (const port of candidates) {
    if (await portIsFree(port)) {
      usedPorts.add(port);
      return port;
    }
  }
  throw new Error(`no free port in ${PORT_FIRST}–${PORT_LAST}`);
}

export interface ManagedProcess {
  readonly name: string;
  readonly pid: number | undefined;
  /** The last part of the child's stdout and stderr, for error messages. */
  output(): string;
  /** Exit code (or signal name) once the child has exited, else undefined. */
  exitStatus(): string | undefined;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the child is gone. Safe to call twice. */
  stop(graceMs?: number): Promise<void>;
}

const OUTPUT_LIMIT = 16_000;

export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): ManagedProcess {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  let status: string | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      status = signal ?? String(code);
      resolve();
    });
    child.once('error', (error) => {
      status = `spawn error: ${error.message}`;
      resolve();
    });
  });

  const stop = async (graceMs = 20_000): Promise<void> => {
    if (status !== undefined) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  const stopNow = onCleanup(`stop ${name}`, () => stop(), () => {
    if (status === undefined) child.kill('SIGKILL');
  });

  return {
    name,
    pid: child.pid,
    output: () => output,
    exitStatus: () => status,
    stop: () => stopNow(),
  };
}

/**
 * Polls `url` until it answers 2xx. Fails early, with the child's output, if the child exits,
 * and after `timeoutMs` otherwise.
 */
export async function waitForHttp(url: string, proc: ManagedProcess, timeoutMs: number, signal: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    signal.throwIfAborted();
    const status = proc.exitStatus();
    if (status !== undefined) {
      throw new Error(`${proc.name} exited (${status}) before it was ready. Its output:\n${indent(proc.output())}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(2_000)]) });
      await response.arrayBuffer();
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      signal.throwIfAborted();
      last = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    }
    if (Date.now() > deadline) {
      throw new Error(`${proc.name} not ready at ${url} after ${timeoutMs / 1000} s (${last}). Its output:\n${indent(proc.output())}`);
    }
    await sleep(200);
  }
}

function indent(text: string): string {
  const trimmed = text.trim();
  return trimmed ? trimmed.split('\n').map((line) => `    ${line}`).join('\n') : '    (nothing)';
}
