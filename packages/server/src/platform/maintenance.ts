import { sql, type Kysely } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/schema.js';

/** Failed-login counters are only needed for the lockout window; a day keeps them for inspection. */
const LOGIN_ATTEMPT_DAYS = 1;
/** Ended sessions are kept a while so an admin can see recent ones; the audit log keeps the history. */
const ENDED_SESSION_DAYS = 30;
const INTERVAL_MS = 60 * 60 * 1000;

/**
 * Housekeeping: removes old failed-login counters (guessing at unknown usernames would otherwise
 * grow the table without bound) and long-ended sessions. Returns what it removed.
 */
export async function runMaintenance(db: Kysely<Database>): Promise<{ loginAttempts: number; sessions: number }> {
  const attempts = await db
    .deleteFrom('login_attempt')
    .where('last_failure_at', '<', sql<Date>`now() - make_interval(days => ${LOGIN_ATTEMPT_DAYS})`)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', sql<Date>`now()`)]))
    .executeTakeFirst();
  const sessions = await db
    .deleteFrom('user_session')
    .where((eb) =>
      eb.or([
        eb('absolute_expires_at', '<', sql<Date>`now() - make_interval(days => ${ENDED_SESSION_DAYS})`),
        eb('revoked_at', '<', sql<Date>`now() - make_interval(days => ${ENDED_SESSION_DAYS})`),
      ]),
    )
    .executeTakeFirst();
  return { loginAttempts: Number(attempts.numDeletedRows), sessions: Number(sessions.numDeletedRows) };
}

/** A module's own hourly job (registered in app.ts); it returns counts for the log, never personal data. */
export type MaintenanceTask = (db: Kysely<Database>) => Promise<Record<string, number>>;

/** Runs the housekeeping once an hour while the app runs (every app server; the work is idempotent). */
export function scheduleMaintenance(app: FastifyInstance, db: Kysely<Database>, tasks: readonly MaintenanceTask[] = []): void {
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    timer = setInterval(() => {
      for (const task of [runMaintenance, ...tasks]) {
        task(db).then(
          (counts) => app.log.info(counts, 'maintenance done'),
          (error: unknown) => app.log.error({ err: error }, 'maintenance failed'),
        );
      }
    }, INTERVAL_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
