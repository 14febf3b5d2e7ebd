import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { CHROMIUM_PATH, e2eContext } from './context.js';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** How long a locator waits for the page before a test fails (the server is local). */
const ACTION_TIMEOUT_MS = 10_000;
const NAVIGATION_TIMEOUT_MS = 20_000;

const context = e2eContext();

/**
 * `describe` for end-to-end specs: when the global setup found no Chromium, every test in it is
 * reported as skipped (and the reason was printed at the start of the run).
 */
export const describeE2e = describe.skipIf(context.skipReason !== null);

export function baseUrl(): string {
  return context.baseUrl;
}

interface TrackedPage {
  page: Page;
  context: BrowserContext;
  shared: boolean;
  /** Uncaught exceptions, CSP violations and server errors (5xx): broken for a real user too. */
  problems: string[];
}

export interface BrowserSession {
  /** A page in a fresh browser context (no cookies), closed after the current test. */
  newPage(): Promise<Page>;
  /** A page in a fresh browser context kept for the whole file (for `beforeAll` logins). */
  newSharedPage(): Promise<Page>;
}

/**
 * Launches Chromium once for the spec file (call it inside `describeE2e`). Pages get the
 * server's base URL, Norwegian locale and Oslo time; when a test fails, every open page is
 * screenshotted to e2e/artifacts/.
 */
export function useBrowser(): BrowserSession {
  let browser: Browser | undefined;
  const pages: TrackedPage[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await screenshotAll(pages, task.name);
    const problems = pages.flatMap((tracked) => tracked.problems.splice(0));
    for (const tracked of pages.filter((p) => !p.shared)) await tracked.context.close();
    pages.splice(0, pages.length, ...pages.filter((p) => p.shared));
    if (problems.length > 0) {
      throw new Error(`Nettleseren rapporterte feil i siden under testen:\n  ${problems.join('\n  ')}`);
    }
  });

  afterAll(async () => {
    await browser?.close();
  });

  const open = async (shared: boolean): Promise<Page> => {
    if (!browser) throw new Error('useBrowser(): Chromium er ikke startet (kall newPage i en test eller beforeAll).');
    const browserContext = await browser.newContext({
      baseURL: context.baseUrl,
      locale: 'nb-NO',
      timezoneId: 'Europe/Oslo',
      viewport: { width: 1280, height: 900 },
      // Reports and plans are downloaded as files (Word, PDF, Excel); the tests open them.
      acceptDownloads: true,
      // The server's Content-Security-Policy stays in force (no bypassCSP): a CSP violation in
      // the built app is a bug these tests should catch. axe is injected through the DevTools
      // protocol (page.evaluate), which CSP does not apply to; see a11y.ts.
    });
    browserContext.setDefaultTimeout(ACTION_TIMEOUT_MS);
    browserContext.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
    const page = await browserContext.newPage();
    const tracked: TrackedPage = { page, context: browserContext, shared, problems: [] };
    page.on('pageerror', (error) => tracked.problems.push(`Ufanget unntak: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        tracked.problems.push(`CSP-brudd: ${message.text()}`);
      }
    });
    page.on('response', (response) => {
      if (response.status() >= 500) tracked.problems.push(`Serverfeil ${response.status()}: ${response.request().method()} ${response.url()}`);
    });
    pages.push(tracked);
    return page;
  };

  return { newPage: () => open(false), newSharedPage: () => open(true) };
}

async function screenshotAll(pages: readonly TrackedPage[], testName: string): Promise<void> {
  mkdirSync(context.artifactsDir, { recursive: true });
  const slug = testName.toLowerCase().replace(/[^a-z0-9æøå]+/gi, '-').replace(/^-|-$/g, '').slice(0, 80);
  for (const [index, tracked] of pages.entries()) {
    if (tracked.page.isClosed()) continue;
    const file = path.join(context.artifactsDir, `${slug}${pages.length > 1 ? `-${index + 1}` : ''}.png`);
    try {
      await tracked.page.screenshot({ path: file, fullPage: true, timeout: 5_000 });
      console.warn(`[e2e] Skjermbilde av feilet test: ${path.relative(process.cwd(), file)} (${tracked.page.url()})`);
    } catch {
      // A page that cannot be photographed must not hide the test's own failure.
    }
  }
}
