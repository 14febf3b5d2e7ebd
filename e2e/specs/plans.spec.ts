import type { Locator, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { checkA11y } from '../support/a11y.js';
import { loginAs } from '../support/auth.js';
import { describeE2e, useBrowser } from '../support/browser.js';
import { eventually } from '../support/eventually.js';
import { docxParagraphs, docxTables, downloadVia, expectReportFile, pdfText, xlsxCells, type DownloadedFile } from '../support/files.js';
import { chooseOption } from '../support/forms.js';
import { expectH1, goViaMainMenu, mainText, normalise } from '../support/page.js';
import {
  itemCard,
  itemHeadingName,
  itemName,
  norwegianDate,
  openPlanTab,
  osloDate,
  pasteInto,
  tableRows,
  treeHeadings,
  type PlanItemText,
} from '../support/plans.js';

/**
 * The action plan's whole path in the browser, as the "Done when" says it: a planner
 * creates a plan, a unit leader updates statuses in bulk, a report is approved and downloaded as
 * .docx, .pdf and .xlsx (and the files are opened), a table copied out of the Word report imports
 * with every line accounted for, and a resident sees the published plan without logging in.
 *
 * The tests of this file are one story about one new plan (a unique title), in order: each picks
 * up where the one before left off. They depend on no other spec file.
 */

const TODAY = osloDate();
const YEAR = Number(TODAY.slice(0, 4));
/** The plan reports yearly, so the period being reported now is the year. */
const PERIOD = String(YEAR);
const SUFFIX = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
const PLAN_TITLE = `Ruspolitisk handlingsplan ${YEAR}–${YEAR + 3} (e2e ${SUFFIX})`;
const ADOPTED_ON = osloDate(7);
const DISTRICT_TEMPLATE = 'Bydelsplan: Mål → Strategi → Byrådets tiltak → Bydelens tiltak';

interface Measure extends PlanItemText {
  description: string;
  deadline: string;
}

const GOAL: PlanItemText = { level: 'Mål', code: '1', title: 'Færre unge debuterer tidlig med rusmidler' };
const STRATEGY: PlanItemText = { level: 'Strategi', code: '1.1', title: 'Tidlig innsats i skole og fritid' };
const COUNCIL: Measure = {
  level: 'Byrådets tiltak',
  code: 'a',
  title: 'Styrke det rusforebyggende arbeidet i Osloskolen',
  description: 'Utdanningsetaten og bydelene samarbeider om undervisningen.',
  deadline: 'Hele planperioden',
};
const PARENTS: Measure = {
  level: 'Bydelens tiltak',
  code: '2',
  title: 'Foreldremøter om cannabis på alle ungdomsskoler',
  description: 'Alle foreldre til elever på 8. trinn inviteres.',
  deadline: `Våren ${YEAR}`,
};
const TALK: Measure = {
  level: 'Bydelens tiltak',
  code: '1',
  title: 'Samtale med ruskonsulent for elever som bortvises',
  description: 'Gjelder elever i ungdomsskolen og videregående skole i bydelen.',
  deadline: 'Kontinuerlig',
};

/** What the unit leader reports in the bulk update (and so what the report for the period says). */
const REPORTED = {
  council: { status: 'Iverksatt', remark: 'Utdanningsetaten leder arbeidet; Rusteamet deltar i planleggingen.' },
  talk: { status: 'Ikke iverksatt', remark: 'Venter på avtale med skolene om henvisning.' },
  parents: { status: 'Delvis iverksatt', remark: 'Møter holdt på to av fire skoler.' },
};

/** What the planner imports afterwards from the status table pasted out of Word. */
const IMPORTED = {
  talk: { status: 'Delvis iverksatt', remarks: ['Avtale med to skoler er inngått.', 'De to siste skolene følger til høsten.'] },
  parents: { status: 'Gjennomført', remark: 'Møter holdt på alle fire skoler i april.' },
};

const TAB = '\t';
const COLUMN_HEADERS = ['Tiltak', 'Beskrivelse av tiltaket', 'Frist', 'Status', 'Merknader'];
const HEADER_ROW = COLUMN_HEADERS.join(TAB);

/**
 * The status table as it comes out of Word when the district's status report is copied: the
 * chapter headings above it, the column headers, a row broken by a page break (page number, the
 * header row repeated on the new page, then the rest of the row with an empty Tiltak cell), and a
 * row for a measure this plan does not have. Word ends lines with CR LF.
 */
const WORD_TABLE_LINES = [
  /* 1 */ `Mål 1: ${GOAL.title}`,
  /* 2 */ `Strategi 1.1: ${STRATEGY.title}`,
  /* 3 */ HEADER_ROW,
  /* 4 */ [itemName(TALK), 'Gjelder elever i ungdomsskolen', TALK.deadline, IMPORTED.talk.status, IMPORTED.talk.remarks[0]].join(TAB),
  /* 5 */ 'Side 1 av 2',
  /* 6 */ HEADER_ROW,
  /* 7 */ ['', 'og videregående skole i bydelen.', '', '', IMPORTED.talk.remarks[1]].join(TAB),
  /* 8 */ [itemName(PARENTS), PARENTS.description, PARENTS.deadline, IMPORTED.parents.status, IMPORTED.parents.remark].join(TAB),
  /* 9 */ ['7 Rusfritt sommerarrangement for ungdom', 'Arrangeres sammen med Uteseksjonen.', `Sommeren ${YEAR}`, 'Iverksatt', ''].join(TAB),
  /* 10 */ 'Side 2 av 2',
];
const UNKNOWN_LINE = 9;

/** What the preview must say about each pasted line: the "Linje" cell, the outcome, the message. */
const EXPECTED_PREVIEW: { lines: string; outcome: string; message?: string }[] = [
  { lines: '1', outcome: 'Overskrift' },
  { lines: '2', outcome: 'Overskrift' },
  { lines: '3', outcome: 'Hoppes over', message: 'Kolonneoverskrift (gjentas på hver side).' },
  { lines: '4–7', outcome: 'Lagres' },
  { lines: '5', outcome: 'Hoppes over', message: 'Sidetall eller bunntekst.' },
  { lines: '6', outcome: 'Hoppes over', message: 'Kolonneoverskrift (gjentas på hver side).' },
  { lines: '8', outcome: 'Lagres' },
  { lines: '9', outcome: 'Avvist', message: 'Fant ikke tiltaket i planen.' },
  { lines: '10', outcome: 'Hoppes over', message: 'Sidetall eller bunntekst.' },
];

/** The line numbers a "Linje" cell stands for: "4" or "4–7" (a row continued further down). */
function lineNumbers(cell: string): number[] {
  const [first, last] = cell.split('–').map(Number);
  return last === undefined ? [first!] : [first!, last];
}

describeE2e('handlingsplan: fra ny plan til statusrapport, import og innsyn', () => {
  const browser = useBrowser();
  let planner: Page;
  let leader: Page;
  /** Set by the first test: the new plan's id and, later, its report's address. */
  let planId: string | undefined;
  let reportPath: string | undefined;
  /** The status table of the approved report's Word file, as downloaded (rows of cells). */
  let wordStatusTable: string[][] | undefined;

  beforeAll(async () => {
    planner = await browser.newSharedPage();
    await loginAs(planner, 'planlegger.sth');
    leader = await browser.newSharedPage();
    await loginAs(leader, 'leder.sth');
  });

  function createdPlan(): string {
    if (!planId) throw new Error('Planen ble ikke opprettet (den første testen i fila feilet), så dette steget kan ikke prøves.');
    return planId;
  }

  function createdReport(): string {
    if (!reportPath) throw new Error('Statusrapporten ble ikke laget (testen «Rapporter» feilet), så dette steget kan ikke prøves.');
    return reportPath;
  }

  /** Planer → the plan's card → the plan page, as someone who knows only the plan's title. */
  async function openPlan(page: Page): Promise<void> {
    createdPlan();
    await goViaMainMenu(page, 'Planer', 'Handlingsplaner');
    await page.getByRole('main').getByRole('link', { name: PLAN_TITLE, exact: true }).click();
    await expectH1(page, PLAN_TITLE);
  }

  /**
   * Opens Rusfag's start page afresh (as when coming back to it later): clicking "Start" while on
   * the start page keeps what it showed when it was opened.
   */
  async function openStartPage(page: Page, heading: string): Promise<void> {
    await page.goto('/');
    await expectH1(page, heading);
  }

  function treeOf(page: Page): Locator {
    return page.getByRole('region', { name: 'Innholdet i planen', exact: true });
  }

  /** "Legg til …" on the tree, the item form filled in, "Lagre", and the new item on the page. */
  async function addItem(
    page: Page,
    opener: string,
    item: PlanItemText & Partial<Measure>,
    { beforeSave }: { beforeSave?: (form: Locator) => Promise<void> } = {},
  ): Promise<void> {
    const tree = treeOf(page);
    await tree.getByRole('button', { name: opener, exact: true }).click();
    const form = tree.getByRole('form', { name: opener, exact: true });
    await form.getByLabel('Kode', { exact: true }).fill(item.code);
    await form.getByLabel('Tittel', { exact: true }).fill(item.title);
    if (item.description) await form.getByLabel('Beskrivelse', { exact: true }).fill(item.description);
    if (item.deadline !== undefined) {
      // A measure: the owner's units are offered as checkboxes.
      await form.getByRole('group', { name: 'Ansvarlige enheter', exact: true }).getByRole('checkbox', { name: 'Rusteamet', exact: true }).check();
      await form.getByLabel('Frist', { exact: true }).fill(item.deadline);
    }
    if (beforeSave) await beforeSave(form);
    await form.getByRole('button', { name: 'Lagre', exact: true }).click();
    await tree.getByRole('status').filter({ hasText: `«${itemName(item)}» er lagt til.` }).waitFor();
    await tree.getByRole('heading', { name: itemHeadingName(item) }).waitFor();
  }

  /** The card of a measure says this status, reported today, and this remark. */
  async function expectStatus(scope: Page | Locator, item: PlanItemText, status: string, remarks: string[]): Promise<void> {
    const card = itemCard(scope, item);
    await eventually(
      async () => normalise((await card.textContent()) ?? ''),
      (text) => {
        expect(text, `status for ${itemName(item)}`).toContain(`Status: ${status} rapportert ${norwegianDate(TODAY)}`);
        for (const remark of remarks) expect(text, `merknad for ${itemName(item)}`).toContain(remark);
      },
    );
  }

  it('planleggeren oppretter planen, bygger mål, strategi og tiltak, vedtar og publiserer den', async () => {
    const page = planner;
    await goViaMainMenu(page, 'Planer', 'Handlingsplaner');
    await checkA11y(page, 'Handlingsplaner');

    await page.getByRole('main').getByRole('link', { name: 'Ny plan', exact: true }).click();
    await expectH1(page, 'Ny plan');
    expect(new URL(page.url()).pathname).toBe('/planer/ny');
    await checkA11y(page, 'skjemaet Ny plan');
    const form = page.getByRole('main');
    await chooseOption(form.getByLabel('Eier', { exact: true }), 'Bydel St. Hanshaugen');
    await form.getByLabel('Tittel', { exact: true }).fill(PLAN_TITLE);
    await form.getByLabel('Beskrivelse', { exact: true }).fill('Bydelens plan for forebygging og tidlig innsats. Laget av ende-til-ende-testene.');
    await form.getByLabel('Fra år', { exact: true }).fill(String(YEAR));
    await form.getByLabel('Til år', { exact: true }).fill(String(YEAR + 3));
    await chooseOption(form.getByLabel('Planmal', { exact: true }), DISTRICT_TEMPLATE);
    await chooseOption(form.getByLabel('Rapportering', { exact: true }), 'Årlig');
    await form.getByRole('button', { name: 'Opprett plan', exact: true }).click();

    await expectH1(page, PLAN_TITLE);
    const id = /^\/planer\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1];
    expect(id, `adressen etter «Opprett plan» (${page.url()})`).toBeDefined();
    planId = id;
    await page.getByRole('main').getByRole('status').filter({ hasText: `«${PLAN_TITLE}» er opprettet som utkast.` }).waitFor();
    const lead = await mainText(page);
    for (const fact of ['Bydel St. Hanshaugen', `${YEAR}–${YEAR + 3}`, 'Utkast']) expect(lead).toContain(fact);
    expect(await page.getByRole('tab', { name: 'Plan', exact: true }).getAttribute('aria-selected')).toBe('true');
    await treeOf(page).getByRole('heading', { name: 'Planen er tom', exact: true }).waitFor();
    await checkA11y(page, 'den nye, tomme planen');

    // The tree, as the planner types it in: goal, strategy, the council's measure, the district's two.
    await addItem(page, 'Legg til Mål', GOAL);
    await addItem(page, `Legg til Strategi under ${itemName(GOAL)}`, STRATEGY);
    await addItem(page, `Legg til Byrådets tiltak under ${itemName(STRATEGY)}`, COUNCIL);
    await addItem(page, `Legg til Bydelens tiltak under ${itemName(COUNCIL)}`, PARENTS, {
      beforeSave: async (measureForm) => {
        // The deadline is read as it is typed, and the measure form passes axe.
        await measureForm.getByText('Tolkes som:').waitFor();
        await checkA11y(page, 'skjemaet for et nytt tiltak');
      },
    });
    await addItem(page, `Legg til Bydelens tiltak under ${itemName(COUNCIL)}`, TALK);

    const tree = treeOf(page);
    const heading = (item: PlanItemText) => `${item.level} ${item.code} ${item.title}`;
    expect(await treeHeadings(tree)).toEqual([heading(GOAL), heading(STRATEGY), heading(COUNCIL), heading(PARENTS), heading(TALK)]);

    // Measure 1 was added after measure 2: one step up puts it first.
    await tree.getByRole('button', { name: `Flytt opp ${itemName(TALK)}`, exact: true }).click();
    await tree.getByRole('status').filter({ hasText: `«${itemName(TALK)}» er flyttet. Den er nå nummer 1 av 2.` }).waitFor();
    const expectedOrder = [heading(GOAL), heading(STRATEGY), heading(COUNCIL), heading(TALK), heading(PARENTS)];
    expect(await treeHeadings(tree)).toEqual(expectedOrder);
    expect(await tree.getByRole('button', { name: `Flytt opp ${itemName(TALK)}`, exact: true }).isDisabled()).toBe(true);

    // The server kept it: the same tree after a reload, with what each measure says.
    await page.reload();
    await expectH1(page, PLAN_TITLE);
    await treeOf(page).getByRole('heading', { name: itemHeadingName(PARENTS) }).waitFor();
    expect(await treeHeadings(treeOf(page))).toEqual(expectedOrder);
    for (const measure of [COUNCIL, TALK, PARENTS]) {
      const text = normalise(await itemCard(page, measure).innerText());
      expect(text).toContain('Status: Uten status');
      expect(text).toContain(`Beskrivelse ${measure.description}`);
      expect(text).toContain('Ansvarlige enheter Rusteamet');
      expect(text).toContain(`Frist ${measure.deadline}`);
    }
    await checkA11y(page, 'planen med mål, strategi og tiltak');

    // Om planen: adopted on a date, then published.
    await openPlanTab(page, 'Om planen');
    expect(new URL(page.url()).searchParams.get('fane')).toBe('om');
    await checkA11y(page, 'fanen Om planen (utkast)');
    await page.getByLabel('Vedtatt dato', { exact: true }).fill(ADOPTED_ON);
    await page.getByRole('button', { name: 'Vedta planen', exact: true }).click();
    const state = page.getByRole('region', { name: 'Vedtak og publisering', exact: true });
    await state.getByRole('status').filter({ hasText: 'Planen er registrert som vedtatt.' }).waitFor();
    await eventually(
      () => mainText(page),
      (text) => expect(text).toContain(`Vedtatt ${norwegianDate(ADOPTED_ON)}`),
    );

    // Adopted but not published: a resident does not find it.
    const resident = await browser.newPage();
    await resident.goto(`/innsyn/planer/${createdPlan()}`);
    await expectH1(resident, 'Fant ikke planen');
    await checkA11y(resident, 'innsyn: en upublisert plan');
    await resident.goto('/innsyn/planer');
    await expectH1(resident, 'Handlingsplaner i Oslo kommune');
    await resident.getByRole('link', { name: 'Ruspolitisk handlingsplan – Bydel St. Hanshaugen', exact: true }).waitFor();
    expect(await resident.getByRole('link', { name: PLAN_TITLE, exact: true }).count(), 'en upublisert plan skal ikke stå i innsynslista').toBe(0);

    await state.getByRole('button', { name: 'Publiser planen', exact: true }).click();
    await state.getByRole('status').filter({ hasText: 'Planen er publisert for innbyggerne.' }).waitFor();
    await state.getByRole('link', { name: 'Se planen slik innbyggerne ser den', exact: true }).waitFor();
    await state.getByRole('button', { name: 'Trekk tilbake publisering', exact: true }).waitFor();
    await checkA11y(page, 'fanen Om planen (vedtatt og publisert)');

    await resident.goto(`/innsyn/planer/${createdPlan()}`);
    await expectH1(resident, PLAN_TITLE);
  });

  it('enhetslederen oppdaterer statusene i én omgang, og gjøremålene forsvinner', async () => {
    createdPlan();
    const page = leader;
    await openStartPage(page, 'Enhetens oversikt');
    const todo = page.getByRole('region', { name: 'Tiltak som venter på status', exact: true });
    const todoLink = todo.getByRole('link', { name: `Oppdater statusene – ${PLAN_TITLE}`, exact: true });
    await todoLink.waitFor();
    const todoText = await todo.innerText();
    expect(todoText).toContain(`${itemName(TALK)} – Rusteamet`);
    expect(todoText).toContain(`${itemName(PARENTS)} – Rusteamet`);
    // The council's measures are not the district's to report.
    expect(todoText).not.toContain(itemName(COUNCIL));
    await checkA11y(page, 'startsiden til enhetslederen');

    await openPlan(page);
    // A unit leader reports status; the plan itself is the planner's.
    await treeOf(page).getByRole('heading', { name: itemHeadingName(PARENTS) }).waitFor();
    expect(await page.getByRole('button', { name: 'Legg til Mål', exact: true }).count()).toBe(0);
    await checkA11y(page, 'planen sett av enhetslederen');

    await openPlanTab(page, 'Statusoppdatering');
    const table = page.getByRole('table', { name: 'Statusoppdatering', exact: true });
    await table.waitFor();
    expect(await tableRows(table)).toHaveLength(3);
    expect(await table.getByText(`Mangler status for ${PERIOD}`, { exact: true }).count()).toBe(2);
    expect(await page.getByLabel('Rapportert dato', { exact: true }).inputValue()).toBe(TODAY);
    await checkA11y(page, 'fanen Statusoppdatering');

    const rows: [Measure, { status: string; remark: string }][] = [
      [COUNCIL, REPORTED.council],
      [TALK, REPORTED.talk],
      [PARENTS, REPORTED.parents],
    ];
    for (const [measure, value] of rows) {
      await chooseOption(page.getByLabel(`Status for ${itemName(measure)}`, { exact: true }), value.status);
      await page.getByLabel(`Merknad for ${itemName(measure)}`, { exact: true }).fill(value.remark);
    }
    await page.getByText('3 tiltak er endret og ikke lagret.', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Lagre statuser', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '3 statuser lagret' }).waitFor();

    // After a reload the statuses are the current ones, and nothing is marked as missing.
    await page.reload();
    await expectH1(page, PLAN_TITLE);
    await table.waitFor();
    const current = Object.fromEntries((await tableRows(table)).map((cells) => [cells[0] ?? '', cells[1] ?? '']));
    for (const [measure, value] of rows) {
      const row = Object.entries(current).find(([name]) => name.includes(itemName(measure)));
      expect(row?.[1], `nåværende status for ${itemName(measure)}`).toBe(`${value.status} ${norwegianDate(TODAY)}`);
    }
    expect(await table.getByText(`Mangler status for ${PERIOD}`, { exact: true }).count()).toBe(0);

    const planPanel = await openPlanTab(page, 'Plan');
    for (const [measure, value] of rows) await expectStatus(planPanel, measure, value.status, [value.remark]);
    await checkA11y(page, 'planen med statusene');

    // The start page's to-do list has nothing left from this plan.
    await goViaMainMenu(page, 'Start', 'Enhetens oversikt');
    await todo
      .getByRole('link', { name: /^Oppdater statusene/ })
      .first()
      .or(todo.getByText('Ingen tiltak venter på status fra enheten din i denne rapporteringsperioden.'))
      .waitFor();
    expect(await todoLink.count(), 'planen skal ikke lenger stå på gjøremålslista').toBe(0);
    expect(await todo.innerText()).not.toContain(itemName(TALK));
  });

  it('rapporten: planleggeren lager utkastet, enhetslederen godkjenner, planleggeren publiserer og laster ned', async () => {
    await openPlan(planner);
    await openPlanTab(planner, 'Rapporter');
    const periods = planner.getByRole('table', { name: 'Rapporteringsperioder', exact: true });
    const row = periods.getByRole('row').filter({ has: planner.getByRole('rowheader', { name: new RegExp(`^${PERIOD}\\b`) }) });
    expect(normalise(await row.innerText())).toContain('Rapporteres nå');
    // Every measure of the plan has a status for the period.
    expect((await tableRows(periods)).find((cells) => cells[0]?.startsWith(PERIOD))?.[2]).toBe('0');
    await checkA11y(planner, 'fanen Rapporter');

    await row.getByRole('button', { name: `Lag utkast for ${PERIOD}`, exact: true }).click();
    await expectH1(planner, `Statusrapport ${PERIOD}`);
    const path = new URL(planner.url()).pathname;
    expect(path).toMatch(new RegExp(`^/planer/${createdPlan()}/rapporter/[0-9a-f-]{36}$`));
    reportPath = path;
    await planner.getByRole('status').filter({ hasText: `Utkast til statusrapport for ${PERIOD} er laget.` }).waitFor();
    expect(await mainText(planner)).toMatch(/Tilstand Utkast/u);

    // The summary counts the district's own measures (not the council's) by status.
    const summary = planner.getByRole('table', { name: 'Sammendrag', exact: true });
    const counts = await tableRows(summary);
    expect(counts).toContainEqual(['Ikke iverksatt', '1']);
    expect(counts).toContainEqual(['Delvis iverksatt', '1']);
    expect(counts).toContainEqual(['Iverksatt', '0']);
    expect(counts).toContainEqual(['Uten status', '0']);
    expect(normalise(await summary.locator('tfoot').innerText())).toBe('Totalt 2');

    // One table for the strategy, with the measures in plan order and the statuses just reported.
    const chapter = planner.getByRole('table', { name: `Strategi: ${itemName(STRATEGY)}`, exact: true });
    // The council's row is marked with its level, in capitals (CSS): compared without case there.
    const chapterRows = (await tableRows(chapter)).map(([measure = '', ...rest]) => [measure.replace(/^BYRÅDETS TILTAK /u, 'Byrådets tiltak '), ...rest]);
    expect(chapterRows).toEqual([
      [`Byrådets tiltak ${itemName(COUNCIL)}`, COUNCIL.description, COUNCIL.deadline, REPORTED.council.status, REPORTED.council.remark],
      [itemName(TALK), TALK.description, TALK.deadline, REPORTED.talk.status, REPORTED.talk.remark],
      [itemName(PARENTS), PARENTS.description, PARENTS.deadline, REPORTED.parents.status, REPORTED.parents.remark],
    ]);
    expect(await chapter.getByRole('columnheader').allTextContents()).toEqual(COLUMN_HEADERS);
    await checkA11y(planner, 'statusrapporten (utkast)');

    // The unit leader finds the draft on the start page and approves it.
    await openStartPage(leader, 'Enhetens oversikt');
    const toApprove = leader.getByRole('region', { name: 'Rapporter til godkjenning', exact: true });
    await toApprove.getByRole('listitem').filter({ hasText: PLAN_TITLE }).getByRole('link', { name: `Statusrapport ${PERIOD}`, exact: true }).click();
    await expectH1(leader, `Statusrapport ${PERIOD}`);
    expect(new URL(leader.url()).pathname).toBe(createdReport());
    await leader.getByRole('button', { name: 'Godkjenn', exact: true }).click();
    await leader.getByRole('status').filter({ hasText: 'Rapporten er godkjent og låst.' }).waitFor();
    expect(await mainText(leader)).toContain('Godkjent av Lise Leder');
    // Publishing is the planner's.
    expect(await leader.getByRole('button', { name: 'Publiser', exact: true }).count()).toBe(0);
    await checkA11y(leader, 'statusrapporten godkjent, sett av enhetslederen');

    await planner.reload();
    await expectH1(planner, `Statusrapport ${PERIOD}`);
    expect(await planner.getByRole('button', { name: 'Godkjenn', exact: true }).count()).toBe(0);
    await planner.getByRole('button', { name: 'Publiser', exact: true }).click();
    await planner.getByRole('status').filter({ hasText: 'Rapporten er publisert for innbyggerne.' }).waitFor();
    await planner.getByRole('button', { name: 'Trekk tilbake publisering', exact: true }).waitFor();
    await checkA11y(planner, 'statusrapporten godkjent og publisert');

    // The three downloads, opened as files.
    const downloads = planner.getByRole('list', { name: 'Last ned eller skriv ut rapporten', exact: true });
    const word = await downloadVia(downloads.getByRole('link', { name: 'Last ned Word', exact: true }));
    const pdf = await downloadVia(downloads.getByRole('link', { name: 'Last ned PDF', exact: true }));
    const excel = await downloadVia(downloads.getByRole('link', { name: 'Last ned Excel', exact: true }));
    expectFileName(word, 'docx');
    expectFileName(pdf, 'pdf');
    expectFileName(excel, 'xlsx');

    const paragraphs = await docxParagraphs(word.body);
    const wordText = paragraphs.join('\n');
    expect(paragraphs).toContain(`Statusrapport ${PERIOD} – ${PLAN_TITLE}`);
    for (const header of COLUMN_HEADERS) expect(paragraphs, `kolonneoverskriften «${header}» i Word`).toContain(header);
    expect(paragraphs).toContain(itemName(PARENTS));
    expect(paragraphs).toContain(REPORTED.parents.status);
    expect(paragraphs).toContain(REPORTED.parents.remark);
    expect(paragraphs).toContain(REPORTED.talk.remark);
    expect(wordText).toContain('av Lise Leder');
    expect(wordText).not.toMatch(/utkast/iu);
    // The strategy's table, cell by cell, as Word shows it.
    const statusTable = (await docxTables(word.body)).find((table) => JSON.stringify(table[0]) === JSON.stringify(COLUMN_HEADERS));
    expect(statusTable, 'statustabellen i Word-filen').toEqual([
      COLUMN_HEADERS,
      [`${COUNCIL.code}. ${COUNCIL.title}`, COUNCIL.description, COUNCIL.deadline, REPORTED.council.status, REPORTED.council.remark],
      [itemName(TALK), TALK.description, TALK.deadline, REPORTED.talk.status, REPORTED.talk.remark],
      [itemName(PARENTS), PARENTS.description, PARENTS.deadline, REPORTED.parents.status, REPORTED.parents.remark],
    ]);
    expect(paragraphs).toContain(`Strategi 1.1: ${STRATEGY.title}`);
    wordStatusTable = statusTable;

    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text } = await pdfText(pdf.body);
    for (const expected of [PLAN_TITLE, itemName(PARENTS), REPORTED.parents.status, REPORTED.parents.remark, REPORTED.talk.remark, ...COLUMN_HEADERS]) {
      expect(text, `PDF-en skal si «${expected}»`).toContain(expected);
    }

    const cells = await xlsxCells(excel.body);
    expect(cells.find((cell) => cell.address === 'A1')?.text).toBe(`Statusrapport ${PERIOD} – ${PLAN_TITLE}`);
    const titleCell = cells.find((cell) => cell.text === PARENTS.title);
    expect(titleCell, `en celle med tiltaket «${PARENTS.title}» i Excel`).toBeDefined();
    const sameRow = cells.filter((cell) => cell.sheet === titleCell!.sheet && cell.row === titleCell!.row).map((cell) => cell.text);
    expect(sameRow).toContain(PARENTS.code);
    expect(sameRow).toContain(PARENTS.deadline);
    expect(sameRow).toContain(REPORTED.parents.status);
    expect(sameRow).toContain(REPORTED.parents.remark);
    const headerRow = cells.filter((cell) => cell.sheet === titleCell!.sheet && cell.text === 'Merknader')[0]?.row;
    expect(headerRow, 'kolonneoverskriftene i Excel').toBeDefined();
    expect(cells.filter((cell) => cell.row === headerRow).map((cell) => cell.text)).toEqual(expect.arrayContaining(['Frist', 'Status', 'Merknader']));
  });

  it('import: en statustabell kopiert ut av Word gjøres rede for linje for linje og importeres', async () => {
    await openPlan(planner);
    await openPlanTab(planner, 'Import og eksport');
    expect(new URL(planner.url()).searchParams.get('fane')).toBe('import');
    await checkA11y(planner, 'fanen Import og eksport');

    const section = planner.getByRole('region', { name: 'Importer statuser fra Word eller PDF', exact: true });
    await pasteInto(section.getByLabel('Lim inn statustabell', { exact: true }), `${WORD_TABLE_LINES.join('\r\n')}\r\n`);
    expect(await section.getByLabel('Rapportert dato', { exact: true }).inputValue()).toBe(TODAY);
    await section.getByRole('button', { name: 'Forhåndsvis', exact: true }).click();

    const preview = section.getByRole('table', { name: 'Forhåndsvisning', exact: true });
    await preview.waitFor();
    const pasted = WORD_TABLE_LINES.length;
    await section.getByText(`${pasted} linjer: 2 lagres, 0 uendret, 1 avvist, 4 hoppes over. Ingenting er lagret ennå.`, { exact: true }).waitFor();
    expect(await preview.getByRole('columnheader').allTextContents()).toEqual(['Linje', 'Tiltak', 'Status', 'Resultat', 'Melding']);

    // Every pasted line is in the preview, once, with what happens to it.
    const rows = await tableRows(preview);
    const shown = rows.map(([lines = '', measure = '', status = '', outcome = '', message = '']) => ({ lines, measure, status, outcome, message }));
    const accounted = shown.flatMap((row) => lineNumbers(row.lines));
    const covered = new Set(shown.flatMap((row) => {
      const [first, last = first] = lineNumbers(row.lines);
      return Array.from({ length: last! - first! + 1 }, (_, index) => first! + index);
    }));
    expect([...accounted].sort((a, b) => a - b), 'hver innlimt linje står i forhåndsvisningen nøyaktig én gang').toEqual(
      Array.from({ length: pasted }, (_, index) => index + 1),
    );
    expect(covered.size).toBe(pasted);
    expect(shown.map((row) => row.lines)).toEqual(EXPECTED_PREVIEW.map((row) => row.lines));
    for (const [index, expected] of EXPECTED_PREVIEW.entries()) {
      const row = shown[index]!;
      expect(row.outcome, `resultatet for linje ${expected.lines}`).toMatch(new RegExp(`^${expected.outcome}\\b`));
      if (expected.message) expect(row.message, `meldingen for linje ${expected.lines}`).toBe(expected.message);
    }
    const talkRow = shown[3]!;
    expect(talkRow.measure).toContain(`${itemName(TALK)} I planen: 1 › 1.1 › a › 1`);
    expect(talkRow.status).toBe(`${IMPORTED.talk.status} ${IMPORTED.talk.remarks.join(' ')}`);
    expect(shown[6]!.measure).toContain(`${itemName(PARENTS)} I planen: 1 › 1.1 › a › 2`);

    // The unknown measure blocks the import until it is skipped.
    const importButton = section.getByRole('button', { name: 'Importer', exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    await section.getByText('1 avvist linje må hoppes over (eller rettes og forhåndsvises på nytt) før du kan importere.', { exact: true }).waitFor();
    await checkA11y(planner, 'forhåndsvisningen av importen');

    await section.getByRole('checkbox', { name: `Hopp over linje ${UNKNOWN_LINE}`, exact: true }).check();
    await eventually(
      () => importButton.isDisabled(),
      (disabled) => expect(disabled, '«Importer» skal kunne brukes når den avviste linjen hoppes over').toBe(false),
    );
    expect((await tableRows(preview))[7]?.[3]).toMatch(/^Avvist – hoppes over/u);
    await importButton.click();
    await section.getByRole('status').filter({ hasText: '2 statuser importert' }).waitFor();

    const planPanel = await openPlanTab(planner, 'Plan');
    await expectStatus(planPanel, TALK, IMPORTED.talk.status, IMPORTED.talk.remarks);
    await expectStatus(planPanel, PARENTS, IMPORTED.parents.status, [IMPORTED.parents.remark]);
    // The council's measure was not in the pasted rows: it keeps the leader's status.
    await expectStatus(planPanel, COUNCIL, REPORTED.council.status, [REPORTED.council.remark]);
    await checkA11y(planner, 'planen etter importen');
  });

  it('import: statustabellen fra den nedlastede Word-rapporten, limt inn igjen, kjennes igjen rad for rad', async () => {
    // Exactly what copying the strategy's heading and its table out of the report's Word file gives:
    // the council's measure first ("a Styrke …"), then the district's ("1 Samtale …", "2 Foreldremøter …").
    if (!wordStatusTable) throw new Error('Word-rapporten ble ikke lastet ned (testen «rapporten» feilet), så dette steget kan ikke prøves.');
    await openPlan(planner);
    await openPlanTab(planner, 'Import og eksport');
    const section = planner.getByRole('region', { name: 'Importer statuser fra Word eller PDF', exact: true });
    const copied = [`Strategi 1.1: ${STRATEGY.title}`, ...wordStatusTable.map((cells) => cells.join(TAB))];
    await pasteInto(section.getByLabel('Lim inn statustabell', { exact: true }), `${copied.join('\r\n')}\r\n`);
    await section.getByRole('button', { name: 'Forhåndsvis', exact: true }).click();
    const preview = section.getByRole('table', { name: 'Forhåndsvisning', exact: true });
    await preview.waitFor();

    // The report has the leader's statuses; since then the import changed measures 1 and 2.
    const shown = (await tableRows(preview)).map(([lines, measure, , outcome, message]) => ({ lines, measure, outcome, message }));
    expect(shown, 'hver rad fra Word-rapporten skal finnes i planen; ingen skal avvises').toEqual([
      { lines: '1', measure: `Strategi 1.1: ${STRATEGY.title}`, outcome: 'Overskrift', message: '' },
      { lines: '2', measure: HEADER_ROW.replaceAll(TAB, ' '), outcome: 'Hoppes over', message: 'Kolonneoverskrift (gjentas på hver side).' },
      { lines: '3', measure: `${itemName(COUNCIL)} I planen: 1 › 1.1 › a`, outcome: 'Uendret', message: '' },
      { lines: '4', measure: `${itemName(TALK)} I planen: 1 › 1.1 › a › 1`, outcome: 'Lagres', message: '' },
      { lines: '5', measure: `${itemName(PARENTS)} I planen: 1 › 1.1 › a › 2`, outcome: 'Lagres', message: '' },
    ]);
  });

  it('innsyn: en innbygger ser den publiserte planen, statusene, historikken og rapporten uten å logge inn', async () => {
    createdPlan();
    const page = await browser.newPage();
    const visited: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) visited.push(frame.url());
    });
    const help = page.getByRole('complementary', { name: 'Trenger du hjelp nå?', exact: true });

    await page.goto('/innsyn/planer');
    await expectH1(page, 'Handlingsplaner i Oslo kommune');
    const district = page.getByRole('region', { name: 'Bydel St. Hanshaugen', exact: true });
    await district.getByRole('link', { name: 'Ruspolitisk handlingsplan – Bydel St. Hanshaugen', exact: true }).waitFor();
    await help.waitFor();
    expect(await help.getByRole('link', { name: '113', exact: true }).getAttribute('href')).toBe('tel:113');
    await checkA11y(page, 'innsyn: lista over planer');

    await district.getByRole('link', { name: PLAN_TITLE, exact: true }).click();
    await expectH1(page, PLAN_TITLE);
    expect(new URL(page.url()).pathname).toBe(`/innsyn/planer/${createdPlan()}`);
    await help.waitFor();
    const lead = await mainText(page);
    for (const fact of ['Bydel St. Hanshaugen', `${YEAR}–${YEAR + 3}`, `Vedtatt ${norwegianDate(ADOPTED_ON)}`]) expect(lead).toContain(fact);

    // Every measure with its current status: the imported ones, and the leader's on the council's.
    const measures = page.getByRole('region', { name: 'Mål og tiltak', exact: true });
    await expectStatus(measures, TALK, IMPORTED.talk.status, IMPORTED.talk.remarks);
    await expectStatus(measures, PARENTS, IMPORTED.parents.status, [IMPORTED.parents.remark]);
    await expectStatus(measures, COUNCIL, REPORTED.council.status, [REPORTED.council.remark]);

    // The history: the import on top of the leader's report.
    await measures.getByRole('button', { name: `Vis historikk for ${itemName(TALK)}`, exact: true }).click();
    const history = measures.getByRole('table', { name: `Statushistorikk for ${itemName(TALK)}`, exact: true });
    await history.waitFor();
    expect(await tableRows(history)).toEqual([
      [norwegianDate(TODAY), IMPORTED.talk.status, IMPORTED.talk.remarks.join(' ')],
      [norwegianDate(TODAY), REPORTED.talk.status, REPORTED.talk.remark],
    ]);

    // The published report, frozen as it was approved, downloadable by anyone.
    const reports = page.getByRole('region', { name: 'Statusrapporter', exact: true });
    const report = reports.getByRole('listitem').filter({ hasText: `Statusrapport ${PERIOD}` });
    expect(normalise(await report.innerText())).toContain(`Godkjent ${norwegianDate(TODAY)}`);
    await checkA11y(page, 'innsyn: den nye planen');

    const word = await downloadVia(report.getByRole('link', { name: 'Last ned Word', exact: true }));
    const pdf = await downloadVia(report.getByRole('link', { name: 'Last ned PDF', exact: true }));
    expectFileName(word, 'docx');
    expectFileName(pdf, 'pdf');
    const paragraphs = await docxParagraphs(word.body);
    expect(paragraphs).toContain(`Statusrapport ${PERIOD} – ${PLAN_TITLE}`);
    expect(paragraphs).toContain(REPORTED.talk.status);
    expect(paragraphs).toContain(REPORTED.talk.remark);
    expect(paragraphs.join('\n'), 'den godkjente rapporten endres ikke av importen etterpå').not.toContain(IMPORTED.parents.remark);
    const { text } = await pdfText(pdf.body);
    expect(text).toContain(PLAN_TITLE);
    expect(text).toContain(REPORTED.parents.remark);

    expect(visited.length).toBeGreaterThan(0);
    for (const url of visited) expect(new URL(url).pathname, 'innsynssidene sender aldri til innlogging').toMatch(/^\/innsyn\/planer/);
  });
});

function expectFileName(file: DownloadedFile, extension: 'docx' | 'pdf' | 'xlsx'): void {
  expectReportFile(file, { period: PERIOD, planTitle: PLAN_TITLE, extension });
}
