import {
  ChangePasswordRequest,
  CsrfResponse,
  LoginRequest,
  LoginResponse,
  LoginState,
  MeResponse,
  OkResponse,
  TotpEnrolmentResponse,
  TotpRequest,
} from '@rusfag/core';
import { defineRoute } from '../../platform/http.js';
import * as service from './service.js';


export const authRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/auth/csrf',
    summary: 'CSRF-token for nettleseren (før og etter innlogging)',
    access: { kind: 'public' },
    response: CsrfResponse,
    handler: async (_input, ctx, reply) => ({ csrfToken: service.csrfToken(ctx, reply.request, reply) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/auth/session',
    summary: 'Hvor innloggingen står (etter en omlasting midt i innloggingen)',
    access: { kind: 'public' },
    response: LoginState,
    handler: async (_input, _ctx, reply) => service.loginState(reply.request.rusfagSession ?? null),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/login',
    summary: 'Logg inn med brukernavn og passord',
    access: { kind: 'public' },
    body: LoginRequest,
    response: LoginResponse,
    // Guessing is slowed per address here and per (username, address) in the service.
    rateLimit: 'login',
    handler: async ({ body }, ctx, reply) => service.login(ctx, body, reply.request, reply),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/totp',
    summary: 'Bekreft innloggingen med en TOTP-kode',
    access: { kind: 'pending' },
    body: TotpRequest,
    response: LoginResponse,
    // Guessing is slowed per address here and per (username, address) in the service.
    rateLimit: 'login',
    handler: async ({ body }, ctx, reply) => service.verifyTotpStep(ctx, body.code, reply),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/auth/totp/enrolment',
    summary: 'Start oppsett av tofaktorautentisering (hemmelighet og QR-kode)',
    access: { kind: 'pending' },
    response: TotpEnrolmentResponse,
    handler: async (_input, ctx) => service.startTotpEnrolment(ctx),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/totp/enrolment',
    summary: 'Fullfør oppsett av tofaktorautentisering med første kode',
    access: { kind: 'pending' },
    body: TotpRequest,
    response: LoginResponse,
    // Guessing is slowed per address here and per (username, address) in the service.
    rateLimit: 'login',
    handler: async ({ body }, ctx, reply) => service.confirmTotpEnrolment(ctx, body.code, reply),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/logout',
    summary: 'Logg ut',
    access: { kind: 'public' },
    response: OkResponse,
    handler: async (_input, ctx, reply) => {
      await service.logout({ ...ctx, session: reply.request.rusfagSession ?? null }, reply);
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/me',
    summary: 'Den innloggede brukeren, roller, tillatelser og økt',
    access: { kind: 'session', action: 'self.read' },
    response: MeResponse,
    handler: async (_input, ctx, reply) => service.me(ctx, reply.request, reply),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/me/password',
    summary: 'Bytt eget passord',
    access: { kind: 'session', action: 'self.changePassword' },
    body: ChangePasswordRequest,
    response: OkResponse,
    handler: async ({ body }, ctx) => {
      await service.changePassword(ctx, body);
      return { ok: true as const };
    },
  }),
];
