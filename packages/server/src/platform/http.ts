import type { Action } from '@rusfag/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ActorContext, RequestContext } from './context.js';
import { AppError, unauthenticated } from './errors.js';
import { AccessDenied } from './policy.js';
import { CSRF_HEADER, csrfTokenMatches } from './csrf.js';
import type { SessionCache } from './session-cache.js';
import { lookupSession, touchSession, type LoadedSession } from './sessions.js';
import { parseOrThrow } from './validation.js';
import { forgetSessionCookie, readPreSession, readSessionToken } from './cookies.js';

/**
 * Routes are declared as data: method, URL, who may call it, and the zod schemas of what goes in
 * and out. `mountRoutes` turns them into Fastify routes with one fixed pipeline:
 *
 *   session → authentication → CSRF → validation → route-level authorisation → handler → response schema
 *
 * so no route can forget a step. The same declarations feed the OpenAPI document and the
 * policy-matrix test.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call the route at all. Record-level checks happen in the service with `authorize()`. */
export type RouteAccess =
  /** Anyone, also without a session (login, health, public pages). */
  | { kind: 'public' }
  /** A session that has done the password step but may still owe a TOTP code. */
  | { kind: 'pending' }
  /** A full session whose actor may do `action` somewhere (else 403). */
  | { kind: 'session'; action: Action };

type ContextFor<A extends RouteAccess> = A extends { kind: 'session' } ? ActorContext : RequestContext;

export interface RouteSpec<
  A extends RouteAccess = RouteAccess,
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: Method;
  url: string;
  summary: string;
  access: A;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** Success status; 200 unless stated. */
  status?: number;
  /** 'login': LOGIN_RATE_LIMIT_PER_MINUTE per client address. */
  rateLimit?: 'login';
  /**
   * A file download (Word, PDF, Excel, CSV): the handler returns a `FileResponse`, which is sent
   * as is with its content type and file name instead of being checked against `response`.
   */
  file?: true;
  /** A larger body than the default 1 MB (imports of whole plans). */
  bodyLimit?: number;
  /**
   * 'types': the answer is built field by field by the service (nothing extra can leak) and is
   * large (a plan tree of thousands of items), so it is not parsed again at run time in
   * production; the compiler checks it against the schema, and the tests parse it.
   */
  responseCheck?: 'types';
  handler: (
    input: { params: z.output<P>; query: z.output<Q>; body: z.output<B> },
    ctx: ContextFor<A>,
    reply: FastifyReply,
  ) => Promise<z.input<R>>;
}

export type AnyRoute = RouteSpec<any, any, any, any, any>;

/** What a `file` route returns. */
export const FileResponse = z.object({
  body: z.instanceof(Buffer),
  contentType: z.string(),
  fileName: z.string(),
});
export type FileResponse = z.infer<typeof FileResponse>;

/** `attachment; filename=…` with a plain ASCII fallback and the full name in UTF-8 (RFC 6266). */
function contentDisposition(fileName: string): string {
  const ascii =
    fileName
      .replace(/[æÆ]/g, (c) => (c === 'æ' ? 'ae' : 'Ae'))
      .replace(/[øØ]/g, (c) => (c === 'ø' ? 'o' : 'O'))
      .replace(/[–—]/g, '-')
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '_') || 'fil';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function defineRoute<
  A extends RouteAccess,
  P extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
  R extends z.ZodType = z.ZodType,
>(spec: RouteSpec<A, P, Q, B, R>): RouteSpec<A, P, Q, B, R> {
  return spec;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Under test every answer is parsed against its schema, also those marked responseCheck: 'types'. */
const CHECK_ALL_RESPONSES = Boolean(process.env.VITEST);

declare module 'fastify' {
  interface FastifyRequest {
    /** Set once the session is read, so logs and the error handler can name the actor by id. */
    rusfagSession?: LoadedSession | null;
    rusfagContext?: RequestContext;
  }
}

export type ContextFactory = (req: FastifyRequest, session: LoadedSession | null) => RequestContext;

async function resolveSession(req: FastifyRequest, reply: FastifyReply, base: RequestContext, cache: SessionCache) {
  const token = readSessionToken(req);
  if (!token) return { session: null, expired: false };
  const lookup = await lookupSession(base.db, token, base.config.sessionIdleSeconds, cache);
  if (lookup.state === 'valid') return { session: await touchSession(base.db, lookup.session, cache), expired: false };
  // A dead cookie is removed so the browser stops sending it.
  forgetSessionCookie(req, reply, base.config);
  return { session: null, expired: lookup.state === 'expired' };
}

export function mountRoutes(
  app: FastifyInstance,
  routes: readonly AnyRoute[],
  makeContext: ContextFactory,
  cache: SessionCache,
  loginRateLimit: number,
): void {
  for (const spec of routes) {
    app.route({
      method: spec.method,
      url: spec.url,
      ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
      ...(spec.rateLimit === 'login'
        ? { config: { rateLimit: { max: loginRateLimit, timeWindow: 60_000 } } }
        : {}),
      handler: async (req, reply) => {
        const base = makeContext(req, null);
        const { session, expired } = await resolveSession(req, reply, base, cache);
        req.rusfagSession = session;
        const fullSession = session?.loginComplete ? session : null;
        const ctx: RequestContext = {
          ...base,
          session: spec.access.kind === 'pending' ? session : fullSession,
          actor: spec.access.kind === 'pending' ? (session?.actor ?? null) : (fullSession?.actor ?? null),
        };
        req.rusfagContext = ctx;

        if (spec.access.kind === 'pending' && !session) throw unauthenticated(expired ? 'session_expired' : 'unauthenticated');
        if (spec.access.kind === 'session' && !fullSession) {
          throw unauthenticated(expired ? 'session_expired' : 'unauthenticated');
        }

        if (UNSAFE.has(spec.method)) {
          const binding = readSessionToken(req) ?? readPreSession(req);
          const header = req.headers[CSRF_HEADER];
          if (!binding || !csrfTokenMatches(ctx.config.sessionSecret, binding, typeof header === 'string' ? header : undefined)) {
            throw new AppError(403, 'csrf_invalid');
          }
        }

        const params = spec.params ? parseOrThrow(spec.params, req.params, 'params') : undefined;
        const query = spec.query ? parseOrThrow(spec.query, req.query, 'query') : undefined;
        const body = spec.body ? parseOrThrow(spec.body, req.body ?? {}, 'body') : undefined;

        if (spec.access.kind === 'session') {
          const actorCtx = ctx as ActorContext;
          if (!ctx.policy.canAtAll(actorCtx.actor, spec.access.action)) throw new AccessDenied(403, spec.access.action);
        }

        let result: unknown;
        try {
          result = await spec.handler({ params, query, body }, ctx as never, reply);
        } finally {
          // A change may have ended a session or changed a role: this server forgets what it
          // cached before answering (other servers hear it from the database; ADR 0006).
          if (UNSAFE.has(spec.method)) cache.clear();
        }
        if (spec.file) {
          const file = FileResponse.parse(result);
          reply.header('content-type', file.contentType).header('content-disposition', contentDisposition(file.fileName));
          reply.code(spec.status ?? 200);
          return file.body;
        }
        // The response schema is the contract: unknown fields are stripped, a mismatch is a bug (500).
        const output = spec.responseCheck === 'types' && !CHECK_ALL_RESPONSES ? result : spec.response.parse(result);
        reply.code(spec.status ?? 200);
        return output;
      },
    });
  }
}
