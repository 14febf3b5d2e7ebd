import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * CSRF tokens are an HMAC of the session cookie (or, before login, of a random pre-session
 * cookie) under SESSION_SECRET: stateless, bound to the session, and new whenever the session is.
 * Every state-changing request must send the token in the X-CSRF-Token header; a cross-site page
 * can neither read the cookie nor the token.
 */
export const CSRF_HEADER = 'x-csrf-token';

export function csrfTokenFor(secret: string, binding: string): string {
  return createHmac('sha256', secret).update(`csrf:${binding}`).digest('base64url');
}

export function newPreSessionValue(): string {
  return randomBytes(24).toString('base64url');
}

export function csrfTokenMatches(secret: string, binding: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(csrfTokenFor(secret, binding));
  const actual = Buffer.from(presented);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
