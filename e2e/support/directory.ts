import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { isOpenAt, osloLocal, type OpeningHours } from '@rusfag/core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';
import {
  DEMO_DIRECTORY,
  type DemoDirectoryOrganization,
  type DemoLocation,
  type DemoService,
} from '../../packages/server/src/demo/directory.js';
import { demoOrganization, type DemoUnit } from '../../packages/server/src/demo/organizations.js';
import { type BrowserSession } from './browser.js';
import { e2eContext } from './context.js';
import { normalise } from './page.js';

/**
 * Helpers for the public service directory (/tjenester): pages in a browser with JavaScript
 * switched off (the pages must work without it), the demo directory as the tests' source of
 * truth, and readers for the server-rendered result list.
 */

// ————————————————————————————————————————————— pages without JavaScript

export interface ResidentBrowser {
  /**
   * A page in a fresh browser context (no cookies) with JavaScript switched off, closed after the
   * current test. Like useBrowser's pages: Norwegian locale, Oslo time, the real CSP; CSP
   * violations, server errors (5xx) and failed subresources fail the test.
   */
  page(): Promise<Page>;
}

interface TrackedContext {
  context: BrowserContext;
  page: Page;
  problems: string[];
}

/**
 * Pages with JavaScript off, in the Chromium that `useBrowser()` started for the file (call it
 * inside `describeE2e`, after `useBrowser()`). useBrowser's own pages keep JavaScript on.
 */
