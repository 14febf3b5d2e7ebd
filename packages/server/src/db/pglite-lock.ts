import { closeSync, existsSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/**
 * PGlite has no multi-process coordination: a second process that opens the same data directory
 * corrupts it. A lock file with the owner's pid makes the second process stop with a clear
 * message instead. A lock left by a process that no longer runs is taken over.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `Datakatalogen ${dataDir} er allerede i bruk av en annen Rusfag-prosess (pid ${ownerPid}). ` +
        'Den innebygde databasen (PGlite) tåler bare én prosess om gangen: stopp den andre prosessen ' +
        'først, eller bruk PostgreSQL (DATABASE_URL) når flere prosesser skal dele data.',
    );
  }
}

export interface DataDirLock {
  release(): void;
}

function processIsAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means it exists but belongs to another user: still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'rusfag.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          const owner = JSON.parse(readFileSync(file, 'utf8')) as { pid?: number };
          if (owner.pid === process.pid) unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.on('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let ownerPid = Number.NaN;
      try {
        ownerPid = Number((JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown }).pid);
      } catch {
        // unreadable lock file: treat as stale
      }
      if (ownerPid === process.pid || processIsAlive(ownerPid)) throw new DataDirLockedError(dataDir, ownerPid);
      if (existsSync(file)) unlinkSync(file);
    }
  }
  throw new Error(`Kunne ikke låse datakatalogen ${dataDir}`);
}
