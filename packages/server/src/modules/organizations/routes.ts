import { CreateOrgUnitRequest, IdParams, OrgUnit, OrgUnitList, UpdateOrgUnitRequest } from '@rusfag/core';
import { defineRoute } from '../../platform/http.js';
import * as service from './service.js';

export const organizationRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/organizations',
    summary: 'Organisasjonstreet: kommune, bydeler, etater og enheter',
    access: { kind: 'session', action: 'organization.read' },
    response: OrgUnitList,
    handler: async (_input, ctx) => ({ units: await service.listUnits(ctx) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/organizations/:id',
    summary: 'Én enhet',
    access: { kind: 'session', action: 'organization.read' },
    params: IdParams,
    response: OrgUnit,
    handler: async ({ params }, ctx) => service.getUnit(ctx, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/organizations',
    summary: 'Opprett en bydel, etat eller enhet',
    access: { kind: 'session', action: 'organization.create' },
    body: CreateOrgUnitRequest,
    response: OrgUnit,
    status: 201,
    handler: async ({ body }, ctx) => service.createUnit(ctx, body),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/organizations/:id',
    summary: 'Endre navn, kode eller aktiv-status for en enhet',
    access: { kind: 'session', action: 'organization.update' },
    params: IdParams,
    body: UpdateOrgUnitRequest,
    response: OrgUnit,
    handler: async ({ params, body }, ctx) => service.updateUnit(ctx, params.id, body),
  }),
];
