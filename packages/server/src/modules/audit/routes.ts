import { AuditSearchQuery, AuditSearchResponse, AuditVerifyResponse } from '@rusfag/core';
import { defineRoute } from '../../platform/http.js';
import * as service from './service.js';

export const auditRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/audit/events',
    summary: 'Søk i tilgangsloggen (personvernombud)',
    access: { kind: 'session', action: 'audit.search' },
    query: AuditSearchQuery,
    response: AuditSearchResponse,
    handler: async ({ query }, ctx) => service.searchEvents(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/audit/verify',
    summary: 'Kontroller at tilgangsloggen er urørt (hash-kjeden)',
    access: { kind: 'session', action: 'audit.verify' },
    response: AuditVerifyResponse,
    handler: async (_input, ctx) => service.verify(ctx),
  }),
];
