import { sql } from 'kysely';
import type { Role, UserListQuery } from '@rusfag/core';
import type { DbOrTrx } from '../../platform/context.js';
import type { ListScope } from '../../platform/policy.js';
import { pathInScope } from '../../platform/scope-sql.js';

const userColumns = [
  'u.id',
  'u.username',
  'u.display_name',
  'u.email',
  'u.home_unit_id',
  'home.name as home_unit_name',
  'home.path as home_unit_path',
  'u.active',
  'u.totp_enabled_at',
  'u.last_login_at',
] as const;

export type UserRow = Awaited<ReturnType<typeof findUser>> & {};

function usersQuery(db: DbOrTrx) {
  return db.selectFrom('app_user as u').innerJoin('org_unit as home', 'home.id', 'u.home_unit_id');
}

export async function findUser(db: DbOrTrx, id: string) {
  return usersQuery(db).select(userColumns).where('u.id', '=', id).executeTakeFirst();
}

export async function listUsers(db: DbOrTrx, scope: ListScope, filter: UserListQuery) {
  let query = usersQuery(db).where(pathInScope(sql.ref('home.path'), scope));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, '\\$&').toLowerCase()}%`;
    query = query.where((eb) =>
      eb.or([eb(sql`lower(u.username)`, 'like', pattern), eb(sql`lower(u.display_name)`, 'like', pattern)]),
    );
  }
  if (filter.unitId) {
    const unitId = filter.unitId;
    query = query.where(sql<boolean>`home.path like (select path from org_unit where id = ${unitId}) || '%'`);
  }
  if (filter.role) {
    const role = filter.role;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('role_assignment as ra').select('ra.id').whereRef('ra.user_id', '=', 'u.id').where('ra.role', '=', role)),
    );
  }
  if (filter.active) query = query.where('u.active', '=', filter.active === 'true');
  const [rows, count] = await Promise.all([
    query.select(userColumns).orderBy('u.display_name').orderBy('u.username').limit(filter.limit).offset(filter.offset).execute(),
    query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

export async function rolesOf(db: DbOrTrx, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('role_assignment as ra')
    .innerJoin('org_unit as ou', 'ou.id', 'ra.unit_id')
    .select(['ra.id', 'ra.user_id', 'ra.role', 'ra.unit_id', 'ou.name as unit_name', 'ou.path as unit_path'])
    .where('ra.user_id', 'in', userIds)
    .orderBy('ra.role')
    .orderBy('ou.name')
    .execute();
}

export async function usernameTaken(db: DbOrTrx, username: string) {
  return (await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst()) !== undefined;
}

export async function insertUser(
  db: DbOrTrx,
  user: { username: string; displayName: string; email: string | null; homeUnitId: string; passwordHash: string },
) {
  return db
    .insertInto('app_user')
    .values({
      username: user.username,
      display_name: user.displayName,
      email: user.email,
      home_unit_id: user.homeUnitId,
      password_hash: user.passwordHash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateUser(
  db: DbOrTrx,
  id: string,
  changes: { display_name?: string; email?: string | null; home_unit_id?: string; active?: boolean },
) {
  await db
    .updateTable('app_user')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function setPassword(db: DbOrTrx, id: string, passwordHash: string) {
  await db
    .updateTable('app_user')
    .set({ password_hash: passwordHash, password_changed_at: new Date(), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function clearTotp(db: DbOrTrx, id: string) {
  await db
    .updateTable('app_user')
    .set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function insertRole(db: DbOrTrx, userId: string, role: Role, unitId: string, grantedBy: string) {
  return db
    .insertInto('role_assignment')
    .values({ user_id: userId, role, unit_id: unitId, granted_by: grantedBy })
    .onConflict((oc) => oc.columns(['user_id', 'role', 'unit_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

export async function findRole(db: DbOrTrx, userId: string, assignmentId: string) {
  return db
    .selectFrom('role_assignment as ra')
    .innerJoin('org_unit as ou', 'ou.id', 'ra.unit_id')
    .select(['ra.id', 'ra.role', 'ra.unit_id', 'ou.path as unit_path'])
    .where('ra.id', '=', assignmentId)
    .where('ra.user_id', '=', userId)
    .executeTakeFirst();
}

export async function deleteRole(db: DbOrTrx, assignmentId: string) {
  await db.deleteFrom('role_assignment').where('id', '=', assignmentId).execute();
}

export async function listActiveSessions(db: DbOrTrx, userId: string) {
  return db
    .selectFrom('user_session')
    .select(['id', 'created_at', 'last_seen_at', 'absolute_expires_at', 'ip', 'user_agent', 'mfa'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('login_complete', '=', true)
    .where('absolute_expires_at', '>', new Date())
    .orderBy('last_seen_at', 'desc')
    .execute();
}

export async function findSession(db: DbOrTrx, sessionId: string) {
  return db
    .selectFrom('user_session as s')
    .select(['s.id', 's.user_id', 's.revoked_at'])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}
