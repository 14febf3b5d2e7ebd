import {
  CreateUserRequest,
  IdParams,
  OkResponse,
  ResetPasswordRequest,
  RevokeSessionsResponse,
  RoleAssignmentInput,
  SessionList,
  UpdateUserRequest,
  UserList,
  UserListQuery,
  UserSummary,
} from '@rusfag/core';
import { z } from 'zod';
import { defineRoute } from '../../platform/http.js';
import * as service from './service.js';

const RoleParams = z.object({ id: z.uuid(), assignmentId: z.uuid() });

export const userRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/admin/users',
    summary: 'Brukere i administratorens område, med søk og filtre',
    access: { kind: 'session', action: 'user.list' },
    query: UserListQuery,
    response: UserList,
    handler: async ({ query }, ctx) => service.listUsers(ctx, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/admin/users',
    summary: 'Opprett en bruker med roller',
    access: { kind: 'session', action: 'user.create' },
    body: CreateUserRequest,
    response: UserSummary,
    status: 201,
    handler: async ({ body }, ctx) => service.createUser(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/admin/users/:id',
    summary: 'Én bruker',
    access: { kind: 'session', action: 'user.read' },
    params: IdParams,
    response: UserSummary,
    handler: async ({ params }, ctx) => service.getUser(ctx, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/admin/users/:id',
    summary: 'Endre navn, e-post, hjemmeenhet eller aktiv-status',
    access: { kind: 'session', action: 'user.update' },
    params: IdParams,
    body: UpdateUserRequest,
    response: UserSummary,
    handler: async ({ params, body }, ctx) => service.updateUser(ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/admin/users/:id/roles',
    summary: 'Gi brukeren en rolle ved en enhet',
    access: { kind: 'session', action: 'user.assignRole' },
    params: IdParams,
    body: RoleAssignmentInput,
    response: UserSummary,
    status: 201,
    handler: async ({ params, body }, ctx) => service.assignRole(ctx, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/admin/users/:id/roles/:assignmentId',
    summary: 'Fjern en rolle',
    access: { kind: 'session', action: 'user.revokeRole' },
    params: RoleParams,
    response: UserSummary,
    handler: async ({ params }, ctx) => service.revokeRole(ctx, params.id, params.assignmentId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/admin/users/:id/password',
    summary: 'Sett nytt passord (avslutter brukerens økter)',
    access: { kind: 'session', action: 'user.resetPassword' },
    params: IdParams,
    body: ResetPasswordRequest,
    response: OkResponse,
    handler: async ({ params, body }, ctx) => {
      await service.resetPassword(ctx, params.id, body.password);
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/admin/users/:id/totp-reset',
    summary: 'Nullstill tofaktorautentisering (ny registrering ved neste innlogging)',
    access: { kind: 'session', action: 'user.resetTotp' },
    params: IdParams,
    response: UserSummary,
    handler: async ({ params }, ctx) => service.resetTotp(ctx, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/admin/users/:id/sessions',
    summary: 'Brukerens aktive økter',
    access: { kind: 'session', action: 'session.list' },
    params: IdParams,
    response: SessionList,
    handler: async ({ params }, ctx) => ({ sessions: await service.listSessions(ctx, params.id) }),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/admin/users/:id/sessions',
    summary: 'Avslutt alle brukerens økter',
    access: { kind: 'session', action: 'session.revoke' },
    params: IdParams,
    response: RevokeSessionsResponse,
    handler: async ({ params }, ctx) => ({ revoked: await service.revokeAllSessions(ctx, params.id) }),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/admin/sessions/:id',
    summary: 'Avslutt én økt',
    access: { kind: 'session', action: 'session.revoke' },
    params: IdParams,
    response: OkResponse,
    handler: async ({ params }, ctx) => {
      await service.revokeOneSession(ctx, params.id);
      return { ok: true as const };
    },
  }),
];
