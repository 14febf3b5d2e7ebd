import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { DatabaseHandle } from './db/database.js';
import { auditRoutes } from './modules/audit/routes.js';
import { auditPolicy } from './modules/audit/policy.js';
import { directoryPolicy } from './modules/directory/policy.js';
import { remindUnverifiedServices } from './modules/directory/service.js';
import { registerDirectoryPages } from './modules/directory/public-routes.js';
import { directoryRoutes } from './modules/directory/routes.js';
import { hsdsRoutes } from './modules/directory/hsds-routes.js';
import { directoryImportRoutes } from './modules/directory/import-routes.js';
import { authPolicy } from './modules/auth/policy.js';
import { authRoutes } from './modules/auth/routes.js';
import { healthRoutes } from './modules/health/routes.js';
import { organizationsPolicy } from './modules/organizations/policy.js';
import { organizationRoutes } from './modules/organizations/routes.js';
import { plansPolicy } from './modules/plans/policy.js';
import { planRoutes } from './modules/plans/routes.js';
import { usersPolicy } from './modules/users/policy.js';
import { userRoutes } from './modules/users/routes.js';
import type { Config } from './platform/config.js';
import type { RequestContext } from './platform/context.js';
import { makeErrorHandler } from './platform/error-handler.js';
import { defineRoute, mountRoutes, type AnyRoute } from './platform/http.js';
import { loggerOptions } from './platform/logger.js';
import { languageFrom, translate } from './platform/messages.js';
import { openApiDocument } from './platform/openapi.js';
import { PolicyEngine } from './platform/policy.js';
import { listenForAuthChanges } from './platform/auth-changes.js';
import { scheduleMaintenance } from './platform/maintenance.js';
import { securityHeaders } from './platform/security-headers.js';
import { SessionCache } from './platform/session-cache.js';

/** Each domain module contributes its routes and its policy rules; nothing else is registered by hand. */
export const modules = [
  { routes: healthRoutes, policy: {} },
  { routes: authRoutes, policy: authPolicy },
  { routes: organizationRoutes, policy: organizationsPolicy },
  { routes: userRoutes, policy: usersPolicy },
  { routes: auditRoutes, policy: auditPolicy },
  { routes: planRoutes, policy: plansPolicy },
  { routes: directoryRoutes, policy: directoryPolicy },
  // Open data (HSDS 3.0 API and export, public) and HSDS imports; the rules are in directoryPolicy.
  { routes: [...hsdsRoutes, ...directoryImportRoutes], policy: {} },
] as const;

export interface BuildAppOptions {
  config: Config;
  database: DatabaseHandle;
  /** Where log lines go (stdout unless given; tests read them). */
  logStream?: { write(line: string): void };
}

declare module 'fastify' {
  interface FastifyInstance {
    rusfag: {
      config: Config;
      database: DatabaseHandle;
      policy: PolicyEngine;
      routes: readonly AnyRoute[];
      sessionCache: SessionCache;
    };
  }
}

const defaultWebDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export async function buildApp({ config, database, logStream }: BuildAppOptions): Promise<FastifyInstance> {
  // Request ids: a random prefix per process and a counter — unique across servers, and cheaper
  // than a UUID per request.
  const processPrefix = randomBytes(6).toString('hex');
  let requestCounter = 0;
  const app = Fastify({
    logger: loggerOptions(config, logStream),
    genReqId: () => `${processPrefix}-${(++requestCounter).toString(36)}`,
    requestIdHeader: false,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Malformed URLs ('/api/x/%zz') are refused before routing; answer them in the error format too.
    frameworkErrors: (error, req, reply) => {
      const lang = languageFrom(req.headers['accept-language']);
      void (reply as FastifyReply).code(400).send({ error: { code: 'bad_request', message: translate(lang, 'bad_request') } });
      req.log.debug({ code: error.code }, 'framework error');
    },
  });

  await app.register(cookie);
  const headers = securityHeaders(config);
  app.addHook('onRequest', async (req, reply) => {
    const isApi = req.url.startsWith('/api/') || req.url.startsWith('/hsds/') || req.url === '/healthz' || req.url === '/readyz';
    void reply.headers(isApi ? headers.api : headers.page);
  });
  await app.register(rateLimit, { global: false, keyGenerator: (req) => req.ip });

  const sessionCache = new SessionCache(config.sessionCacheSeconds * 1000);
  const stopListening = await listenForAuthChanges(database, sessionCache, app.log);
  app.addHook('onClose', async () => stopListening());
  scheduleMaintenance(app, database.db, [remindUnverifiedServices]);

  const policy = new PolicyEngine(modules.map((m) => m.policy));
  const openApiRoute = defineRoute({
    method: 'GET',
    url: '/api/openapi.json',
    summary: 'OpenAPI-beskrivelse av API-et',
    access: { kind: 'public' },
    response: z.record(z.string(), z.unknown()),
    handler: async () => openApiDocument(routes),
  });
  const routes: AnyRoute[] = [...modules.flatMap((m) => m.routes as readonly AnyRoute[]), openApiRoute];

  app.decorate('rusfag', { config, database, policy, routes, sessionCache });
  app.setErrorHandler(makeErrorHandler(database));

  const makeContext = (req: FastifyRequest): RequestContext => ({
    requestId: req.id,
    ip: req.ip,
    userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null,
    lang: languageFrom(req.headers['accept-language']),
    config,
    db: database.db,
    database,
    policy,
    session: null,
    actor: null,
  });
  mountRoutes(app, routes, makeContext, sessionCache, config.loginRateLimitPerMinute);
  await registerDirectoryPages(app, config, database);

  const webDist = config.webDistDir ? path.resolve(config.webDistDir) : defaultWebDist;
  const hasWeb = existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: true,
      index: ['index.html'],
      maxAge: '1h',
      // The page itself must be fetched anew, or a browser keeps asking for assets of an old build.
      setHeaders: (reply, filePath) => {
        if (filePath.endsWith('.html')) void reply.header('cache-control', 'no-cache');
      },
    });
  }

  app.setNotFoundHandler(async (req, reply) => {
    const isApi = req.url.startsWith('/api/') || req.url === '/api' || req.url.startsWith('/hsds');
    // A missing script or stylesheet must be a 404, not the page (which the browser cannot run).
    const isAsset = req.url.startsWith('/assets/') || /\.[a-z0-9]{1,5}(\?|$)/i.test(req.url);
    const wantsPage = (req.method === 'GET' || req.method === 'HEAD') && !isApi && !isAsset;
    if (wantsPage && hasWeb) {
      // The web app routes in the browser; it shows its own 404 page for unknown paths.
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html');
    }
    const lang = languageFrom(req.headers['accept-language']);
    return reply.code(404).send({ error: { code: 'route_not_found', message: translate(lang, 'route_not_found') } });
  });

  return app;
}
