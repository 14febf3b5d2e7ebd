import type { AuditOutcome } from '@rusfag/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Writes one audit event. Call it with the transaction that makes the change (or reads the
 * client data), so the event exists exactly when the change does. The database assigns the id,
 * time and hash chain (see the foundation migration and docs/adr/0004-audit-log.md).
 */
export interface AuditEntry {
  action: string;
  outcome?: AuditOutcome;
  resourceType?: string;
  resourceId?: string;
  clientId?: string;
  /** Why access was allowed: 'care_team', 'emergency', 'admin' … */
  basis?: string;
  /** Free-text reason given by the user (emergency access); never written to application logs. */
  reason?: string;
  /** Ids and field names only, never personal data in clear text. */
  details?: Record<string, unknown>;
}

export interface AuditMeta {
  actorUserId: string | null;
  requestId: string | null;
  ip: string | null;
}

export async function recordAudit(db: Kysely<Database>, meta: AuditMeta, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      actor_user_id: meta.actorUserId,
      request_id: meta.requestId,
      ip: meta.ip,
      action: entry.action,
      outcome: entry.outcome ?? 'success',
      resource_type: entry.resourceType ?? null,
      resource_id: entry.resourceId ?? null,
      client_id: entry.clientId ?? null,
      basis: entry.basis ?? null,
      reason: entry.reason ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
    })
    .execute();
}
