import { z } from 'zod';

export const auditActions = ['audit.search', 'audit.verify'] as const;

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export const AuditOutcome = z.enum(AUDIT_OUTCOMES);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

export const AuditEvent = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  actorUserId: z.uuid().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  clientId: z.uuid().nullable(),
  basis: z.string().nullable(),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  outcome: AuditOutcome,
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

const DateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const AuditSearchQuery = z.object({
  from: DateOrDateTime.optional(),
  to: DateOrDateTime.optional(),
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(80).optional(),
  resourceType: z.string().trim().max(60).optional(),
  resourceId: z.string().trim().max(80).optional(),
  clientId: z.uuid().optional(),
  outcome: AuditOutcome.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type AuditSearchQuery = z.infer<typeof AuditSearchQuery>;

export const AuditSearchResponse = z.object({
  events: z.array(AuditEvent),
  total: z.number().int(),
});
export type AuditSearchResponse = z.infer<typeof AuditSearchResponse>;

export const AuditVerifyResponse = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** The first event whose hash or link to its predecessor does not match. */
  firstBrokenId: z.number().int().nullable(),
});
export type AuditVerifyResponse = z.infer<typeof AuditVerifyResponse>;
