import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from './config.js';
import { newPreSessionValue } from './csrf.js';

// Behind https the session cookie carries the __Host- prefix: the browser then insists on
// Secure, Path=/ and no Domain, so a sibling subdomain cannot plant or read it.
const SESSION = 'rusfag_session';
const SESSION_SECURE = '__Host-rusfag_session';
const PRE_SESSION = 'rusfag_pre';
const PRE_SESSION_SECURE = '__Host-rusfag_pre';

function names(config: Pick<Config, 'secureCookies'>) {
  return config.secureCookies
    ? { session: SESSION_SECURE, pre: PRE_SESSION_SECURE }
    : { session: SESSION, pre: PRE_SESSION };
}

export function readSessionToken(req: FastifyRequest): string | undefined {
  return req.cookies[SESSION_SECURE] ?? req.cookies[SESSION] ?? undefined;
}

export function readPreSession(req: FastifyRequest): string | undefined {
  return req.cookies[PRE_SESSION_SECURE] ?? req.cookies[PRE_SESSION] ?? undefined;
}

const base = (config: Pick<Config, 'secureCookies'>) =>
  ({ path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies }) as const;

/** The session cookie lives as long as the absolute lifetime; the server enforces idle time. */
export function setSessionCookie(reply: FastifyReply, config: Config, token: string, expires: Date): void {
  reply.setCookie(names(config).session, token, { ...base(config), expires });
}

export function clearSessionCookie(reply: FastifyReply, config: Pick<Config, 'secureCookies'>): void {
  reply.clearCookie(names(config).session, base(config));
}

/**
 * A dead session cookie is cleared in the answer and forgotten for the rest of the request, so that
 * a CSRF token made now binds to the pre-session cookie the browser will still have afterwards.
 */
export function forgetSessionCookie(req: FastifyRequest, reply: FastifyReply, config: Pick<Config, 'secureCookies'>): void {
  clearSessionCookie(reply, config);
  delete req.cookies[SESSION];
  delete req.cookies[SESSION_SECURE];
}

/** Before login, CSRF tokens bind to a random per-browser value held in this cookie. */
export function ensurePreSession(req: FastifyRequest, reply: FastifyReply, config: Config): string {
  const existing = readPreSession(req);
  if (existing && /^[A-Za-z0-9_-]{20,64}$/.test(existing)) return existing;
  const value = newPreSessionValue();
  reply.setCookie(names(config).pre, value, { ...base(config), maxAge: 12 * 3600 });
  // Make it visible to the rest of this request too.
  req.cookies[names(config).pre] = value;
  return value;
}
