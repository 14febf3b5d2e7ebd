import {
  checkPassword,
  requiresTotp,
  type ChangePasswordRequest,
  type LoginRequest,
  type LoginResponse,
  type LoginState,
  type LoginStep,
  type MeResponse,
  type TotpEnrolmentResponse,
} from '@rusfag/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { audit, inTransaction, type ActorContext, type RequestContext } from '../../platform/context.js';
import { clearSessionCookie, ensurePreSession, readSessionToken, setSessionCookie } from '../../platform/cookies.js';
import { csrfTokenFor } from '../../platform/csrf.js';
import { AppError, fieldError, unauthenticated } from '../../platform/errors.js';
import { hashPassword, verifyPassword } from '../../platform/password.js';
import {
  createSession,
  hashToken,
  PENDING_SESSION_SECONDS,
  revokeSession,
  revokeUserSessions,
  type LoadedSession,
} from '../../platform/sessions.js';
import { generateTotpSecret, totpQrSvg, totpUri, verifyTotp } from '../../platform/totp.js';
import * as repo from './repository.js';

export function loginState(session: LoadedSession | null): LoginState {
  if (!session) return { step: 'none' };
  if (session.loginComplete) return { step: 'done' };
  return { step: session.totpEnrolled ? 'totp' : 'totp_enrolment' };
}

/** The CSRF token for the current browser: bound to its session cookie, or to a pre-session cookie. */
export function csrfToken(ctx: RequestContext, req: FastifyRequest, reply: FastifyReply): string {
  const binding = readSessionToken(req) ?? ensurePreSession(req, reply, ctx.config);
  return csrfTokenFor(ctx.config.sessionSecret, binding);
}

function lockedError(lockedUntil: Date): AppError {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - Date.now()) / 60_000));
  return new AppError(429, 'account_locked', undefined, { minutes });
}

/**
 * Password step. Failures are counted per username and client address (not per account alone),
 * so someone guessing from one address cannot lock the real user out from another.
 */
