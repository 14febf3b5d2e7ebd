import {
  checkPassword,
  userActions,
  type CreateUserRequest,
  type RoleAssignmentInput,
  type SessionSummary,
  type UpdateUserRequest,
  type UserListQuery,
  type UserSummary,
} from '@rusfag/core';
import { audit, authorize, inTransaction, type ActorContext, type Trx } from '../../platform/context.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { hashPassword } from '../../platform/password.js';
import { AccessDenied } from '../../platform/policy.js';
import { revokeSession, revokeUserSessions } from '../../platform/sessions.js';
import { findUnitById } from '../organizations/service.js';
import * as repo from './repository.js';

type Roles = Awaited<ReturnType<typeof repo.rolesOf>>;
type UserAction = (typeof userActions)[number];

/** Looking at an account needs only its home unit in scope; changing it needs more (below). */
const READ_ACTIONS: ReadonlySet<UserAction> = new Set(['user.list', 'user.read', 'session.list']);

/**
 * May the actor do `action` to this account? The home unit must lie in the actor's subtree, and
 * for changes every role the account holds must too: otherwise a district admin could reset the
 * password of a city-wide admin who happens to work in the district, and take that account over.
 */
function mayActOn(ctx: ActorContext, action: UserAction, homePath: string, grantPaths: readonly string[]): boolean {
  if (!ctx.policy.can(ctx.actor, action, { unitPaths: [homePath] })) return false;
  return READ_ACTIONS.has(action) || grantPaths.every((path) => ctx.policy.can(ctx.actor, action, { unitPaths: [path] }));
}

function present(ctx: ActorContext, row: repo.UserRow, roles: Roles): UserSummary {
  const own = roles.filter((r) => r.user_id === row.id);
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    homeUnitId: row.home_unit_id,
    homeUnitName: row.home_unit_name,
    active: row.active,
    totpEnrolled: row.totp_enabled_at !== null,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    roles: own.map((r) => ({ id: r.id, role: r.role, unitId: r.unit_id, unitName: r.unit_name })),
    actions: userActions.filter((action) => mayActOn(ctx, action, row.home_unit_path, own.map((r) => r.unit_path))),
  };
}

/** Loads a user the actor may act on, or answers 404 (also when the user is outside their reach). */
async function loadUser(ctx: ActorContext, db: Trx | ActorContext['db'], id: string, action: UserAction) {
  const row = await repo.findUser(db, id);
  if (!row) throw notFound();
  authorize(ctx, action, { unitPaths: [row.home_unit_path] });
  if (!READ_ACTIONS.has(action)) {
    const grants = await repo.rolesOf(db, [id]);
    if (!mayActOn(ctx, action, row.home_unit_path, grants.map((g) => g.unit_path))) throw new AccessDenied(404, action);
  }
  return row;
}

/**
 * A unit named in a request must exist, be active and lie within the admin's subtree for this
 * action; a unit outside it is answered like a missing one (404), as for any record out of scope.
 */
async function unitInScope(ctx: ActorContext, db: Trx, unitId: string, field: string, action: UserAction) {
  const unit = await findUnitById(db, unitId);
  if (!unit || !unit.active || !ctx.policy.can(ctx.actor, action, { unitPaths: [unit.path] })) {
    throw fieldError(field, 'unit_not_found', 404);
  }
  return unit;
}

function passwordProblem(password: string, username: string, field: string) {
  const problem = checkPassword(password, username);
  return problem ? fieldError(field, `password_${problem}`) : null;
}

export async function listUsers(ctx: ActorContext, query: UserListQuery) {
  const { rows, total } = await repo.listUsers(ctx.db, ctx.policy.listScope(ctx.actor, 'user.list'), query);
  const roles = await repo.rolesOf(ctx.db, rows.map((r) => r.id));
  return { users: rows.map((row) => present(ctx, row, roles)), total };
}

export async function getUser(ctx: ActorContext, id: string): Promise<UserSummary> {
  const row = await loadUser(ctx, ctx.db, id, 'user.read');
  return present(ctx, row, await repo.rolesOf(ctx.db, [id]));
}

export async function createUser(ctx: ActorContext, input: CreateUserRequest): Promise<UserSummary> {
  const weak = passwordProblem(input.password, input.username, 'password');
  if (weak) throw weak;
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (trx) => {
    await unitInScope(ctx, trx, input.homeUnitId, 'homeUnitId', 'user.create');
    for (const [index, grant] of input.roles.entries()) {
      await unitInScope(ctx, trx, grant.unitId, `roles.${index}.unitId`, 'user.assignRole');
    }
    if (await repo.usernameTaken(trx, input.username)) throw fieldError('username', 'username_taken', 409);
    const { id } = await repo.insertUser(trx, {
      username: input.username,
      displayName: input.displayName,
      email: input.email ?? null,
      homeUnitId: input.homeUnitId,
      passwordHash,
    });
    for (const grant of input.roles) await repo.insertRole(trx, id, grant.role, grant.unitId, ctx.actor.userId);
    await audit(ctx, trx, {
      action: 'user.create',
      resourceType: 'user',
      resourceId: id,
      details: { roles: input.roles },
    });
    const row = await repo.findUser(trx, id);
    return present(ctx, row!, await repo.rolesOf(trx, [id]));
  });
}

