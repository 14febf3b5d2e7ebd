import type { Harness } from './harness.js';
import { cookiesFrom, type TestSession } from './factories.js';

/** An answer as tests read it; `body` is the parsed JSON (any: tests assert on its shape). */
export interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Record<string, string | string[] | number | undefined>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function send(h: Harness, method: Method, url: string, headers: Record<string, string>, payload?: object, remoteAddress?: string): Promise<Answer> {
  const res = await h.app.inject({
    method,
    url,
    headers,
    ...(remoteAddress ? { remoteAddress } : {}),
    ...(payload !== undefined ? { payload } : {}),
  });
  return { status: res.statusCode, body: res.body ? res.json() : undefined, headers: res.headers };
}

/** Calls the API with a ready-made session (made in the database, see factories). */
export function apiAs(h: Harness, session: TestSession) {
  const call = (method: Method, url: string, payload?: object, headers: Record<string, string> = {}) =>
    send(h, method, url, { ...session.headers, ...headers }, payload);
  return {
    get: (url: string, headers?: Record<string, string>) => call('GET', url, undefined, headers),
    post: (url: string, payload: object = {}, headers?: Record<string, string>) => call('POST', url, payload, headers),
    put: (url: string, payload: object, headers?: Record<string, string>) => call('PUT', url, payload, headers),
    patch: (url: string, payload: object, headers?: Record<string, string>) => call('PATCH', url, payload, headers),
    del: (url: string, headers?: Record<string, string>) => call('DELETE', url, undefined, headers),
  };
}

let addressCounter = 0;

/**
 * A browser-like client: keeps cookies and the current CSRF token between requests, and has a
 * client address of its own unless one is given (login is rate limited and locked per address).
 */
export function browser(h: Harness, remoteAddress?: string) {
  const n = ++addressCounter;
  const address = remoteAddress ?? `10.44.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
  let cookie = '';
  let csrf = '';
  const call = async (method: Method, url: string, payload?: object, headers: Record<string, string> = {}) => {
    const answer = await send(
      h,
      method,
      url,
      { ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}), ...headers },
      payload,
      address,
    );
    cookie = cookiesFrom(answer.headers['set-cookie'] as string | string[] | undefined, cookie);
    if (answer.body && typeof answer.body.csrfToken === 'string') csrf = answer.body.csrfToken;
    return answer;
  };
  return {
    get: (url: string, headers?: Record<string, string>) => call('GET', url, undefined, headers),
    post: (url: string, payload: object = {}, headers?: Record<string, string>) => call('POST', url, payload, headers),
    get cookie() {
      return cookie;
    },
    async login(username: string, password: string) {
      await call('GET', '/api/auth/csrf');
      return call('POST', '/api/auth/login', { username, password });
    },
  };
}

/** The audit events about one resource, oldest first: what tests check after a change. */
export async function auditEventsFor(h: Harness, resourceId: string) {
  return h.db
    .selectFrom('audit_event')
    .select(['actor_user_id', 'action', 'outcome', 'resource_type', 'resource_id', 'details'])
    .where('resource_id', '=', resourceId)
    .orderBy('id')
    .execute();
}
