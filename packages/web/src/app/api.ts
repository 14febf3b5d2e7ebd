import type { CsrfResponse, Language, ValidationIssue } from '@rusfag/core';
import { en } from './i18n/en';
import { nb } from './i18n/nb';

/**
 * The one way the web app talks to the server: same origin, JSON, the session cookie, the CSRF
 * header on every state-changing call, and Accept-Language so error messages come back in the
 * user's language. A 401 on a session call tells the auth layer that the session is gone.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Field problems of a 400: `path` is the field name ("username", "roles.0.unitId"). */
    readonly issues: ValidationIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type Query = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  /**
   * Calls made before login is complete (login, TOTP, CSRF): a 401 there is an answer for the
   * form, not a sign that a running session has expired.
   */
  public?: boolean;
}

let language: Language = 'nb';
let csrfToken: string | null = null;
let clockOffsetMs = 0;
const unauthenticatedListeners = new Set<(code: string) => void>();
const activityListeners = new Set<(at: number) => void>();

export function setApiLanguage(next: Language): void {
  language = next;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Server time minus local time, from the Date header (to place the session expiry on the local clock). */
export function serverClockOffset(): number {
  return clockOffsetMs;
}

export function onUnauthenticated(listener: (code: string) => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** Every successful session call keeps the session alive on the server; the idle timer listens. */
export function onSessionActivity(listener: (at: number) => void): () => void {
  activityListeners.add(listener);
  return () => activityListeners.delete(listener);
}

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

const UNSAFE: ReadonlySet<Method> = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

function localMessage(key: 'error.network' | 'error.unexpected'): string {
  return (language === 'en' ? en : nb)[key];
}

async function freshCsrfToken(): Promise<string> {
  const answer = await request<CsrfResponse>('GET', '/api/auth/csrf', { public: true });
  csrfToken = answer.csrfToken;
  return answer.csrfToken;
}

function parseIssues(details: unknown): ValidationIssue[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((entry: unknown) =>
    entry && typeof entry === 'object' && 'path' in entry && 'message' in entry
      ? [{ path: String(entry.path), message: String(entry.message) }]
      : [],
  );
}

async function errorFrom(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    if (body.error && typeof body.error.code === 'string' && typeof body.error.message === 'string') {
      return new ApiError(response.status, body.error.code, body.error.message, parseIssues(body.error.details));
    }
  } catch {
    // Not our JSON (a proxy's error page, say): fall through to a general message.
  }
  return new ApiError(response.status, 'unexpected', localMessage('error.unexpected'));
}

async function request<T>(method: Method, path: string, options: RequestOptions, retried = false): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': language === 'en' ? 'en, nb;q=0.5' : 'nb, no;q=0.9, en;q=0.5',
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (UNSAFE.has(method)) headers['x-csrf-token'] = csrfToken ?? (await freshCsrfToken());

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', localMessage('error.network'));
  }

  const date = response.headers.get('date');
  if (date && !Number.isNaN(Date.parse(date))) clockOffsetMs = Date.parse(date) - Date.now();

  if (response.ok) {
    if (!options.public) for (const listener of activityListeners) listener(Date.now());
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  const error = await errorFrom(response);
  // The token is bound to the session cookie; after a new session (or none) fetch a new one once.
  if (error.code === 'csrf_invalid' && !retried) {
    await freshCsrfToken();
    return request<T>(method, path, options, true);
  }
  if (response.status === 401 && !options.public) {
    csrfToken = null;
    for (const listener of unauthenticatedListeners) listener(error.code);
  }
  throw error;
}

export const api = {
  get: <T>(path: string, options: Omit<RequestOptions, 'body'> = {}) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('POST', path, { ...options, body: body ?? {} }),
  patch: <T>(path: string, body: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('PATCH', path, { ...options, body }),
  /** A full replacement (the service directory's records are saved whole). */
  put: <T>(path: string, body: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options: Omit<RequestOptions, 'body'> = {}) => request<T>('DELETE', path, options),
};

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
