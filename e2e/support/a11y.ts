import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING_IMPACTS = new Set(['serious', 'critical']);

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary: string | null }[];
}

interface AxeLike {
  run(options: unknown): Promise<{ violations: Violation[] }>;
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now and fails on any violation
 * of impact serious or critical, listing rule, impact, help text and the elements that fail.
 *
 * axe is injected with page.evaluate (DevTools protocol), not addScriptTag: the server's CSP
 * (`script-src 'self'`) would block an inline script tag, and evaluate is not subject to CSP, so
 * the browser contexts keep the real CSP (no bypassCSP) and the tests still see CSP violations.
 */
export async function checkA11y(page: Page, what = page.url()): Promise<void> {
  // Let the app finish rendering (fonts, lazy content) so axe sees what a person sees.
  await page.waitForLoadState('load');
  const injected = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!injected) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe: AxeLike }).axe;
    const results = await axe.run({ runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, WCAG_TAGS);
  const failing = violations.filter((v) => v.impact !== null && FAILING_IMPACTS.has(v.impact));
  const minor = violations.filter((v) => !failing.includes(v));
  if (minor.length > 0) {
    // Not failures, but worth fixing: shown so they do not go unnoticed.
    console.warn(`[axe] Mindre alvorlige funn på ${what}: ${minor.map((v) => `${v.id} (${v.impact ?? 'ukjent'})`).join(', ')}`);
  }
  if (failing.length === 0) return;
  const report = failing
    .map((v) => {
      const targets = v.nodes.map((n) => `      ${n.target.map(String).join(' ')}`).join('\n');
      return `  - ${v.id} (${v.impact}): ${v.help}\n    ${v.helpUrl}\n    elementer:\n${targets}`;
    })
    .join('\n');
  throw new Error(`Tilgjengelighetsfeil (axe, alvorlig/kritisk) på ${what}:\n${report}`);
}
