import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { migrations } from './db/migrations/index.js';
import { describeEachEngine } from './test/harness.js';

/** The app shell around the API: the built web app, unknown paths, security headers, health, OpenAPI. */
const webDist = mkdtempSync(path.join(tmpdir(), 'rusfag-web-'));
mkdirSync(path.join(webDist, 'assets'));
writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Rusfag</title><script type="module" src="/assets/app-1.js"></script>');
writeFileSync(path.join(webDist, 'assets', 'app-1.js'), 'console.log(1)');
afterAll(() => rmSync(webDist, { recursive: true, force: true }));

describeEachEngine(
  'app shell',
  (get) => {
    it('serves the web app for / and for any page path, never cached', async () => {
      for (const url of ['/', '/admin/brukere', '/logg-inn?neste=%2Fprofil']) {
        const res = await get().app.inject({ url });
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-type']).toMatch(/text\/html/);
        expect(res.headers['cache-control']).toBe('no-cache');
        expect(res.body).toContain('<title>Rusfag</title>');
      }
    });

    it('serves a file added after start, and answers 404 (not the page) for a missing asset', async () => {
      writeFileSync(path.join(webDist, 'assets', 'app-2.js'), 'console.log(2)');
      const added = await get().app.inject({ url: '/assets/app-2.js' });
      expect(added.statusCode).toBe(200);
      expect(added.headers['content-type']).toMatch(/javascript/);
      const missing = await get().app.inject({ url: '/assets/app-0.js' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe('route_not_found');
    });

    it('answers unknown API paths with a JSON 404, also for other methods', async () => {
      for (const method of ['GET', 'POST', 'DELETE'] as const) {
        const res = await get().app.inject({ method, url: '/api/finnes-ikke' });
        expect(res.statusCode).toBe(404);
        expect(res.json()).toEqual({ error: { code: 'route_not_found', message: 'Denne adressen finnes ikke i API-et.' } });
      }
    });

    it('sends the full security headers with pages and the short no-store set with API answers', async () => {
      const page = await get().app.inject({ url: '/' });
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(page.headers['x-frame-options']).toBe('DENY');
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      expect(page.headers['strict-transport-security']).toBeUndefined();
      const api = await get().app.inject({ url: '/api/me' });
      expect(api.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(api.headers['cache-control']).toBe('no-store');
    });

    it('reports health and readiness', async () => {
      expect((await get().app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
      expect((await get().app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready', engine: get().engine, migrations: Object.keys(migrations).length });
    });

    it('describes every route in OpenAPI', async () => {
      const doc = (await get().app.inject({ url: '/api/openapi.json' })).json() as { openapi: string; paths: Record<string, object> };
      expect(doc.openapi).toBe('3.1.0');
      const documented = Object.entries(doc.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`));
      const served = get().app.rusfag.routes.map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
      expect(documented.sort()).toEqual(served.sort());
    });
  },
  { webDistDir: webDist },
);

describeEachEngine(
  'app shell behind https',
  (get) => {
    it('adds HSTS', async () => {
      expect((await get().app.inject({ url: '/healthz' })).headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    });
  },
  { secureCookies: true, baseUrl: 'https://rusfag.example' },
);
