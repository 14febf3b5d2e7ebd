import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { COMMON_LANGUAGES, openStatus, PublicSearchQuery, type Language } from '@rusfag/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../platform/config.js';
import type { DatabaseHandle } from '../../db/database.js';
import { renderErrorPage, renderNotFoundPage, renderSearchPage, renderServicePage, type PageContext } from './pages/render.js';
import * as publicRepo from './public-repository.js';
import { PageCache, snapshotGeneration, type CachedPage } from './page-cache.js';
import { getPublicService, loadSearchVocabulary, searchServices, type SearchVocabulary } from './public-service.js';
import type * as repo from './repository.js';

export const DIRECTORY_BASE_PATH = '/tjenester';
const ASSETS_PATH = '/static/punkt';

type RawQuery = Record<string, string | string[] | undefined>;

const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const single = (value: string | string[] | undefined): string | undefined => {
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return last === undefined || last.trim() === '' ? undefined : last.trim();
};
const flag = (value: string | string[] | undefined): boolean => {
  const v = single(value)?.toLowerCase();
  return v === '1' || v === 'on' || v === 'true' || v === 'ja';
};
const number = (value: string | string[] | undefined): number | undefined => {
  const v = single(value);
  return v === undefined ? undefined : Number(v.replace(',', '.'));
};

/**
 * The search URL as the form sends it (checkboxes as "1"/"on", empty selects as ""), into the
 * typed query. Unknown parameters are ignored, so old shared links keep working.
 */
export function parseSearchQuery(raw: RawQuery): { ok: true; query: PublicSearchQuery } | { ok: false; issues: z.core.$ZodIssue[] } {
  const candidate = {
    q: single(raw.q) ?? '',
    malgruppe: list(raw.malgruppe).filter(Boolean),
    kategori: list(raw.kategori).filter(Boolean),
    bydel: single(raw.bydel),
    apent: flag(raw.apent),
    gratis: flag(raw.gratis),
    uten_henvisning: flag(raw.uten_henvisning),
    sprak: single(raw.sprak),
    rullestol: flag(raw.rullestol),
    sorter: single(raw.sorter) ?? 'relevans',
    fra: single(raw.fra),
    lat: number(raw.lat),
    lon: number(raw.lon),
    side: number(raw.side) ?? 1,
  };
  const parsed = PublicSearchQuery.safeParse(candidate);
  return parsed.success ? { ok: true, query: parsed.data } : { ok: false, issues: parsed.error.issues };
}

const languageOf = (raw: RawQuery): Language => (single(raw.lang) === 'en' ? 'en' : 'nb');

function pageContext(config: Config, lang: Language): PageContext {
  return { lang, now: new Date(), basePath: DIRECTORY_BASE_PATH, assetsPath: ASSETS_PATH, origin: config.baseUrl };
}

/** Which parameter was wrong, in words a resident understands. */
function describeProblem(lang: Language, issues: readonly z.core.$ZodIssue[]): string {
  const names: Record<string, [string, string]> = {
    q: ['søketeksten (høyst 200 tegn)', 'the search text (at most 200 characters)'],
    bydel: ['bydelen', 'the district'],
    fra: ['bydelen det skal måles avstand fra', 'the district to measure distance from'],
    lat: ['breddegraden (mellom 57 og 72)', 'the latitude (between 57 and 72)'],
    lon: ['lengdegraden (mellom 4 og 32)', 'the longitude (between 4 and 32)'],
    side: ['sidetallet', 'the page number'],
    sorter: ['sorteringen', 'the sort order'],
    sprak: ['språket', 'the language'],
    malgruppe: ['målgruppen', 'the target group'],
    kategori: ['kategorien', 'the category'],
  };
  const fields = [...new Set(issues.map((issue) => String(issue.path[0] ?? '')))].map((key) => names[key]?.[lang === 'en' ? 1 : 0] ?? key);
  return lang === 'en'
    ? `The search could not be read: check ${fields.join(', ')}.`
    : `Søket kunne ikke leses: sjekk ${fields.join(', ')}.`;
}

function searchOptions({ terms, districts }: SearchVocabulary) {
  const named = (t: repo.TermRow) => ({ code: t.code, name: t.name, nameEn: t.name_en });
  return {
    districts: districts.map((d) => ({ code: d.code, name: d.name })),
    targetGroups: terms.filter((t) => t.taxonomy === 'target_group').map(named),
    categories: terms.filter((t) => t.taxonomy === 'category').map(named),
    languages: COMMON_LANGUAGES,
  };
}

function sendPage(reply: FastifyReply, status: number, body: string): FastifyReply {
  // Public, no personal data: a short shared cache is fine and spares the database.
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', status === 200 ? 'public, max-age=60' : 'no-cache').send(body);
}

/**
 * The public directory pages: server-rendered HTML that works without JavaScript and can be
 * indexed (issue 4). They read only the published snapshot.
 */
