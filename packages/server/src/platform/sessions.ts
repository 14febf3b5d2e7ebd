import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database, SessionRevokedReason } from '../db/schema.js';
import type { Actor, RoleGrant } from './policy.js';
import type { SessionCache } from './session-cache.js';

/**
 * Server-side sessions (docs/adr/0003-sessions-in-database.md). The cookie holds a random token;
 * the database holds only its SHA-256. A session is valid until it is revoked, idle for longer
 * than the idle timeout, or past its absolute lifetime.
 */

/** A session that has done only the password step lives this long while the TOTP code is owed. */
export const PENDING_SESSION_SECONDS = 10 * 60;
/** last_seen_at is written at most this often, so reads do not turn into writes. */
const TOUCH_INTERVAL_SECONDS = 60;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface NewSession {
  userId: string;
  loginComplete: boolean;
  mfa: boolean;
  lifetimeSeconds: number;
  ip: string | null;
  userAgent: string | null;
}

export async function createSession(db: Kysely<Database>, input: NewSession) {
  const token = randomBytes(32).toString('base64url');
  const row = await db
    .insertInto('user_session')
    .values({
      token_hash: hashToken(token),
      user_id: input.userId,
      login_complete: input.loginComplete,
      mfa: input.mfa,
      absolute_expires_at: new Date(Date.now() + input.lifetimeSeconds * 1000),
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    })
    .returning(['id', 'absolute_expires_at'])
    .executeTakeFirstOrThrow();
  return { token, id: row.id, absoluteExpiresAt: row.absolute_expires_at };
}

export interface LoadedSession {
  id: string;
  tokenHash: string;
  userId: string;
  loginComplete: boolean;
  mfa: boolean;
  lastSeenAt: Date;
  absoluteExpiresAt: Date;
  totpEnrolled: boolean;
  homeUnitName: string;
  districtName: string | null;
  actor: Actor;
}

export type SessionLookup = { state: 'valid'; session: LoadedSession } | { state: 'expired' } | { state: 'unknown' };

interface SessionQueryRow {
  id: string;
  user_id: string;
  login_complete: boolean;
  mfa: boolean;
  last_seen_at: Date;
  absolute_expires_at: Date;
  username: string;
  display_name: string;
  home_unit_id: string;
  home_unit_name: string;
  district_name: string | null;
  totp_enrolled: boolean;
  grants: RoleGrant[] | string;
}

/**
 * One round trip: the session, its (active) user, the home unit and its district, and the user's
 * role grants in active units — everything the pipeline and GET /api/me need.
 */
async function querySession(db: Kysely<Database>, tokenHash: string): Promise<LoadedSession | undefined> {
  const result = await sql<SessionQueryRow>`
    select s.id, s.user_id, s.login_complete, s.mfa, s.last_seen_at, s.absolute_expires_at,
      u.username, u.display_name, u.home_unit_id, home.name as home_unit_name,
      (u.totp_enabled_at is not null) as totp_enrolled,
      (select d.name from org_unit d
        where d.kind = 'district' and d.id = any(string_to_array(trim(both '/' from home.path), '/')::uuid[])
        limit 1) as district_name,
      coalesce((
        select json_agg(json_build_object('role', ra.role, 'unitId', ra.unit_id, 'unitPath', ou.path, 'unitName', ou.name)
          order by ra.role, ou.name)
        from role_assignment ra join org_unit ou on ou.id = ra.unit_id
        where ra.user_id = u.id and ou.active
      ), '[]'::json) as grants
    from user_session s
      join app_user u on u.id = s.user_id and u.active
      join org_unit home on home.id = u.home_unit_id
    where s.token_hash = ${tokenHash} and s.revoked_at is null
  `.execute(db);
  const row = result.rows[0];
  if (!row) return undefined;
  // PGlite hands json back as text when it is built by json_agg inside coalesce.
  const grants: RoleGrant[] = typeof row.grants === 'string' ? JSON.parse(row.grants) : row.grants;
  return {
    id: row.id,
    tokenHash,
    userId: row.user_id,
    loginComplete: row.login_complete,
    mfa: row.mfa,
    lastSeenAt: row.last_seen_at,
    absoluteExpiresAt: row.absolute_expires_at,
    totpEnrolled: row.totp_enrolled,
    homeUnitName: row.home_unit_name,
    districtName: row.district_name,
    actor: {
      userId: row.user_id,
      username: row.username,
      displayName: row.display_name,
      homeUnitId: row.home_unit_id,
      sessionId: row.id,
      grants,
    },
  };
}

/** Finds the session of a cookie token, from the cache when it may be used, and checks its timeouts. */
export async function lookupSession(
  db: Kysely<Database>,
  token: string,
  idleSeconds: number,
  cache?: SessionCache,
): Promise<SessionLookup> {
  const tokenHash = hashToken(token);
  let session = cache?.get(tokenHash);
  if (!session) {
    session = await querySession(db, tokenHash);
    if (!session) return { state: 'unknown' };
    cache?.set(tokenHash, session);
  }
  const now = Date.now();
  if (session.lastSeenAt.getTime() + idleSeconds * 1000 <= now || session.absoluteExpiresAt.getTime() <= now) {
    return { state: 'expired' };
  }
  return { state: 'valid', session };
}

/** Extends the idle timeout; skipped when the last write is recent. Returns the session as it now is. */
export async function touchSession(db: Kysely<Database>, session: LoadedSession, cache?: SessionCache): Promise<LoadedSession> {
  if (Date.now() - session.lastSeenAt.getTime() < TOUCH_INTERVAL_SECONDS * 1000) return session;
  const now = new Date();
  await db.updateTable('user_session').set({ last_seen_at: now }).where('id', '=', session.id).execute();
  const touched = { ...session, lastSeenAt: now };
  cache?.update(session.tokenHash, touched);
  return touched;
}

export async function revokeSession(db: Kysely<Database>, sessionId: string, reason: SessionRevokedReason) {
  await db
    .updateTable('user_session')
    .set({ revoked_at: new Date(), revoked_reason: reason })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function revokeUserSessions(
  db: Kysely<Database>,
  userId: string,
  reason: SessionRevokedReason,
  exceptSessionId?: string,
): Promise<number> {
  let query = db
    .updateTable('user_session')
    .set({ revoked_at: new Date(), revoked_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (exceptSessionId) query = query.where('id', '<>', exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
