import type { Action, Language } from '@rusfag/core';
import type { Kysely, Transaction } from 'kysely';
import type { DatabaseHandle } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { recordAudit, type AuditEntry, type AuditMeta } from './audit.js';
import type { Config } from './config.js';
import type { Actor, PolicyEngine, ResourceScope } from './policy.js';
import type { LoadedSession } from './sessions.js';

export type Trx = Transaction<Database>;
export type DbOrTrx = Kysely<Database>;

/** What every handler and service gets: who asks, from where, in which language, and the database. */
export interface RequestContext {
  readonly requestId: string;
  readonly ip: string;
  readonly userAgent: string | null;
  readonly lang: Language;
  readonly config: Config;
  readonly db: Kysely<Database>;
  readonly database: DatabaseHandle;
  readonly policy: PolicyEngine;
  readonly session: LoadedSession | null;
  readonly actor: Actor | null;
}

/** The context of a route that requires a full (two-factor where needed) session. */
export interface ActorContext extends RequestContext {
  readonly session: LoadedSession;
  readonly actor: Actor;
}

export function auditMeta(ctx: RequestContext, actorUserId?: string): AuditMeta {
  return {
    actorUserId: actorUserId ?? ctx.actor?.userId ?? ctx.session?.userId ?? null,
    requestId: ctx.requestId,
    ip: ctx.ip,
  };
}

/**
 * Writes an audit event in the given transaction, with the request's actor, id and address.
 * `actorUserId` names the actor when the request has no session yet (the password step).
 */
export function audit(ctx: RequestContext, trx: DbOrTrx, entry: AuditEntry, actorUserId?: string): Promise<void> {
  return recordAudit(trx, auditMeta(ctx, actorUserId), entry);
}

/** Runs `fn` in one transaction: the change and its audit event commit together or not at all. */
export function inTransaction<T>(ctx: RequestContext, fn: (trx: Trx) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(fn);
}

export function authorize(ctx: ActorContext, action: Action, resource: ResourceScope | 'list'): void {
  ctx.policy.authorize(ctx.actor, action, resource);
}
