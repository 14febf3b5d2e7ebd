import type { AuditEvent, AuditSearchQuery, AuditSearchResponse, AuditVerifyResponse } from '@rusfag/core';
import { audit, authorize, inTransaction, type ActorContext } from '../../platform/context.js';
import type { DbOrTrx } from '../../platform/context.js';
import * as repo from './repository.js';

/** Searching the access log is itself logged, with the filters used. */
export async function searchEvents(ctx: ActorContext, filter: AuditSearchQuery): Promise<AuditSearchResponse> {
  authorize(ctx, 'audit.search', 'list');
  return inTransaction(ctx, async (trx) => {
    const { rows, total } = await repo.searchEvents(trx, ctx.policy.listScope(ctx.actor, 'audit.search'), filter);
    const { limit, offset, ...criteria } = filter;
    await audit(ctx, trx, {
      action: 'audit.search',
      resourceType: 'audit_event',
      ...(filter.clientId ? { clientId: filter.clientId } : {}),
      details: { criteria, limit, offset, returned: rows.length },
    });
    const events: AuditEvent[] = rows.map((row) => ({
      id: row.id,
      occurredAt: row.occurred_at.toISOString(),
      actorUserId: row.actor_user_id,
      actorUsername: row.actor_username,
      action: row.action,
      resourceType: row.resource_type,
      resourceId: row.resource_id,
      clientId: row.client_id,
      basis: row.basis,
      reason: row.reason,
      requestId: row.request_id,
      ip: row.ip,
      outcome: row.outcome,
      details: row.details,
    }));
    return { events, total };
  });
}

export async function verify(ctx: ActorContext): Promise<AuditVerifyResponse> {
  authorize(ctx, 'audit.verify', 'list');
  const result = await repo.verifyChain(ctx.db);
  await audit(ctx, ctx.db, {
    action: 'audit.verify',
    outcome: result.firstBrokenId === null ? 'success' : 'failure',
    details: { checked: result.checked, firstBrokenId: result.firstBrokenId },
  });
  return { ok: result.firstBrokenId === null, checked: result.checked, firstBrokenId: result.firstBrokenId };
}

/** For the CLI: verification without a request. */
export function verifyChain(db: DbOrTrx) {
  return repo.verifyChain(db);
}
