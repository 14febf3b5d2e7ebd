import pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from '../db/database.js';
import type { SessionCache } from './session-cache.js';

export const AUTH_CHANGED_CHANNEL = 'rusfag_auth_changed';

/**
 * Listens for the database's notice that users, roles, units or sessions changed (see migration
 * 20261123T1500) and empties the session cache. While not listening, the cache is off. Returns a
 * function that stops listening.
 */
export async function listenForAuthChanges(
  database: DatabaseHandle,
  cache: SessionCache,
  log: FastifyBaseLogger,
): Promise<() => Promise<void>> {
  if (cache.ttlMs <= 0) return async () => undefined;

  if (database.engine === 'pglite') {
    // LISTEN must not land inside someone's transaction on the shared connection.
    const unlisten = await database.exclusive(() => database.pglite!.listen(AUTH_CHANGED_CHANNEL, () => cache.clear()));
    cache.setListening(true);
    return async () => {
      cache.setListening(false);
      await database.exclusive(() => unlisten()).catch(() => undefined);
    };
  }

  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let delay = 1000;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: database.url, application_name: 'rusfag-listener' });
    const lost = (error?: Error & { code?: string }) => {
      if (client !== next) return;
      cache.setListening(false);
      client = undefined;
      next.removeAllListeners();
      void next.end().catch(() => undefined);
      if (stopped) return;
      log.warn({ code: error?.code ?? null }, 'session change listener lost; session cache off until it is back');
      retry = setTimeout(() => void connect().catch(() => undefined), delay);
      delay = Math.min(delay * 2, 30_000);
    };
    client = next;
    next.on('error', lost);
    next.on('end', () => lost());
    next.on('notification', () => cache.clear());
    try {
      await next.connect();
      await next.query(`listen ${AUTH_CHANGED_CHANNEL}`);
      delay = 1000;
      cache.setListening(true);
    } catch (error) {
      lost(error as Error);
    }
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    cache.setListening(false);
    const current = client;
    client = undefined;
    await current?.end().catch(() => undefined);
  };
}
