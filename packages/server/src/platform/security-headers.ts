import type { Config } from './config.js';

/**
 * Security headers (OWASP secure headers), computed once at start-up and set on every response.
 * (@fastify/helmet rebuilt them on every request, a quarter of the server's time on /healthz.)
 * Pages get the full set; JSON answers a short one (OWASP REST cheat sheet) that also forbids
 * caching, since they may hold personal data.
 */
export function securityHeaders(config: Pick<Config, 'secureCookies'>): { page: Record<string, string>; api: Record<string, string> } {
  const hsts: Record<string, string> = config.secureCookies ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {};
  return {
    page: pageHeaders(config, hsts),
    api: {
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-resource-policy': 'same-origin',
      ...hsts,
    },
  };
}

function pageHeaders(config: Pick<Config, 'secureCookies'>, hsts: Record<string, string>): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    ...(config.secureCookies ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
  return {
    'content-security-policy': csp,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-frame-options': 'DENY',
    'x-permitted-cross-domain-policies': 'none',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    ...hsts,
  };
}
