import { sql } from 'kysely';
import type { Role } from '@rusfag/core';
import type { DbOrTrx } from '../../platform/context.js';

export async function findUserForLogin(db: DbOrTrx, username: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'username', 'password_hash', 'active', 'totp_secret', 'totp_enabled_at', 'totp_last_step'])
    .where('username', '=', username)
    .executeTakeFirst();
}

export async function findUserById(db: DbOrTrx, userId: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'username', 'password_hash', 'active', 'totp_secret', 'totp_enabled_at', 'totp_last_step'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** Roles that count: those held at active units (as in the session's grants). */
export async function rolesOfUser(db: DbOrTrx, userId: string): Promise<Role[]> {
  const rows = await db
    .selectFrom('role_assignment as ra')
    .innerJoin('org_unit as ou', 'ou.id', 'ra.unit_id')
    .select('ra.role')
    .where('ra.user_id', '=', userId)
    .where('ou.active', '=', true)
    .execute();
  return rows.map((row) => row.role);
}

export async function findLoginAttempt(db: DbOrTrx, username: string, ip: string) {
  return db
    .selectFrom('login_attempt')
    .selectAll()
    .where('username', '=', username)
    .where('ip', '=', ip)
    .executeTakeFirst();
}

/**
 * Counts a failed attempt for this username from this address and locks the pair when the count
 * reaches `maxFailures`. Counting resets when the previous lock or failure is older than the
 * lockout period, so a lock is always temporary.
 */
export async function registerFailedAttempt(
  db: DbOrTrx,
  username: string,
  ip: string,
  maxFailures: number,
  lockoutSeconds: number,
): Promise<{ failures: number; lockedUntil: Date | null }> {
  const row = await sql<{ failures: number; locked_until: Date | null }>`
    insert into login_attempt as la (username, ip, failures, last_failure_at, locked_until)
    values (${username}, ${ip}, 1, now(), case when 1 >= ${maxFailures} then now() + make_interval(secs => ${lockoutSeconds}) end)
    on conflict (username, ip) do update set
      failures = case
        when la.last_failure_at < now() - make_interval(secs => ${lockoutSeconds}) or la.locked_until <= now() then 1
        else la.failures + 1 end,
      last_failure_at = now(),
      locked_until = case
        when (case when la.last_failure_at < now() - make_interval(secs => ${lockoutSeconds}) or la.locked_until <= now() then 1
              else la.failures + 1 end) >= ${maxFailures}
        then now() + make_interval(secs => ${lockoutSeconds})
        else null end
    returning failures, locked_until
  `.execute(db);
  const result = row.rows[0];
  return { failures: result?.failures ?? 1, lockedUntil: result?.locked_until ?? null };
}

export async function clearFailedAttempts(db: DbOrTrx, username: string, ip: string): Promise<void> {
  await db.deleteFrom('login_attempt').where('username', '=', username).where('ip', '=', ip).execute();
}

export async function markLoggedIn(db: DbOrTrx, userId: string): Promise<void> {
  await db.updateTable('app_user').set({ last_login_at: new Date() }).where('id', '=', userId).execute();
}

export async function acceptTotpStep(db: DbOrTrx, userId: string, step: number, enable: boolean): Promise<boolean> {
  // The step condition makes a replayed code lose even when two requests race.
  const result = await db
    .updateTable('app_user')
    .set({ totp_last_step: step, ...(enable ? { totp_enabled_at: new Date() } : {}) })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function storePendingTotpSecret(db: DbOrTrx, userId: string, secret: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ totp_secret: secret, totp_enabled_at: null, totp_last_step: null })
    .where('id', '=', userId)
    .execute();
}

export async function updatePasswordHash(db: DbOrTrx, userId: string, passwordHash: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ password_hash: passwordHash, password_changed_at: new Date(), updated_at: new Date() })
    .where('id', '=', userId)
    .execute();
}
