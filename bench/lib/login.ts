import { DEMO_PASSWORD, demoTotpSecret } from '../../packages/server/src/demo/users.js';
import { currentTotpCode } from '../../packages/server/src/platform/totp.js';

/**
 * Logs in as a demo user through the real API, the way the web client does:
 *   GET /api/auth/csrf → POST /api/auth/login (x-csrf-token) → POST /api/auth/totp (x-csrf-token)
 * and returns the Cookie header of the finished session. The TOTP code comes from the demo
 * secret (derived from the username; demo mode only).
 */
export async function loginAsDemoUser(baseUrl: string, username: string, signal: AbortSignal): Promise<string> {
  return (await loginSession(baseUrl, username, signal)).cookie;
}

export interface DemoSession {
  /** The Cookie header of the finished session. */
  cookie: string;
  /** The session's CSRF token, for the x-csrf-token header of write requests. */
  csrfToken: string;
}

/**
 * The same login, also returning the session's CSRF token (for POSTs). TOTP codes are single-use
 * per user and 30-second step: log in each user once per server, not twice within 30 s.
 */
export async function loginSession(baseUrl: string, username: string, signal: AbortSignal): Promise<DemoSession> {
  const jar = new Map<string, string>();

  const call = async (method: 'GET' | 'POST', path: string, body?: unknown, csrfToken?: string) => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (jar.size > 0) headers.cookie = cookieHeader(jar);
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      signal: AbortSignal.any([signal, AbortSignal.timeout(15_000)]),
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    for (const line of response.headers.getSetCookie()) applySetCookie(jar, line);
    const text = await response.text();
    if (!response.ok) throw new Error(`login as ${username}: ${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as Record<string, unknown>;
  };

  const csrf = await call('GET', '/api/auth/csrf');
  const login = await call('POST', '/api/auth/login', { username, password: DEMO_PASSWORD }, stringField(csrf, 'csrfToken'));
  if (login.step !== 'totp') throw new Error(`login as ${username}: expected step "totp", got ${JSON.stringify(login.step)}`);
  const code = currentTotpCode(demoTotpSecret(username));
  const done = await call('POST', '/api/auth/totp', { code }, stringField(login, 'csrfToken'));
  if (done.step !== 'done') throw new Error(`login as ${username}: expected step "done", got ${JSON.stringify(done.step)}`);

  // Only the session cookie matters from here on; the pre-session cookie was for the login form.
  const session = [...jar].filter(([name]) => name.endsWith('rusfag_session'));
  if (session.length === 0) throw new Error(`login as ${username}: no session cookie was set`);
  return { cookie: cookieHeader(new Map(session)), csrfToken: stringField(done, 'csrfToken') };
}

function stringField(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string') throw new Error(`response has no ${field}`);
  return value;
}

function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

/** Enough of RFC 6265 for one server: name=value, removed when emptied or expired. */
function applySetCookie(jar: Map<string, string>, line: string): void {
  const [pair = '', ...attributes] = line.split(';');
  const eq = pair.indexOf('=');
  if (eq <= 0) return;
  const name = pair.slice(0, eq).trim();
  const value = pair.slice(eq + 1).trim();
  const expired = attributes.some((attribute) => {
    const [key = '', val = ''] = attribute.split('=');
    const k = key.trim().toLowerCase();
    if (k === 'max-age') return Number(val) <= 0;
    if (k === 'expires') return Date.parse(val) <= Date.now();
    return false;
  });
  if (!value || expired) jar.delete(name);
  else jar.set(name, value);
}