export async function registerDirectoryPages(app: FastifyInstance, config: Config, database: DatabaseHandle): Promise<void> {
  const db = database.db;
  // Punkt's stylesheet and fonts for the server-rendered pages (the web app bundles its own copy).
  const require = createRequire(import.meta.url);
  const punktCss = path.dirname(path.dirname(require.resolve('@oslokommune/punkt-css/dist/css/pkt.min.css')));
  const punktFonts = path.join(path.dirname(require.resolve('@oslokommune/punkt-assets/package.json')), 'dist', 'fonts');
  await app.register(fastifyStatic, { root: path.join(punktCss, 'css'), prefix: `${ASSETS_PATH}/css/`, decorateReply: false, maxAge: '7d' });
  await app.register(fastifyStatic, { root: punktFonts, prefix: `${ASSETS_PATH}/fonts/`, decorateReply: false, maxAge: '30d', immutable: true });

  const cache = new PageCache(config.publicPageCacheSeconds * 1000);
  /** The URL is the whole input of a public page (language included), so it is the cache key. */
  const cached = async (req: FastifyRequest, reply: FastifyReply, render: () => Promise<CachedPage>) => {
    const hit = cache.get(req.url);
    const renderedAt = snapshotGeneration();
    const page = hit ?? (await render());
    if (!hit) cache.set(req.url, page, Date.now(), renderedAt);
    return sendPage(reply, page.status, page.body);
  };

  app.get(DIRECTORY_BASE_PATH, async (req: FastifyRequest<{ Querystring: RawQuery }>, reply) =>
    cached(req, reply, async () => {
      const lang = languageOf(req.query);
      const ctx = pageContext(config, lang);
      // One read of the vocabulary serves the form and the reading of the free text.
      const vocabulary = await loadSearchVocabulary(db);
      const options = searchOptions(vocabulary);
      const parsed = parseSearchQuery(req.query);
      if (!parsed.ok) {
        // Keep what the resident typed, when it can be read: only the other parameters were wrong.
        const q = single(req.query.q);
        const keep = q !== undefined && q.length <= 200 ? { q } : {};
        return { status: 400, body: renderErrorPage(ctx, describeProblem(lang, parsed.issues), { options, ...keep }) };
      }
      const result = await searchServices(db, parsed.query, ctx.now, vocabulary);
      return { status: 200, body: renderSearchPage(ctx, parsed.query, result, options) };
    }),
  );

  app.get(`${DIRECTORY_BASE_PATH}/:id`, async (req: FastifyRequest<{ Params: { id: string }; Querystring: RawQuery }>, reply) =>
    cached(req, reply, async () => {
      const ctx = pageContext(config, languageOf(req.query));
      const id = z.uuid().safeParse(req.params.id);
      const service = id.success ? await getPublicService(db, id.data) : undefined;
      if (!service) return { status: 404, body: renderNotFoundPage(ctx) };
      const hasHours = service.hours.weekly.length + service.hours.exceptions.length > 0;
      return { status: 200, body: renderServicePage(ctx, service, hasHours ? openStatus(service.hours, ctx.now) : undefined) };
    }),
  );

  // Browsers ask for /favicon.ico on every page, also the server-rendered ones: Oslo kommune's icon.
  const favicon = readFileSync(path.join(path.dirname(require.resolve('@oslokommune/punkt-assets/package.json')), 'dist', 'logos', '32x32-favicon.png'));
  app.get('/favicon.ico', async (_req, reply) => reply.type('image/png').header('cache-control', 'public, max-age=604800').send(favicon));

  // Search engines may index the public pages (directory and published plans), nothing else.
  app.get('/robots.txt', async (_req, reply) => {
    const origin = config.baseUrl.replace(/\/+$/, '');
    const body = ['User-agent: *', `Allow: ${DIRECTORY_BASE_PATH}`, 'Allow: /innsyn/', `Allow: ${ASSETS_PATH}/`, 'Disallow: /', '', `Sitemap: ${origin}${DIRECTORY_BASE_PATH}/sitemap.xml`, ''].join('\n');
    return reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=86400').send(body);
  });

  // Search engines find every published service through the sitemap.
  app.get(`${DIRECTORY_BASE_PATH}/sitemap.xml`, async (_req, reply) => {
    const { documents } = await publicRepo.listPublished(db, 50_000, 0);
    const origin = config.baseUrl.replace(/\/+$/, '');
    const urls = [
      `${origin}${DIRECTORY_BASE_PATH}`,
      ...documents.map((doc) => `${origin}${DIRECTORY_BASE_PATH}/${doc.id}`),
    ];
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
      .map((url) => `  <url><loc>${url.replace(/&/g, '&amp;')}</loc></url>`)
      .join('\n')}\n</urlset>\n`;
    return reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=3600').send(body);
  });
}