export async function login(
  ctx: RequestContext,
  input: LoginRequest,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<LoginResponse> {
  const username = input.username.trim().toLowerCase();
  const attempt = await repo.findLoginAttempt(ctx.db, username, ctx.ip);
  if (attempt?.locked_until && attempt.locked_until.getTime() > Date.now()) {
    await audit(ctx, ctx.db, { action: 'auth.login', outcome: 'failure', details: { username, reason: 'locked' } });
    throw lockedError(attempt.locked_until);
  }

  const user = await repo.findUserForLogin(ctx.db, username);
  const passwordOk = await verifyPassword(user?.active ? user.password_hash : null, input.password);
  if (!user || !user.active || !passwordOk) {
    const failure = await inTransaction(ctx, async (trx) => {
      const counted = await repo.registerFailedAttempt(
        trx,
        username,
        ctx.ip,
        ctx.config.loginMaxFailures,
        ctx.config.loginLockoutSeconds,
      );
      await audit(ctx, trx, {
        action: 'auth.login',
        outcome: 'failure',
        ...(user ? { resourceType: 'user', resourceId: user.id } : {}),
        details: { username, reason: user?.active === false ? 'inactive' : 'credentials', failures: counted.failures },
      });
      return counted;
    });
    if (failure.lockedUntil) throw lockedError(failure.lockedUntil);
    throw new AppError(401, 'invalid_credentials');
  }

  const roles = await repo.rolesOfUser(ctx.db, user.id);
  const step: LoginStep = user.totp_enabled_at ? 'totp' : requiresTotp(roles) ? 'totp_enrolment' : 'done';
  const token = await inTransaction(ctx, async (trx) => {
    await repo.clearFailedAttempts(trx, username, ctx.ip);
    // A new session id at every login: a session planted before login is never upgraded.
    const previous = readSessionToken(req);
    if (previous) {
      await trx
        .updateTable('user_session')
        .set({ revoked_at: new Date(), revoked_reason: 'logout' })
        .where('token_hash', '=', hashToken(previous))
        .where('revoked_at', 'is', null)
        .execute();
    }
    const created = await createSession(trx, {
      userId: user.id,
      loginComplete: step === 'done',
      mfa: false,
      lifetimeSeconds: step === 'done' ? ctx.config.sessionAbsoluteSeconds : PENDING_SESSION_SECONDS,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
    if (step === 'done') await repo.markLoggedIn(trx, user.id);
    await audit(ctx, trx, { action: 'auth.login', resourceType: 'user', resourceId: user.id, details: { step } }, user.id);
    return created;
  });
  setSessionCookie(reply, ctx.config, token.token, token.absoluteExpiresAt);
  return { step, csrfToken: csrfTokenFor(ctx.config.sessionSecret, token.token) };
}

function pendingSession(ctx: RequestContext): LoadedSession {
  if (!ctx.session) throw unauthenticated();
  return ctx.session;
}

/** Replaces the password-only session with a complete one (new id), after a valid TOTP code. */
async function completeLogin(
  ctx: RequestContext,
  session: LoadedSession,
  reply: FastifyReply,
  action: 'auth.totp' | 'auth.totpEnrol',
  step: number,
  enable: boolean,
): Promise<LoginResponse> {
  const token = await inTransaction(ctx, async (trx) => {
    const accepted = await repo.acceptTotpStep(trx, session.userId, step, enable);
    if (!accepted) return null;
    await revokeSession(trx, session.id, 'step_completed');
    const created = await createSession(trx, {
      userId: session.userId,
      loginComplete: true,
      mfa: true,
      lifetimeSeconds: ctx.config.sessionAbsoluteSeconds,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
    await repo.markLoggedIn(trx, session.userId);
    await audit(ctx, trx, { action, resourceType: 'user', resourceId: session.userId });
    return created;
  });
  if (!token) return totpFailure(ctx, session, action, 'replay');
  setSessionCookie(reply, ctx.config, token.token, token.absoluteExpiresAt);
  return { step: 'done', csrfToken: csrfTokenFor(ctx.config.sessionSecret, token.token) };
}

/** A wrong code counts as a failed login for the pair (username, address), like a wrong password. */
async function totpFailure(ctx: RequestContext, session: LoadedSession, action: string, reason: string): Promise<never> {
  const failure = await inTransaction(ctx, async (trx) => {
    const counted = await repo.registerFailedAttempt(
      trx,
      session.actor.username,
      ctx.ip,
      ctx.config.loginMaxFailures,
      ctx.config.loginLockoutSeconds,
    );
    if (counted.lockedUntil) await revokeSession(trx, session.id, 'logout');
    await audit(ctx, trx, {
      action,
      outcome: 'failure',
      resourceType: 'user',
      resourceId: session.userId,
      details: { reason, failures: counted.failures },
    });
    return counted;
  });
  if (failure.lockedUntil) throw lockedError(failure.lockedUntil);
  throw new AppError(400, 'totp_invalid');
}

async function assertNotLocked(ctx: RequestContext, session: LoadedSession): Promise<void> {
  const attempt = await repo.findLoginAttempt(ctx.db, session.actor.username, ctx.ip);
  if (attempt?.locked_until && attempt.locked_until.getTime() > Date.now()) throw lockedError(attempt.locked_until);
}

export async function verifyTotpStep(ctx: RequestContext, code: string, reply: FastifyReply): Promise<LoginResponse> {
  const session = pendingSession(ctx);
  if (session.loginComplete) throw new AppError(409, 'totp_not_pending');
  await assertNotLocked(ctx, session);
  const user = await repo.findUserById(ctx.db, session.userId);
  if (!user?.totp_secret || !user.totp_enabled_at) throw new AppError(409, 'totp_enrolment_required');
  const step = verifyTotp(user.totp_secret, code);
  if (step === null) return totpFailure(ctx, session, 'auth.totp', 'code');
  return completeLogin(ctx, session, reply, 'auth.totp', step, false);
}

/** Starts (or shows again) TOTP enrolment: a new secret is kept until the first code confirms it. */
export async function startTotpEnrolment(ctx: RequestContext): Promise<TotpEnrolmentResponse> {
  const session = pendingSession(ctx);
  const user = await repo.findUserById(ctx.db, session.userId);
  if (!user) throw unauthenticated();
  if (user.totp_enabled_at) throw new AppError(409, 'totp_already_enrolled');
  let secret = user.totp_secret;
  if (!secret) {
    secret = generateTotpSecret();
    await inTransaction(ctx, async (trx) => {
      await repo.storePendingTotpSecret(trx, user.id, secret!);
      await audit(ctx, trx, { action: 'auth.totpEnrolStart', resourceType: 'user', resourceId: user.id });
    });
  }
  const uri = totpUri(secret, user.username);
  return { secret, otpauthUri: uri, qrSvg: await totpQrSvg(uri) };
}

export async function confirmTotpEnrolment(ctx: RequestContext, code: string, reply: FastifyReply): Promise<LoginResponse> {
  const session = pendingSession(ctx);
  await assertNotLocked(ctx, session);
  const user = await repo.findUserById(ctx.db, session.userId);
  if (!user) throw unauthenticated();
  if (user.totp_enabled_at) throw new AppError(409, 'totp_already_enrolled');
  if (!user.totp_secret) throw new AppError(409, 'totp_not_pending');
  const step = verifyTotp(user.totp_secret, code);
  if (step === null) return totpFailure(ctx, session, 'auth.totpEnrol', 'code');
  return completeLogin(ctx, session, reply, 'auth.totpEnrol', step, true);
}

export async function logout(ctx: RequestContext, reply: FastifyReply): Promise<void> {
  if (ctx.session) {
    const session = ctx.session;
    await inTransaction(ctx, async (trx) => {
      await revokeSession(trx, session.id, 'logout');
      await audit(ctx, trx, { action: 'auth.logout', resourceType: 'user', resourceId: session.userId });
    });
  }
  clearSessionCookie(reply, ctx.config);
}

/** Answered from the session alone (it carries the profile): no further database round trip. */
export function me(ctx: ActorContext, req: FastifyRequest, reply: FastifyReply): MeResponse {
  const { session, actor } = ctx;
  const idleExpires = new Date(
    Math.min(session.lastSeenAt.getTime() + ctx.config.sessionIdleSeconds * 1000, session.absoluteExpiresAt.getTime()),
  );
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      homeUnit: { id: actor.homeUnitId, name: session.homeUnitName, districtName: session.districtName },
      totpEnrolled: session.totpEnrolled,
    },
    roles: actor.grants.map((g) => ({ role: g.role, unitId: g.unitId, unitName: g.unitName })),
    permissions: ctx.policy.permissions(actor),
    csrfToken: csrfToken(ctx, req, reply),
    session: {
      idleExpiresAt: idleExpires.toISOString(),
      absoluteExpiresAt: session.absoluteExpiresAt.toISOString(),
      idleTimeoutSeconds: ctx.config.sessionIdleSeconds,
    },
  };
}

export async function changePassword(ctx: ActorContext, input: ChangePasswordRequest): Promise<void> {
  const user = await repo.findUserById(ctx.db, ctx.actor.userId);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    await audit(ctx, ctx.db, { action: 'self.changePassword', outcome: 'failure', resourceType: 'user', resourceId: ctx.actor.userId });
    throw fieldError('currentPassword', 'password_wrong_current');
  }
  const problem = checkPassword(input.newPassword, user.username);
  if (problem) throw fieldError('newPassword', `password_${problem}`);
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (trx) => {
    await repo.updatePasswordHash(trx, user.id, passwordHash);
    // Other sessions may belong to whoever knew the old password.
    const revoked = await revokeUserSessions(trx, user.id, 'password_changed', ctx.session.id);
    await audit(ctx, trx, {
      action: 'self.changePassword',
      resourceType: 'user',
      resourceId: user.id,
      details: { revokedSessions: revoked },
    });
  });
}
