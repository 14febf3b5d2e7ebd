import { DEFAULT_STATUS_TERMS } from '@rusfag/core';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { stHanshaugenPlan } from '../../packages/server/src/demo/plans/st-hanshaugen.js';
import type { DemoPlanItem } from '../../packages/server/src/demo/plans/types.js';
import { checkA11y } from '../support/a11y.js';
import { describeE2e, useBrowser } from '../support/browser.js';
import { docxParagraphs, downloadVia, expectReportFile, pdfText } from '../support/files.js';
import { expectH1, normalise } from '../support/page.js';
import { escapeRegExp, itemCard, tableRows, type PlanItemText } from '../support/plans.js';

/**
 * The public pages (innsyn) as a resident uses them, never logged in: St. Hanshaugen's published
 * action plan from the demo data, with its measures' statuses, their history and the published
 * status reports. The expectations come from the demo plan's source (demo/plans/st-hanshaugen.ts).
 */

const DEMO_TITLE = stHanshaugenPlan.title;

/** The first of the district's own measures that has a status history, and its level's label. */
function firstReportedMeasure(): { item: DemoPlanItem; text: PlanItemText } {
  const walk = (items: readonly DemoPlanItem[]): DemoPlanItem | undefined => {
    for (const item of items) {
      const level = stHanshaugenPlan.levels[item.level];
      if (level?.measure && !level.council && item.code && (item.history?.length ?? 0) > 1) return item;
      const found = walk(item.children ?? []);
      if (found) return found;
    }
    return undefined;
  };
  const item = walk(stHanshaugenPlan.items);
  if (!item?.code) throw new Error('Demoplanen har ikke et tiltak med statushistorikk');
  return { item, text: { level: stHanshaugenPlan.levels[item.level]!.label, code: item.code, title: item.title } };
}

function statusLabel(code: string): string {
  const term = DEFAULT_STATUS_TERMS.find((candidate) => candidate.code === code);
  if (!term) throw new Error(`Ukjent statuskode i demodataene: ${code}`);
  return term.label;
}

describeE2e('innsyn: publiserte handlingsplaner uten innlogging', () => {
  const browser = useBrowser();

  /** A logged-out page that remembers every address the browser went to. */
  async function residentPage(): Promise<{ page: Page; visited: string[] }> {
    const page = await browser.newPage();
    const visited: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) visited.push(frame.url());
    });
    return { page, visited };
  }

  function expectNoLogin(visited: readonly string[]): void {
    expect(visited.length).toBeGreaterThan(0);
    for (const url of visited) expect(new URL(url).pathname, 'innsynssidene sender aldri til innlogging').toMatch(/^\/innsyn\/planer/);
  }

  it('St. Hanshaugens plan: tiltakene med status og historikk, og rapportene kan lastes ned', async () => {
    const { page, visited } = await residentPage();
    const help = page.getByRole('complementary', { name: 'Trenger du hjelp nå?', exact: true });

    await page.goto('/innsyn/planer');
    await expectH1(page, 'Handlingsplaner i Oslo kommune');
    await help.waitFor();
    const district = page.getByRole('region', { name: 'Bydel St. Hanshaugen', exact: true });
    await district.getByRole('link', { name: DEMO_TITLE, exact: true }).click();

    await expectH1(page, DEMO_TITLE);
    expect(new URL(page.url()).pathname).toMatch(/^\/innsyn\/planer\/[0-9a-f-]{36}$/);
    await help.waitFor();
    expect(normalise(await help.innerText())).toContain('113');

    // A measure with its current status (the latest in its history) and that status's remark.
    const { item, text: measure } = firstReportedMeasure();
    const history = item.history!;
    const latest = history[history.length - 1]!;
    const measures = page.getByRole('region', { name: 'Mål og tiltak', exact: true });
    const card = normalise((await itemCard(measures, measure).textContent()) ?? '');
    expect(card).toContain(`Status: ${statusLabel(latest.status)} rapportert`);
    if (latest.remark) expect(card).toContain(latest.remark);

    // Its whole history, newest first.
    await measures.getByRole('button', { name: new RegExp(`^Vis historikk for ${escapeRegExp(`${measure.code} ${measure.title.slice(0, 40)}`)}`) }).click();
    const table = measures.getByRole('table', { name: new RegExp(`^Statushistorikk for ${escapeRegExp(`${measure.code} ${measure.title.slice(0, 40)}`)}`) });
    await table.waitFor();
    const rows = await tableRows(table);
    expect(rows.map((cells) => cells[1])).toEqual([...history].reverse().map((update) => statusLabel(update.status)));
    expect(rows.map((cells) => cells[2])).toEqual([...history].reverse().map((update) => update.remark ?? '–'));
    for (const cells of rows) expect(cells[0]).toMatch(/^\d{2}\.\d{2}\.\d{4}$/u);
    await checkA11y(page, `innsyn: ${DEMO_TITLE}`);

    // The published reports, newest first; the newest downloads as Word and PDF.
    const reports = page.getByRole('region', { name: 'Statusrapporter', exact: true });
    const newest = reports.getByRole('listitem').first();
    const title = normalise(await newest.getByText(/^Statusrapport /u).innerText());
    const period = title.replace(/^Statusrapport /u, '');
    expect(normalise(await newest.innerText())).toMatch(/Godkjent \d{2}\.\d{2}\.\d{4}/u);

    const word = await downloadVia(newest.getByRole('link', { name: 'Last ned Word', exact: true }));
    const pdf = await downloadVia(newest.getByRole('link', { name: 'Last ned PDF', exact: true }));
    expectReportFile(word, { period, planTitle: DEMO_TITLE, extension: 'docx' });
    expectReportFile(pdf, { period, planTitle: DEMO_TITLE, extension: 'pdf' });
    const paragraphs = await docxParagraphs(word.body);
    expect(paragraphs).toContain(`Statusrapport ${period} – ${DEMO_TITLE}`);
    expect(paragraphs).toContain('Beskrivelse av tiltaket');
    expect(paragraphs.join('\n')).not.toMatch(/utkast/iu);
    const { text } = await pdfText(pdf.body);
    expect(text).toContain(`Statusrapport ${period}`);
    expect(text).toContain(DEMO_TITLE);

    expectNoLogin(visited);
  });

  it('lista over planer er tilgjengelig og har hjelpeboksen', async () => {
    const { page, visited } = await residentPage();
    await page.goto('/innsyn/planer');
    await expectH1(page, 'Handlingsplaner i Oslo kommune');
    await page.getByRole('link', { name: DEMO_TITLE, exact: true }).waitFor();
    await page.getByRole('complementary', { name: 'Trenger du hjelp nå?', exact: true }).waitFor();
    await checkA11y(page, 'innsyn: lista over planer');
    expectNoLogin(visited);
  });

  it('en plan som ikke finnes (eller ikke er publisert), gir «Fant ikke planen»', async () => {
    const { page, visited } = await residentPage();
    for (const id of ['00000000-0000-4000-8000-000000000000', 'ikke-en-plan']) {
      await page.goto(`/innsyn/planer/${id}`);
      await expectH1(page, 'Fant ikke planen');
      await page.getByRole('link', { name: 'Alle publiserte planer', exact: true }).waitFor();
    }
    await checkA11y(page, 'innsyn: fant ikke planen');
    expectNoLogin(visited);
  });
});
