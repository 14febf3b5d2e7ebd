import fc from 'fast-check';
import { expect, it } from 'vitest';
import { buildOrgTree, buildUser, sessionFor, type TestSession } from './factories.js';
import { describeEachEngine } from './harness.js';

/**
 * Property: whatever arrives — any body, query, path parameter or header, on any route, with or
 * without a session — the server answers with a 2xx, or a 4xx in the error format. Never a 500.
 */

const RUNS_PER_ROUTE = Number(process.env.BAD_INPUT_RUNS ?? 50);

const weirdString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '%', '%00', '\u0000', "'; drop table app_user; --", '<script>alert(1)</script>', '../../etc/passwd', 'null', '-1', '1e309', 'æøå', '\uD800'),
  fc.uuid(),
  fc.integer().map(String),
);

const jsonValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(fc.constantFrom('username', 'password', 'code', 'parentId', 'kind', 'name', 'roles', 'homeUnitId', 'active', 'displayName', 'email', 'role', 'unitId', 'currentPassword', 'newPassword'), fc.jsonValue({ maxDepth: 2 })),
);

const body = fc.oneof(
  jsonValue.map((value) => ({ payload: JSON.stringify(value), contentType: 'application/json' })),
  weirdString.map((value) => ({ payload: value, contentType: 'application/json' })),
  weirdString.map((value) => ({ payload: value, contentType: 'text/plain' })),
  weirdString.map((value) => ({ payload: value, contentType: 'application/x-www-form-urlencoded' })),
  fc.constant({ payload: 'x'.repeat(1024 * 1024 + 10), contentType: 'application/json' }),
  fc.constant({ payload: '{"a":', contentType: 'application/json' }),
  fc.constant({ payload: undefined, contentType: undefined }),
);

const query = fc.dictionary(
  fc.oneof(fc.constantFrom('limit', 'offset', 'q', 'role', 'unitId', 'active', 'from', 'to', 'outcome', 'clientId', 'actor', 'action'), fc.string({ maxLength: 10 })),
  fc.oneof(weirdString, fc.array(weirdString, { maxLength: 3 })),
  { maxKeys: 4 },
);

const headers = fc.record(
  {
    'accept-language': fc.oneof(weirdString, fc.constantFrom('en', 'nb', 'en-US,en;q=0.5', '*;q=abc')),
    cookie: fc.oneof(weirdString, fc.constantFrom('rusfag_session=', 'rusfag_session=abc', 'rusfag_pre=;rusfag_session=%zz')),
    'x-csrf-token': weirdString,
  },
  { requiredKeys: [] },
);

function sanitizeHeader(value: string): string {
  // Node refuses control and non-Latin-1 characters in outgoing headers before the server sees them.
  return value.replace(/[^\x20-\x7e]/g, '?');
}

describeEachEngine('bad input never causes a 500', (get) => {
  let actor: { id: string };

  it('setup: an actor who may do most things', async () => {
    const h = get();
    const tree = await buildOrgTree(h.db);
    actor = await buildUser(h.db, {
      home: tree.city,
      roles: [
        { role: 'admin', unit: tree.city },
        { role: 'privacy_officer', unit: tree.city },
      ],
    });
    expect(actor.id).toBeTruthy();
  });

  it('holds for every route', { timeout: 600_000 }, async () => {
    const h = get();
    const failures: string[] = [];
    const codes = new Map<string, number>();
    for (const route of h.app.rusfag.routes) {
      await fc.assert(
        fc.asyncProperty(
          fc.array(weirdString, { minLength: 2, maxLength: 2 }),
          query,
          body,
          headers,
          fc.constantFrom('session', 'session-with-valid-csrf', 'anonymous'),
          fc.boolean(),
          async ([param1, param2], queryValues, bodyValue, headerValues, who, rawPath) => {
            // A fresh session each time: some inputs legitimately log out or revoke sessions.
            const session: TestSession = await sessionFor(h, actor);
            let paramIndex = 0;
            // Path parameters either properly encoded, or raw (malformed escapes such as '%zz' included).
            const toPath = (value: string) =>
              rawPath ? value.replace(/[^\x21-\x7e]/g, '_').replace(/[/?#]/g, '_') || '_' : encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
            const url = route.url.replace(/:(\w+)/g, () => toPath([param1, param2][paramIndex++] ?? ''));
            const requestHeaders: Record<string, string> = {};
            for (const [name, value] of Object.entries(headerValues)) if (value !== undefined) requestHeaders[name] = sanitizeHeader(value);
            if (who !== 'anonymous') requestHeaders.cookie = session.cookie;
            if (who === 'session-with-valid-csrf') requestHeaders['x-csrf-token'] = session.csrf;
            if (bodyValue.contentType) requestHeaders['content-type'] = bodyValue.contentType;
            const res = await h.app.inject({
              method: route.method,
              url,
              query: queryValues,
              headers: requestHeaders,
              ...(bodyValue.payload !== undefined && route.method !== 'GET' ? { payload: bodyValue.payload } : {}),
            });
            // Failures are collected (short) rather than thrown, so a 1 MB counterexample is never printed.
            const code = res.statusCode < 400 ? String(res.statusCode) : String((res.json() as { error?: { code?: string } }).error?.code);
            codes.set(code, (codes.get(code) ?? 0) + 1);
            const where = `${route.method} ${url.slice(0, 80)} (${who}, ${bodyValue.contentType ?? 'no body'}, ${String(bodyValue.payload ?? '').length} bytes)`;
            if (res.statusCode >= 500) {
              failures.push(`${where} → ${res.statusCode} ${res.body.slice(0, 200)}`);
            } else if (res.statusCode >= 400) {
              let parsed: { error?: { code?: unknown; message?: unknown } } = {};
              try {
                parsed = res.json();
              } catch {
                // not JSON: reported below
              }
              if (typeof parsed.error?.code !== 'string' || typeof parsed.error.message !== 'string') {
                failures.push(`${where} → ${res.statusCode} not in the error format: ${res.body.slice(0, 200)}`);
              }
            }
          },
        ),
        { numRuns: RUNS_PER_ROUTE },
      );
    }
    expect([...new Set(failures)].slice(0, 10)).toEqual([]);
    // The inputs must reach every stage of the pipeline, or the property proves little.
    for (const reached of ['200', 'validation_failed', 'csrf_invalid', 'unauthenticated', 'not_found', 'invalid_json', 'payload_too_large']) {
      expect(codes.get(reached) ?? 0, `answers with ${reached}`).toBeGreaterThan(0);
    }
  });
});