export function residentBrowser(session: BrowserSession): ResidentBrowser {
  let browser: Browser | null = null;
  const open: TrackedContext[] = [];

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await screenshot(open, task.name);
    const problems = open.flatMap((tracked) => tracked.problems);
    for (const tracked of open.splice(0)) await tracked.context.close();
    if (problems.length > 0) {
      throw new Error(`Nettleseren (uten JavaScript) rapporterte feil i siden under testen:\n  ${problems.join('\n  ')}`);
    }
  });

  return {
    async page() {
      // The file's one Chromium, reached through a page of useBrowser (kept for the whole file).
      browser ??= (await session.newSharedPage()).context().browser();
      if (!browser) throw new Error('residentBrowser(): fant ikke Chromium-prosessen til useBrowser()');
      const { baseUrl } = e2eContext();
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale: 'nb-NO',
        timezoneId: 'Europe/Oslo',
        viewport: { width: 1280, height: 900 },
        javaScriptEnabled: false,
      });
      context.setDefaultTimeout(10_000);
      context.setDefaultNavigationTimeout(20_000);
      const page = await context.newPage();
      const tracked: TrackedContext = { context, page, problems: [] };
      page.on('pageerror', (error) => tracked.problems.push(`Ufanget unntak: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/iu.test(message.text())) {
          tracked.problems.push(`CSP-brudd: ${message.text()}`);
        }
      });
      page.on('response', (response) => {
        if (response.status() >= 500) tracked.problems.push(`Serverfeil ${response.status()}: ${response.request().method()} ${response.url()}`);
        // A stylesheet or font that does not load leaves the page unstyled for real people too.
        const type = response.request().resourceType();
        if (response.status() >= 400 && type !== 'document' && !response.url().endsWith('/favicon.ico')) {
          tracked.problems.push(`Ressurs ga ${response.status()}: ${response.url()}`);
        }
      });
      page.on('requestfailed', (request) => {
        if (request.url().endsWith('/favicon.ico')) return;
        tracked.problems.push(`Forespørselen feilet (${request.failure()?.errorText ?? 'ukjent'}): ${request.url()}`);
      });
      open.push(tracked);
      return page;
    },
  };
}

async function screenshot(open: readonly TrackedContext[], testName: string): Promise<void> {
  const dir = e2eContext().artifactsDir;
  mkdirSync(dir, { recursive: true });
  const slug = testName.toLowerCase().replace(/[^a-z0-9æøå]+/giu, '-').replace(/^-|-$/gu, '').slice(0, 70);
  for (const [index, tracked] of open.entries()) {
    if (tracked.page.isClosed()) continue;
    const file = path.join(dir, `${slug}-uten-js-${index + 1}.png`);
    try {
      await tracked.page.screenshot({ path: file, fullPage: true, timeout: 5_000 });
      console.warn(`[e2e] Skjermbilde av feilet test: ${path.relative(process.cwd(), file)} (${tracked.page.url()})`);
    } catch {
      // A page that cannot be photographed must not hide the test's own failure.
    }
  }
}

// ————————————————————————————————————————————— the demo directory

export interface DemoEntry {
  organization: DemoDirectoryOrganization;
  service: DemoService;
  locations: DemoLocation[];
}

/** Every service of the demo directory (demo/directory.ts), with its organisation and locations. */
export const DEMO_SERVICES: readonly DemoEntry[] = DEMO_DIRECTORY.flatMap((organization) =>
  organization.services.map((service) => ({
    organization,
    service,
    locations: service.locations.map((key) => {
      const location = organization.locations.find((candidate) => candidate.key === key);
      if (!location) throw new Error(`Demotjenesten ${service.key} viser til et ukjent sted ${key}`);
      return location;
    }),
  })),
);

/** The demo service with this (Norwegian) name; names are unique in the demo data. */
export function demoService(name: string): DemoEntry | undefined {
  const found = DEMO_SERVICES.filter((entry) => entry.service.name === name);
  if (found.length > 1) throw new Error(`Flere demotjenester heter «${name}»`);
  return found[0];
}

/** Services the public search lists at all (inactive and defunct ones are only reachable by URL). */
export function isListed(entry: DemoEntry): boolean {
  return entry.service.status === 'active' || entry.service.status === 'temporarily_closed';
}

function findUnit(unit: DemoUnit, key: string): DemoUnit | undefined {
  if (unit.key === key) return unit;
  for (const child of unit.children ?? []) {
    const found = findUnit(child, key);
    if (found) return found;
  }
  return undefined;
}

/** A demo unit ('sagene', 'vel', …) as the seed stores it: its name and code ('B03'). */
export function demoUnit(key: string): { name: string; code: string | undefined } {
  const unit = findUnit(demoOrganization, key);
  if (!unit) throw new Error(`Fant ikke demoenheten ${key}`);
  return { name: unit.name, code: unit.code };
}

export type OpenVerdict = 'open' | 'closed' | 'uncertain';

const MINUTE = 60_000;

/**
 * Whether the hours are open, on the Oslo clock, at every minute from `from` − slack to `to` +
 * slack ('open'), at none ('closed'), or only at some ('uncertain': a page rendered in that span
 * may say either). Core's isOpenAt is the reference the server uses too.
 */
export function openVerdict(hours: OpeningHours | undefined, from: Date, to: Date, slackMinutes = 2): OpenVerdict {
  if (!hours) return 'closed';
  let open = 0;
  let closed = 0;
  for (let t = from.getTime() - slackMinutes * MINUTE; t <= to.getTime() + slackMinutes * MINUTE; t += MINUTE) {
    if (isOpenAt(hours, osloLocal(new Date(t)))) open++;
    else closed++;
  }
  return closed === 0 ? 'open' : open === 0 ? 'closed' : 'uncertain';
}

/** A confidential location of the demo data, the services that use it, and what must never be public. */
export interface ConfidentialPlace {
  organization: DemoDirectoryOrganization;
  location: DemoLocation;
  services: DemoEntry[];
  /** Address, postal code and coordinates (with '.' and ','), as they could appear in text. */
  secrets: string[];
}

export function confidentialPlaces(): ConfidentialPlace[] {
  return DEMO_DIRECTORY.flatMap((organization) =>
    organization.locations
      .filter((location) => location.confidential === true)
      .map((location) => {
        const secrets: string[] = [];
        if (location.address) secrets.push(location.address);
        if (location.postalCode) secrets.push(location.postalCode);
        for (const coordinate of [location.latitude, location.longitude]) {
          if (coordinate === undefined) continue;
          secrets.push(String(coordinate), String(coordinate).replace('.', ','));
        }
        return {
          organization,
          location,
          services: DEMO_SERVICES.filter((entry) => entry.locations.includes(location)),
          secrets,
        };
      }),
  );
}

/** The secrets found in a text (an empty list is what the tests want). */
export function leakedSecrets(text: string, secrets: readonly string[]): string[] {
  return secrets.filter((secret) => text.includes(secret));
}

// ————————————————————————————————————————————— the search page

export interface Hit {
  name: string;
  /** Root-relative link to the service page. */
  href: string;
  /** The hit's badges: open now, free, target groups, district or "Hele byen", distance, … */
  badges: string[];
}

/** The results section (`<section id="treff">`): heading, interpretation notes, hits, pages. */
export function results(page: Page): Locator {
  return page.locator('#treff');
}

/** The hits listed on the page, in order. */
export async function readHits(page: Page): Promise<Hit[]> {
  const items = await results(page).locator(':scope > ol > li').all();
  return Promise.all(
    items.map(async (item) => {
      const link = item.getByRole('heading', { level: 3 }).getByRole('link');
      const badges = await item.getByRole('list').getByRole('listitem').allInnerTexts();
      return {
        name: normalise(await link.innerText()),
        href: (await link.getAttribute('href')) ?? '',
        badges: badges.map(normalise),
      };
    }),
  );
}

/** The notes that say how the search was read ("Tolket «Sagene» som bydel Sagene."). */
export async function interpretationNotes(page: Page): Promise<string[]> {
  return (await results(page).locator('ul.rf-notes > li').allInnerTexts()).map(normalise);
}

/** The results heading: "5 tjenester", "1 tjeneste", "Ingen tjenester passet søket". */
export async function resultsHeading(page: Page): Promise<string> {
  return normalise(await results(page).getByRole('heading', { level: 2 }).innerText());
}

/** Every hit of a search, following its "Neste" links; each page is handed to `visit` first. */
export async function allHits(page: Page, url: string, visit?: (page: Page, body: string) => Promise<void> | void): Promise<Hit[]> {
  const hits: Hit[] = [];
  let next: string | null = url;
  for (let pages = 0; next !== null; pages++) {
    if (pages > 10) throw new Error(`Søket ${url} har mer enn ti sider`);
    const response = await page.goto(next);
    expect(response?.status(), `status for ${next}`).toBe(200);
    await visit?.(page, (await response?.text()) ?? '');
    hits.push(...(await readHits(page)));
    const link = page.getByRole('navigation', { name: /^(Sider|Pages)$/u }).getByRole('link', { name: /^(Neste|Next)$/u });
    next = (await link.count()) > 0 ? await link.getAttribute('href') : null;
  }
  return hits;
}

/** A search URL for the directory: `/tjenester?q=…` with the parameters in order. */
export function searchPath(params: Record<string, string | readonly string[]>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of typeof value === 'string' ? [value] : value) search.append(key, item);
  }
  const text = search.toString();
  return text ? `/tjenester?${text}` : '/tjenester';
}

/** The URL's parameters that carry a value, sorted: what two equal searches have in common. */
export function meaningfulParams(url: string): [string, string][] {
  return [...new URL(url).searchParams.entries()]
    .filter(([, value]) => value !== '')
    .sort(([a, x], [b, y]) => a.localeCompare(b) || x.localeCompare(y));
}

/** CSS `display` of the first element matching the selector (as the browser computes it now). */
export async function displayOf(page: Page, selector: string): Promise<string> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => (globalThis as unknown as { getComputedStyle(e: unknown): { display: string } }).getComputedStyle(element).display);
}