export async function updateUser(ctx: ActorContext, id: string, input: UpdateUserRequest): Promise<UserSummary> {
  return inTransaction(ctx, async (trx) => {
    const row = await loadUser(ctx, trx, id, 'user.update');
    if (input.homeUnitId) await unitInScope(ctx, trx, input.homeUnitId, 'homeUnitId', 'user.update');
    if (input.active === false && id === ctx.actor.userId) throw new AppError(409, 'cannot_change_self');
    await repo.updateUser(trx, id, {
      ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.homeUnitId !== undefined ? { home_unit_id: input.homeUnitId } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    });
    let revoked = 0;
    if (input.active === false && row.active) revoked = await revokeUserSessions(trx, id, 'user_disabled');
    await audit(ctx, trx, {
      action: 'user.update',
      resourceType: 'user',
      resourceId: id,
      details: { fields: Object.keys(input), revokedSessions: revoked },
    });
    return present(ctx, (await repo.findUser(trx, id))!, await repo.rolesOf(trx, [id]));
  });
}

export async function assignRole(ctx: ActorContext, id: string, input: RoleAssignmentInput): Promise<UserSummary> {
  return inTransaction(ctx, async (trx) => {
    await loadUser(ctx, trx, id, 'user.assignRole');
    await unitInScope(ctx, trx, input.unitId, 'unitId', 'user.assignRole');
    const inserted = await repo.insertRole(trx, id, input.role, input.unitId, ctx.actor.userId);
    if (!inserted) throw new AppError(409, 'role_already_assigned');
    await audit(ctx, trx, {
      action: 'user.assignRole',
      resourceType: 'user',
      resourceId: id,
      details: { assignmentId: inserted.id, role: input.role, unitId: input.unitId },
    });
    return present(ctx, (await repo.findUser(trx, id))!, await repo.rolesOf(trx, [id]));
  });
}

export async function revokeRole(ctx: ActorContext, id: string, assignmentId: string): Promise<UserSummary> {
  return inTransaction(ctx, async (trx) => {
    await loadUser(ctx, trx, id, 'user.revokeRole');
    const grant = await repo.findRole(trx, id, assignmentId);
    if (!grant) throw notFound();
    // An admin may only take away roles held in their own subtree.
    authorize(ctx, 'user.revokeRole', { unitPaths: [grant.unit_path] });
    if (id === ctx.actor.userId && grant.role === 'admin') throw new AppError(409, 'cannot_change_self');
    await repo.deleteRole(trx, assignmentId);
    await audit(ctx, trx, {
      action: 'user.revokeRole',
      resourceType: 'user',
      resourceId: id,
      details: { assignmentId, role: grant.role, unitId: grant.unit_id },
    });
    return present(ctx, (await repo.findUser(trx, id))!, await repo.rolesOf(trx, [id]));
  });
}

export async function resetPassword(ctx: ActorContext, id: string, password: string): Promise<void> {
  const row = await loadUser(ctx, ctx.db, id, 'user.resetPassword');
  const weak = passwordProblem(password, row.username, 'password');
  if (weak) throw weak;
  const passwordHash = await hashPassword(password);
  await inTransaction(ctx, async (trx) => {
    await repo.setPassword(trx, id, passwordHash);
    // An admin resetting their own account keeps the session they are using.
    const revoked = await revokeUserSessions(trx, id, 'password_changed', id === ctx.actor.userId ? ctx.session.id : undefined);
    await audit(ctx, trx, { action: 'user.resetPassword', resourceType: 'user', resourceId: id, details: { revokedSessions: revoked } });
  });
}

/** After a lost phone: the user enrols a new authenticator at the next login. */
export async function resetTotp(ctx: ActorContext, id: string): Promise<UserSummary> {
  return inTransaction(ctx, async (trx) => {
    await loadUser(ctx, trx, id, 'user.resetTotp');
    await repo.clearTotp(trx, id);
    const revoked = await revokeUserSessions(trx, id, 'totp_reset', id === ctx.actor.userId ? ctx.session.id : undefined);
    await audit(ctx, trx, { action: 'user.resetTotp', resourceType: 'user', resourceId: id, details: { revokedSessions: revoked } });
    return present(ctx, (await repo.findUser(trx, id))!, await repo.rolesOf(trx, [id]));
  });
}

export async function listSessions(ctx: ActorContext, id: string): Promise<SessionSummary[]> {
  await loadUser(ctx, ctx.db, id, 'session.list');
  const rows = await repo.listActiveSessions(ctx.db, id);
  const idleLimit = Date.now() - ctx.config.sessionIdleSeconds * 1000;
  return rows
    .filter((row) => row.last_seen_at.getTime() > idleLimit)
    .map((row) => ({
      id: row.id,
      createdAt: row.created_at.toISOString(),
      lastSeenAt: row.last_seen_at.toISOString(),
      absoluteExpiresAt: row.absolute_expires_at.toISOString(),
      ip: row.ip,
      userAgent: row.user_agent,
      mfa: row.mfa,
      current: row.id === ctx.session.id,
    }));
}

export async function revokeOneSession(ctx: ActorContext, sessionId: string): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const session = await repo.findSession(trx, sessionId);
    if (!session || session.revoked_at) throw notFound();
    await loadUser(ctx, trx, session.user_id, 'session.revoke');
    await revokeSession(trx, sessionId, 'admin');
    await audit(ctx, trx, { action: 'session.revoke', resourceType: 'user', resourceId: session.user_id, details: { sessionId } });
  });
}

export async function revokeAllSessions(ctx: ActorContext, id: string): Promise<number> {
  return inTransaction(ctx, async (trx) => {
    await loadUser(ctx, trx, id, 'session.revoke');
    const revoked = await revokeUserSessions(trx, id, 'admin', ctx.actor.userId === id ? ctx.session.id : undefined);
    await audit(ctx, trx, { action: 'session.revoke', resourceType: 'user', resourceId: id, details: { revoked } });
    return revoked;
  });
}
