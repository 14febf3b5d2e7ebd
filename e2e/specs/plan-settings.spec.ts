import type { Locator, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { checkA11y } from '../support/a11y.js';
import { loginAs } from '../support/auth.js';
import { describeE2e, useBrowser } from '../support/browser.js';
import { eventually } from '../support/eventually.js';
import { chooseOption } from '../support/forms.js';
import { expectH1, goViaMainMenu, isFocused, normalise } from '../support/page.js';
import { itemCard, itemHeadingName, itemName, norwegianDate, openPlanTab, osloDate, type PlanItemText } from '../support/plans.js';

/**
 * A plan's settings on the "Om planen" tab, as a planner changes them: the levels (renamed; a
 * level that still has items cannot go), the status words (a new word used at once in the status
 * update; a word in the history cannot go) and links to other plans (one in Rusfag, one on the
 * web). Also the measure form's partners: organisations of the tree beside free text.
 *
 * The tests are one story about one new plan (a unique title), in order. They depend on no other
 * spec file; the demo plan of St. Hanshaugen is the plan linked to.
 */

const TODAY = osloDate();
const YEAR = Number(TODAY.slice(0, 4));
const SUFFIX = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
const PLAN_TITLE = `Tiltaksplan for skolene ${YEAR}–${YEAR + 3} (e2e ${SUFFIX})`;
const CHAPTER_TEMPLATE = 'Kapittelplan: Kapittel → Tiltak';
const DEMO_PLAN = 'Ruspolitisk handlingsplan – Bydel St. Hanshaugen';

const CHAPTER: PlanItemText = { level: 'Kapittel', code: '1', title: 'Forebygging i skolen' };
const MEASURE: PlanItemText = { level: 'Tiltak', code: '1', title: 'Foreldremøter om rusmidler på alle ungdomsskoler' };
/** The levels after the planner has renamed them. */
const RENAMED = { chapter: 'Innsatsområde', measure: 'Skoletiltak' };
const NEW_WORD = 'Under arbeid';
const WEB_LINK = { title: 'Opptrappingsplanen for rusfeltet', url: 'https://www.regjeringen.no/no/dokumenter/prop.-15-s-20152016/id2456000/' };

async function expectFocused(target: Locator, what: string): Promise<void> {
  await eventually(
    () => isFocused(target),
    (focused) => expect(focused, `fokus skal være på ${what}`).toBe(true),
  );
}

describeE2e('innstillingene for en plan: nivåer, statusord, lenker og samarbeidspartnere', () => {
  const browser = useBrowser();
  let planner: Page;
  let planId: string | undefined;

  beforeAll(async () => {
    planner = await browser.newSharedPage();
    await loginAs(planner, 'planlegger.sth');
  });

  function createdPlan(): string {
    if (!planId) throw new Error('Planen ble ikke opprettet (den første testen i fila feilet), så dette steget kan ikke prøves.');
    return planId;
  }

  async function openPlan(page: Page): Promise<void> {
    await page.goto(`/planer/${createdPlan()}`);
    await expectH1(page, PLAN_TITLE);
  }

  function treeOf(page: Page): Locator {
    return page.getByRole('region', { name: 'Innholdet i planen', exact: true });
  }

  /** Om planen → "Rediger opplysningene": the edit form, with its first field focused. */
  async function openSettings(page: Page): Promise<Locator> {
    await openPlan(page);
    const tab = await openPlanTab(page, 'Om planen');
    await tab.getByRole('button', { name: 'Rediger opplysningene', exact: true }).click();
    const form = tab.getByRole('form', { name: 'Rediger opplysningene', exact: true });
    await form.waitFor();
    return form;
  }

  async function save(page: Page, form: Locator): Promise<void> {
    await form.getByRole('button', { name: 'Lagre', exact: true }).click();
    await page.getByRole('region', { name: 'Om planen', exact: true }).getByRole('status').filter({ hasText: 'Endringene er lagret.' }).waitFor();
  }

  /** The facts of the "Om planen" list: "Nivåer" → its text. */
  async function aboutFact(page: Page, term: string): Promise<string> {
    const region = page.getByRole('region', { name: 'Om planen', exact: true });
    const row = region.locator('dl > div').filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }) });
    return normalise(await row.getByRole('definition').innerText());
  }

  it('planleggeren lager en kapittelplan med et tiltak og samarbeidspartnere fra organisasjonen og utenfor', async () => {
    const page = planner;
    await goViaMainMenu(page, 'Planer', 'Handlingsplaner');
    await page.getByRole('main').getByRole('link', { name: 'Ny plan', exact: true }).click();
    await expectH1(page, 'Ny plan');
    const newForm = page.getByRole('main');
    await chooseOption(newForm.getByLabel('Eier', { exact: true }), 'Bydel St. Hanshaugen');
    await newForm.getByLabel('Tittel', { exact: true }).fill(PLAN_TITLE);
    await newForm.getByLabel('Fra år', { exact: true }).fill(String(YEAR));
    await newForm.getByLabel('Til år', { exact: true }).fill(String(YEAR + 3));
    await chooseOption(newForm.getByLabel('Planmal', { exact: true }), CHAPTER_TEMPLATE);
    await newForm.getByRole('button', { name: 'Opprett plan', exact: true }).click();
    await expectH1(page, PLAN_TITLE);
    planId = /^\/planer\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1];
    expect(planId, `adressen etter «Opprett plan» (${page.url()})`).toBeDefined();

    const tree = treeOf(page);
    await tree.getByRole('button', { name: 'Legg til Kapittel', exact: true }).click();
    const chapterForm = tree.getByRole('form', { name: 'Legg til Kapittel', exact: true });
    await chapterForm.getByLabel('Kode', { exact: true }).fill(CHAPTER.code);
    await chapterForm.getByLabel('Tittel', { exact: true }).fill(CHAPTER.title);
    await chapterForm.getByRole('button', { name: 'Lagre', exact: true }).click();
    await tree.getByRole('heading', { name: itemHeadingName(CHAPTER) }).waitFor();

    const opener = `Legg til Tiltak under ${itemName(CHAPTER)}`;
    await tree.getByRole('button', { name: opener, exact: true }).click();
    const form = tree.getByRole('form', { name: opener, exact: true });
    await form.getByLabel('Kode', { exact: true }).fill(MEASURE.code);
    await form.getByLabel('Tittel', { exact: true }).fill(MEASURE.title);
    await form.getByRole('group', { name: 'Ansvarlige enheter', exact: true }).getByRole('checkbox', { name: 'Rusteamet', exact: true }).check();

    // Partners from anywhere in the organisation: the districts and agencies are listed, the units under them are searched for.
    const partners = form.getByRole('group', { name: 'Samarbeidspartnere i kommunen', exact: true });
    await partners.getByRole('checkbox', { name: 'Velferdsetaten', exact: true }).check();
    expect(await partners.getByRole('checkbox', { name: 'Uteseksjonen (Velferdsetaten)', exact: true }).count()).toBe(0);
    await partners.getByLabel('Søk etter bydel, etat eller enhet', { exact: true }).fill('uteseksj');
    await partners.getByRole('status').filter({ hasText: '1 passer med søket.' }).waitFor();
    await partners.getByRole('checkbox', { name: 'Uteseksjonen (Velferdsetaten)', exact: true }).check();
    // Enter in the search field searches; it does not send the form.
    await partners.getByLabel('Søk etter bydel, etat eller enhet', { exact: true }).press('Enter');
    expect(await form.isVisible()).toBe(true);
    await form.getByLabel('Andre samarbeidspartnere', { exact: true }).fill('Politiet; FAU ved skolene');
    await checkA11y(page, 'tiltaksskjemaet med samarbeidspartnere');
    await form.getByRole('button', { name: 'Lagre', exact: true }).click();
    await tree.getByRole('status').filter({ hasText: `«${itemName(MEASURE)}» er lagt til.` }).waitFor();

    const card = normalise(await itemCard(page, MEASURE).innerText());
    expect(card).toContain('Ansvarlige enheter Rusteamet');
    expect(card).toContain('Samarbeidspartnere Uteseksjonen; Velferdsetaten; Politiet; FAU ved skolene');

    // Opened again, the form has the partners as they were chosen.
    await tree.getByRole('button', { name: `Rediger ${itemName(MEASURE)}`, exact: true }).click();
    const edit = tree.getByRole('form', { name: `Rediger ${itemName(MEASURE)}`, exact: true });
    const chosen = edit.getByRole('group', { name: 'Samarbeidspartnere i kommunen', exact: true });
    expect(await chosen.getByRole('checkbox', { name: 'Uteseksjonen (Velferdsetaten)', exact: true }).isChecked()).toBe(true);
    expect(await chosen.getByRole('checkbox', { name: 'Velferdsetaten', exact: true }).isChecked()).toBe(true);
    expect(await edit.getByLabel('Andre samarbeidspartnere', { exact: true }).inputValue()).toBe('Politiet; FAU ved skolene');
    await edit.getByRole('button', { name: 'Avbryt', exact: true }).click();
  });

  it('planleggeren gir nivåene nye navn og ser dem i planen; et nivå som har punkter, kan ikke fjernes', async () => {
    const page = planner;
    let form = await openSettings(page);
    const levels = form.getByRole('group', { name: 'Nivåer', exact: true });
    await levels.getByRole('group', { name: 'Nivå 1', exact: true }).getByLabel('Navn', { exact: true }).fill(RENAMED.chapter);
    await levels.getByRole('group', { name: 'Nivå 2', exact: true }).getByLabel('Navn', { exact: true }).fill(RENAMED.measure);
    expect(await levels.getByRole('group', { name: 'Nivå 2', exact: true }).getByLabel('Inneholder', { exact: true }).inputValue()).toBe('measure');
    await save(page, form);
    expect(await aboutFact(page, 'Nivåer')).toBe(`${RENAMED.chapter} ${RENAMED.measure} (tiltak)`);

    const tree = treeOf(page);
    await openPlanTab(page, 'Plan');
    await tree.getByRole('heading', { name: itemHeadingName({ ...CHAPTER, level: RENAMED.chapter }) }).waitFor();
    await tree.getByRole('heading', { name: itemHeadingName({ ...MEASURE, level: RENAMED.measure }) }).waitFor();
    expect(await tree.getByRole('button', { name: `Legg til ${RENAMED.measure} under ${itemName(CHAPTER)}`, exact: true }).count()).toBe(1);

    // The measure level has a measure: the server refuses to remove it, and says why.
    form = await openSettings(page);
    await form.getByRole('button', { name: 'Fjern nivå 2', exact: true }).click();
    await expectFocused(form.getByRole('button', { name: 'Legg til nivå', exact: true }), '«Legg til nivå» etter «Fjern nivå 2»');
    await form.getByRole('button', { name: 'Lagre', exact: true }).click();
    const problem = 'Planen har punkter på flere nivåer enn dette. Flytt eller slett dem først.';
    await form.getByRole('alert').filter({ hasText: `Nivåer: ${problem}` }).waitFor();
    expect(normalise(await form.getByRole('group', { name: 'Nivåer', exact: true }).innerText())).toContain(problem);
    await checkA11y(page, 'Om planen i redigering, med feilen fra serveren');
    await form.getByRole('alert').getByRole('link', { name: `Nivåer: ${problem}`, exact: true }).click();
    await expectFocused(form.getByRole('group', { name: 'Nivåer', exact: true }), 'gruppen Nivåer etter lenken i feiloppsummeringen');
    await form.getByRole('button', { name: 'Avbryt', exact: true }).click();
    expect(await aboutFact(page, 'Nivåer')).toBe(`${RENAMED.chapter} ${RENAMED.measure} (tiltak)`);
  });

  it('planleggeren legger til statusordet «Under arbeid» (pågår), bruker det i statusoppdateringen og kan ikke fjerne det etterpå', async () => {
    const page = planner;
    let form = await openSettings(page);
    const words = form.getByRole('group', { name: 'Statusord', exact: true });
    const before = await words.getByRole('group').count();
    await words.getByRole('button', { name: 'Legg til statusord', exact: true }).click();
    const added = words.getByRole('group', { name: `Statusord ${before + 1}`, exact: true });
    await expectFocused(added.getByLabel('Ord', { exact: true }), 'feltet Ord i det nye statusordet');
    await added.getByLabel('Ord', { exact: true }).fill(NEW_WORD);
    await chooseOption(added.getByLabel('Kategori', { exact: true }), 'Pågår');
    // An unused word may go.
    await words.getByRole('button', { name: /^Fjern statusord \d+ \(Videreført i ny plan\)$/u }).click();
    await checkA11y(page, 'Om planen i redigering');
    await save(page, form);
    const terms = await aboutFact(page, 'Statusord');
    expect(terms).toContain(`${NEW_WORD} (Pågår)`);
    expect(terms).not.toContain('Videreført i ny plan');

    await openPlanTab(page, 'Statusoppdatering');
    await chooseOption(page.getByLabel(`Status for ${itemName(MEASURE)}`, { exact: true }), NEW_WORD);
    await page.getByLabel(`Merknad for ${itemName(MEASURE)}`, { exact: true }).fill('Møter holdt på to av fem skoler.');
    await page.getByRole('button', { name: 'Lagre statuser', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '1 status lagret' }).waitFor();
    const planPanel = await openPlanTab(page, 'Plan');
    await eventually(
      async () => normalise(await itemCard(planPanel, { ...MEASURE, level: RENAMED.measure }).innerText()),
      (text) => expect(text).toContain(`Status: ${NEW_WORD} rapportert ${norwegianDate(TODAY)}`),
    );

    // Now in the history: the server keeps it, and the form says so beside the status words.
    form = await openSettings(page);
    await form.getByRole('group', { name: 'Statusord', exact: true }).getByRole('button', { name: new RegExp(`^Fjern statusord \\d+ \\(${NEW_WORD}\\)$`, 'u') }).click();
    await form.getByRole('button', { name: 'Lagre', exact: true }).click();
    await form.getByRole('alert').filter({ hasText: 'Statusord: Statusen er brukt i statushistorikken og kan ikke fjernes.' }).waitFor();
    await form.getByRole('button', { name: 'Avbryt', exact: true }).click();
    expect(await aboutFact(page, 'Statusord')).toContain(`${NEW_WORD} (Pågår)`);
  });

  it('planleggeren lenker til en annen plan i Rusfag og til en nettside, og ser lenkene under Om planen', async () => {
    const page = planner;
    const form = await openSettings(page);
    const links = form.getByRole('group', { name: 'Lenker til andre planer', exact: true });
    await links.getByRole('button', { name: 'Legg til lenke', exact: true }).click();
    const first = links.getByRole('group', { name: 'Lenke 1', exact: true });
    await expectFocused(first.getByLabel('Forhold', { exact: true }), 'feltet Forhold i den nye lenken');
    await chooseOption(first.getByLabel('Forhold', { exact: true }), 'Planen gjennomfører');
    await chooseOption(first.getByLabel('Lenker til', { exact: true }), `${DEMO_PLAN} (Bydel St. Hanshaugen)`);

    await links.getByRole('button', { name: 'Legg til lenke', exact: true }).click();
    const second = links.getByRole('group', { name: 'Lenke 2', exact: true });
    await chooseOption(second.getByLabel('Forhold', { exact: true }), 'Se også');
    await chooseOption(second.getByLabel('Lenker til', { exact: true }), 'En annen plan eller nettside (skriv inn)');
    await second.getByLabel('Tittel', { exact: true }).fill(WEB_LINK.title);
    // An address without https:// is refused beside the field before anything is sent.
    await second.getByLabel('Nettadresse', { exact: true }).fill('regjeringen.no');
    await form.getByRole('button', { name: 'Lagre', exact: true }).click();
    await form.getByRole('alert').filter({ hasText: 'Lenke 2: Nettadresse' }).waitFor();
    await checkA11y(page, 'Om planen i redigering, med lenker');
    await second.getByLabel('Nettadresse', { exact: true }).fill(WEB_LINK.url);
    await save(page, form);

    const about = page.getByRole('region', { name: 'Om planen', exact: true });
    expect(await aboutFact(page, 'Lenker')).toBe(`Gjennomfører: ${DEMO_PLAN} Se også: ${WEB_LINK.title}`);
    expect(await about.getByRole('link', { name: WEB_LINK.title, exact: true }).getAttribute('href')).toBe(WEB_LINK.url);
    await checkA11y(page, 'Om planen med lenker');
    await about.getByRole('link', { name: DEMO_PLAN, exact: true }).click();
    await expectH1(page, DEMO_PLAN);
  });

  it('innsyn: en innbygger ser samarbeidspartnerne i en publisert plan, organisasjonene med navn og så fritekst', async () => {
    const page = await browser.newPage();
    await page.goto('/innsyn/planer');
    await page.getByRole('link', { name: DEMO_PLAN, exact: true }).click();
    await expectH1(page, DEMO_PLAN);
    const measure: PlanItemText = {
      level: 'Bydelens tiltak',
      code: '4',
      title: 'Vi skal etterspørre nye løsninger ved hjelp av sosialt entreprenørskap, innovasjon og samskaping.',
    };
    expect(normalise(await itemCard(page, measure).innerText())).toContain('Samarbeidspartnere Helseetaten; NAPHA');
  });
});
