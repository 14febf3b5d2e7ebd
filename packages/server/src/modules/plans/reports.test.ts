import { PLAN_SHEET_COLUMNS, parseCsv, toCsv } from '@rusfag/core';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { todayInOslo } from '../../platform/time.js';
import { apiAs, auditEventsFor } from '../../test/api.js';
import {
  buildMeasureChain,
  buildOrgTree,
  buildPlan,
  buildPlanItem,
  buildStatus,
  buildUnit,
  buildUser,
  sessionFor,
  unique,
  type TestSession,
  type UnitRef,
} from '../../test/factories.js';
import { describeEachEngine, type Harness } from '../../test/harness.js';

/**
 * Reporting on a plan: the periods and what is missing in each, status reports (draft snapshot,
 * refresh, approval that freezes, publishing), the report and plan downloads, the plan sheet's
 * export → import round trip, and the to-do list of measures still to report on.
 */

const EN = { 'accept-language': 'en' };
const COLUMN = (name: (typeof PLAN_SHEET_COLUMNS)[number]) => PLAN_SHEET_COLUMNS.indexOf(name);

const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

/** A file download: the raw bytes and headers (the JSON client in test/api.ts parses bodies). */
async function download(h: Harness, session: TestSession | null, url: string) {
  const res = await h.app.inject({ method: 'GET', url, headers: session ? session.headers : {} });
  return { status: res.statusCode, headers: res.headers, body: res.rawPayload };
}

/** The Content-Disposition a browser needs for `fileName`: an ASCII fallback and the UTF-8 name. */
function expectAttachment(header: unknown, fileName: string) {
  expect(typeof header).toBe('string');
  const value = header as string;
  expect(value.startsWith('attachment; filename="')).toBe(true);
  expect(value).toContain(`filename*=UTF-8''${encodeURIComponent(fileName)}`);
  const ascii = /filename="([^"]*)"/.exec(value)![1]!;
  expect(ascii).toMatch(/^[\x20-\x7e]+$/);
}

/** Days from `from` to `to`, both 'YYYY-MM-DD', counted on the calendar. */
const calendarDays = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

describeEachEngine('plan reports API', (get) => {
  async function setup() {
    const h = get();
    const tree = await buildOrgTree(h.db);
    const planner = await buildUser(h.db, { home: tree.districtA, roles: [{ role: 'planner', unit: tree.districtA }] });
    const session = await sessionFor(h, planner);
    return { h, tree, planner, session, api: apiAs(h, session) };
  }

  async function userWith(h: Harness, role: 'unit_leader' | 'caseworker' | 'planner', unit: UnitRef) {
    const user = await buildUser(h.db, { home: unit, roles: [{ role, unit }] });
    const session = await sessionFor(h, user);
    return { user, session, api: apiAs(h, session) };
  }

  async function displayName(h: Harness, userId: string) {
    return (await h.db.selectFrom('app_user').select('display_name').where('id', '=', userId).executeTakeFirstOrThrow()).display_name;
  }

  /**
   * A district plan 2024–2027: goal 1 with strategies 1.1 (council a: measures 1, 2) and 1.2
   * (council b: measure 3), and a status history around the end of 2024.
   */
  async function reportedPlan(h: Harness, owner: UnitRef, unit: UnitRef, title = unique('Ruspolitisk handlingsplan')) {
    const plan = await buildPlan(h.db, { owner, title });
    const goal = await buildPlanItem(h.db, plan, { code: '1', title: 'Færre innbyggere utvikler rusproblemer' });
    const s1 = await buildPlanItem(h.db, plan, { parent: goal, code: '1.1', title: 'Forebyggingsoffensiv' });
    const a = await buildPlanItem(h.db, plan, { parent: s1, code: 'a', title: 'Oppdatere det rusforebyggende programmet' });
    const m1 = await buildPlanItem(h.db, plan, { parent: a, code: '1', title: 'Vi oppdaterer programmet i samarbeid med skolene', units: [unit], deadlineText: 'Våren 2025' });
    const m2 = await buildPlanItem(h.db, plan, { parent: a, code: '2', title: 'Tilbud om individuell oppfølging ved helsesykepleier', units: [unit] });
    const s2 = await buildPlanItem(h.db, plan, { parent: goal, code: '1.2', title: 'Tidligere innsats når rusproblemer oppstår' });
    const b = await buildPlanItem(h.db, plan, { parent: s2, code: 'b', title: 'Alltid tilby oppfølgingssamtale' });
    const m3 = await buildPlanItem(h.db, plan, { parent: b, code: '3', title: 'Ambulerende rusteam for eldre etter FACT-modell', units: [unit] });
    await buildStatus(h.db, a, { status: 'iverksatt', reportedOn: '2024-05-01' });
    await buildStatus(h.db, m1, { status: 'iverksatt', reportedOn: '2024-03-01', remark: 'Startet' });
    await buildStatus(h.db, m1, { status: 'gjennomfort', reportedOn: '2024-11-15', remark: 'Ferdig før jul' });
    await buildStatus(h.db, m1, { status: 'utgar', reportedOn: '2025-06-01', remark: 'Erstattet av nytt program' });
    await buildStatus(h.db, m3, { status: 'delvis_iverksatt', reportedOn: '2024-12-31', remark: 'To av tre team i gang' });
    return { plan, goal, s1, a, m1, m2, s2, b, m3 };
  }

  // ---------------------------------------------------------------- periods

  it('derives yearly and tertial periods with their due dates, and follows the plan’s settings', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const yearly = await api.get(`/api/plans/${plan.id}/reports`);
    expect(yearly.status).toBe(200);
    expect(yearly.body.periods.map((p: { period: object }) => p.period)).toEqual([
      { label: '2024', start: '2024-01-01', end: '2024-12-31', due: '2025-01-31' },
      { label: '2025', start: '2025-01-01', end: '2025-12-31', due: '2026-01-31' },
      { label: '2026', start: '2026-01-01', end: '2026-12-31', due: '2027-01-31' },
      { label: '2027', start: '2027-01-01', end: '2027-12-31', due: '2028-01-31' },
    ]);
    expect(yearly.body.periods.every((p: { report: unknown }) => p.report === null)).toBe(true);
    expect(yearly.body.actions).toEqual(expect.arrayContaining(['plan.read', 'report.create']));

    // The report of a year is due when its December is over, plus the plan's days.
    const today = todayInOslo();
    const year = Number(today.slice(0, 4));
    const label = today <= `${year}-01-31` && year - 1 >= 2024 ? year - 1 : year;
    expect(yearly.body.current).toBe(label >= 2024 && label <= 2027 ? String(label) : null);

    expect((await api.patch(`/api/plans/${plan.id}`, { reportingCycle: 'tertial', reportDueDays: 60, startYear: 2025, endYear: 2025 })).status).toBe(200);
    const tertial = await api.get(`/api/plans/${plan.id}/reports`);
    expect(tertial.body.periods.map((p: { period: object }) => p.period)).toEqual([
      { label: '1. tertial 2025', start: '2025-01-01', end: '2025-04-30', due: '2025-06-29' },
      { label: '2. tertial 2025', start: '2025-05-01', end: '2025-08-31', due: '2025-10-30' },
      { label: '3. tertial 2025', start: '2025-09-01', end: '2025-12-31', due: '2026-03-01' },
    ]);
  });

  it('counts per period the district’s measures without a status reported in it', async () => {
    const { h, tree, api } = await setup();
    const { plan } = await reportedPlan(h, tree.districtA, tree.unitA);
    const res = await api.get(`/api/plans/${plan.id}/reports`);
    // 2024: measure 2 only (1 and 3 reported; the council's measures are not counted);
    // 2025: 2 and 3; 2026 and 2027: all three.
    expect(res.body.periods.map((p: { period: { label: string }; missing: number }) => [p.period.label, p.missing])).toEqual([
      ['2024', 1],
      ['2025', 2],
      ['2026', 3],
      ['2027', 3],
    ]);
  });

  // ---------------------------------------------------------------- drafts

  it('makes a draft report: a chapter per strategy, the status at the end of the period, and a summary', async () => {
    const { h, tree, planner, api } = await setup();
    const p = await reportedPlan(h, tree.districtA, tree.unitA);
    const res = await api.post(`/api/plans/${p.plan.id}/reports`, { periodLabel: '2024' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ planId: p.plan.id, state: 'draft', approvedAt: null, approvedByName: null, publishedAt: null });
    expect(res.body.actions).toEqual(expect.arrayContaining(['report.create', 'plan.publish']));
    const snapshot = res.body.snapshot;
    expect(snapshot.period).toEqual({ label: '2024', start: '2024-01-01', end: '2024-12-31', due: '2025-01-31' });
    expect(snapshot.plan).toMatchObject({ id: p.plan.id, ownerName: tree.districtA.name, startYear: 2024, endYear: 2027 });

    const goalHeading = { levelLabel: 'Mål', code: '1', title: 'Færre innbyggere utvikler rusproblemer' };
    expect(snapshot.chapters.map((c: { headings: object[] }) => c.headings)).toEqual([
      [goalHeading, { levelLabel: 'Strategi', code: '1.1', title: 'Forebyggingsoffensiv' }],
      [goalHeading, { levelLabel: 'Strategi', code: '1.2', title: 'Tidligere innsats når rusproblemer oppstår' }],
    ]);
    const rows = (i: number) =>
      snapshot.chapters[i].rows.map((r: Record<string, unknown>) => [r.code, r.council, r.statusCode, r.statusLabel, r.remarks, r.reportedOn]);
    // Measure 1 was dropped in June 2025: the 2024 report shows it done, as it was on 31.12.2024.
    expect(rows(0)).toEqual([
      ['a', true, 'iverksatt', 'Iverksatt', '', '2024-05-01'],
      ['1', false, 'gjennomfort', 'Gjennomført', 'Ferdig før jul', '2024-11-15'],
      ['2', false, null, null, '', null],
    ]);
    expect(rows(1)).toEqual([
      ['b', true, null, null, '', null],
      ['3', false, 'delvis_iverksatt', 'Delvis iverksatt', 'To av tre team i gang', '2024-12-31'],
    ]);
    expect(snapshot.chapters[0].rows[1]).toMatchObject({ title: 'Vi oppdaterer programmet i samarbeid med skolene', deadlineText: 'Våren 2025', levelLabel: 'Bydelens tiltak' });
    expect(snapshot.summary.total).toBe(3);
    expect(snapshot.summary.withoutStatus).toBe(1);
    expect(snapshot.summary.lines.filter((l: { count: number }) => l.count > 0).map((l: { code: string; count: number }) => [l.code, l.count])).toEqual([
      ['delvis_iverksatt', 1],
      ['gjennomfort', 1],
    ]);
    expect(snapshot.summary.lines).toHaveLength(6);

    // The next year's report has the later status.
    const next = await api.post(`/api/plans/${p.plan.id}/reports`, { periodLabel: '2025' });
    expect(next.body.snapshot.chapters[0].rows[1]).toMatchObject({ statusCode: 'utgar', remarks: 'Erstattet av nytt program' });

    const listed = await api.get(`/api/plans/${p.plan.id}/reports`);
    expect(listed.body.periods[0].report).toMatchObject({ id: res.body.id, state: 'draft' });
    expect(listed.body.periods[2].report).toBeNull();
    const fetched = await api.get(`/api/plans/${p.plan.id}/reports/${res.body.id}`);
    expect(fetched.body.snapshot).toEqual(snapshot);
    const [event] = await auditEventsFor(h, res.body.id);
    expect(event).toMatchObject({ actor_user_id: planner.id, action: 'report.create', resource_type: 'status_report', details: { planId: p.plan.id, period: '2024' } });
  });

  it('refuses a second report for the same period with 409, and an unknown period with 400', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    expect((await api.post(`/api/plans/${plan.id}/reports`, { periodLabel: '2025' })).status).toBe(201);
    const again = await api.post(`/api/plans/${plan.id}/reports`, { periodLabel: '2025' }, EN);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'report_exists', message: 'A status report for this period already exists.' });

    for (const periodLabel of ['2023', '1. tertial 2025', 'i fjor']) {
      const res = await api.post(`/api/plans/${plan.id}/reports`, { periodLabel }, EN);
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([{ path: 'periodLabel', message: "The period is not one of the plan's reporting periods." }]);
    }
    const blank = await api.post(`/api/plans/${plan.id}/reports`, { periodLabel: ' ' }, EN);
    expect(blank.status).toBe(400);
    expect(blank.body.error.details).toEqual([{ path: 'periodLabel', message: 'This field is required.' }]);
    const count = await h.db.selectFrom('status_report').select(sql<number>`count(*)::int`.as('n')).where('plan_id', '=', plan.id).executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });

  it('answers 404 for a report asked for through another plan', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const other = await buildPlan(h.db, { owner: tree.districtA });
    const report = (await api.post(`/api/plans/${plan.id}/reports`, { periodLabel: '2024' })).body;
    expect((await api.get(`/api/plans/${other.id}/reports/${report.id}`)).status).toBe(404);
    expect((await api.post(`/api/plans/${other.id}/reports/${report.id}/approve`)).status).toBe(404);
  });

  it('refreshes a draft with statuses reported since', async () => {
    const { h, tree, api } = await setup();
    const p = await reportedPlan(h, tree.districtA, tree.unitA);
    const draft = (await api.post(`/api/plans/${p.plan.id}/reports`, { periodLabel: '2024' })).body;
    expect(draft.snapshot.summary.withoutStatus).toBe(1);

    expect((await api.post(`/api/plans/${p.plan.id}/items/${p.m2.id}/statuses`, { status: 'iverksatt', remark: 'Kom i gang i oktober', reportedOn: '2024-10-10' })).status).toBe(201);
    const refreshed = await api.post(`/api/plans/${p.plan.id}/reports/${draft.id}/refresh`);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.state).toBe('draft');
    expect(refreshed.body.snapshot.chapters[0].rows[2]).toMatchObject({ itemId: p.m2.id, statusCode: 'iverksatt', remarks: 'Kom i gang i oktober' });
    expect(refreshed.body.snapshot.summary.withoutStatus).toBe(0);
    expect(refreshed.body.snapshot.generatedAt >= draft.snapshot.generatedAt).toBe(true);
    expect((await auditEventsFor(h, draft.id)).map((e) => e.action)).toEqual(['report.create', 'report.refresh']);
  });

  // ---------------------------------------------------------------- approval and publishing

  it('freezes a report on approval: refresh and approve answer 409, and the database refuses changes even to raw SQL', async () => {
    const { h, tree, planner, api } = await setup();
    const p = await reportedPlan(h, tree.districtA, tree.unitA);
    const draft = (await api.post(`/api/plans/${p.plan.id}/reports`, { periodLabel: '2024' })).body;
    const approved = await api.post(`/api/plans/${p.plan.id}/reports/${draft.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: 'approved', approvedByName: await displayName(h, planner.id), publishedAt: null });
    expect(approved.body.approvedAt).toEqual(expect.any(String));
    expect(approved.body.actions).toEqual(['plan.read', 'plan.publish']);
    expect(approved.body.snapshot).toEqual(draft.snapshot);

    for (const action of ['refresh', 'approve']) {
      const res = await api.post(`/api/plans/${p.plan.id}/reports/${draft.id}/${action}`, {}, EN);
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'report_approved', message: 'The report is approved and cannot change.' });
    }

    // A status reported later (about the period) does not reach the approved report.
    await api.post(`/api/plans/${p.plan.id}/items/${p.m2.id}/statuses`, { status: 'gjennomfort', reportedOn: '2024-12-01' });
    expect((await api.get(`/api/plans/${p.plan.id}/reports/${draft.id}`)).body.snapshot).toEqual(draft.snapshot);

    const attempts = [
      sql`update status_report set snapshot = '{"version": 1}'::jsonb where id = ${draft.id}`,
      sql`update status_report set state = 'draft', approved_at = null where id = ${draft.id}`,
      sql`update status_report set period_end = '2024-06-30' where id = ${draft.id}`,
      sql`delete from status_report where id = ${draft.id}`,
    ];
    for (const statement of attempts) {
      await expect(statement.execute(h.db)).rejects.toThrow(/approved status report cannot/);
    }
    const row = await h.db.selectFrom('status_report').select(['state', 'snapshot', 'period_end']).where('id', '=', draft.id).executeTakeFirstOrThrow();
    expect(row.state).toBe('approved');
    expect(row.period_end).toBe('2024-12-31');
    expect(typeof row.snapshot === 'string' ? JSON.parse(row.snapshot) : row.snapshot).toEqual(draft.snapshot);
    // Deleting the plan would delete the approved report with it: refused too.
    await expect(sql`delete from plan where id = ${p.plan.id}`.execute(h.db)).rejects.toThrow(/approved status report cannot/);

    // A draft is not frozen.
    const other = (await api.post(`/api/plans/${p.plan.id}/reports`, { periodLabel: '2025' })).body;
    await sql`update status_report set snapshot = snapshot where id = ${other.id}`.execute(h.db);
    await sql`delete from status_report where id = ${other.id}`.execute(h.db);
    expect((await auditEventsFor(h, draft.id)).map((e) => e.action)).toEqual(['report.create', 'report.approve']);
  });

  it('publishes only an approved report, and withdraws it', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const draft = (await api.post(`/api/plans/${plan.id}/reports`, { periodLabel: '2024' })).body;
    const refused = await api.post(`/api/plans/${plan.id}/reports/${draft.id}/publish`, { published: true }, EN);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'report_not_approved', message: 'Only approved reports can be published.' });

    await api.post(`/api/plans/${plan.id}/reports/${draft.id}/approve`);
    const published = await api.post(`/api/plans/${plan.id}/reports/${draft.id}/publish`, { published: true });
    expect(published.status).toBe(200);
    expect(published.body.publishedAt).toEqual(expect.any(String));
    const withdrawn = await api.post(`/api/plans/${plan.id}/reports/${draft.id}/publish`, { published: false });
    expect(withdrawn.body.publishedAt).toBeNull();
    expect((await auditEventsFor(h, draft.id)).filter((e) => e.action === 'report.publish').map((e) => e.details)).toEqual([
      { planId: plan.id, published: true },
      { planId: plan.id, published: false },
    ]);
  });

  // ---------------------------------------------------------------- downloads

  it('downloads a report as Word, PDF and Excel with the right type and a file name with Norwegian letters', async () => {
    const { h, tree, session, api } = await setup();
    const title = 'Handlingsplan for Grünerløkka – rus og psykisk helse på Tøyen';
    const p = await reportedPlan(h, tree.districtA, tree.unitA, title);
    const report = (await api.post(`/api/plans/${p.plan.id}/reports`, { periodLabel: '2024' })).body;
    const url = (format: string) => `/api/plans/${p.plan.id}/reports/${report.id}/export?format=${format}`;
    const measureTitle = 'Vi oppdaterer programmet i samarbeid med skolene';

    const docx = await download(h, session, url('docx'));
    expect(docx.status).toBe(200);
    expect(docx.headers['content-type']).toBe(CONTENT_TYPES.docx);
    expectAttachment(docx.headers['content-disposition'], `Statusrapport 2024 - ${title} (utkast).docx`);
    expect(docx.headers['content-disposition']).toContain('%C3%B8'); // ø
    const documentXml = await (await JSZip.loadAsync(docx.body)).file('word/document.xml')!.async('string');
    expect(documentXml).toContain(measureTitle);
    expect(documentXml).toContain('Ambulerende rusteam for eldre etter FACT-modell');
    expect(documentXml).toContain('UTKAST');

    const pdf = await download(h, session, url('pdf'));
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe(CONTENT_TYPES.pdf);
    expectAttachment(pdf.headers['content-disposition'], `Statusrapport 2024 - ${title} (utkast).pdf`);
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const xlsx = await download(h, session, url('xlsx'));
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toBe(CONTENT_TYPES.xlsx);
    expectAttachment(xlsx.headers['content-disposition'], `Statusrapport 2024 - ${title} (utkast).xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Statusrapport')!;
    const texts: string[][] = [];
    sheet.eachRow((row) => texts.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    const measureRow = texts.find((cells) => cells.includes(measureTitle));
    expect(measureRow).toBeDefined();
    expect(measureRow).toContain('Gjennomført');
    expect(texts.some((cells) => cells.includes('Ambulerende rusteam for eldre etter FACT-modell'))).toBe(true);

    // Approved: no "(utkast)" in the name; anyone who reads the plan may download.
    await api.post(`/api/plans/${p.plan.id}/reports/${report.id}/approve`);
    const caseworker = await userWith(h, 'caseworker', tree.unitA);
    const final = await download(h, caseworker.session, url('docx'));
    expect(final.status).toBe(200);
    expectAttachment(final.headers['content-disposition'], `Statusrapport 2024 - ${title}.docx`);

    const bad = await api.get(url('odt'), EN);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ path: 'format', message: 'Invalid value. Allowed: docx, pdf, xlsx.' }]);
  });

  it('exports the plan as CSV and imports it again unchanged; an edited title and status come back as updates', async () => {
    const { h, tree, planner, session, api } = await setup();
    const title = 'Plan for Ås og Ørje';
    const p = await reportedPlan(h, tree.districtA, tree.unitA, title);
    await h.db.updateTable('plan_item').set({ target_groups: ['Ungdom', 'Pårørende'], partners: 'Politiet; frivillige' }).where('id', '=', p.m2.id).execute();
    // Text Excel would take for a formula, a line break and quotes survive the round trip.
    await h.db
      .updateTable('plan_item')
      .set({ description: '=1+1 er ikke en formel.\nAndre linje med "sitat".', partners: '+47 23 48 00 00', deadline_text: '- løpende' })
      .where('id', '=', p.m3.id)
      .execute();

    const csv = await download(h, session, `/api/plans/${p.plan.id}/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe(CONTENT_TYPES.csv);
    expectAttachment(csv.headers['content-disposition'], `${title}.csv`);
    const text = csv.body.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...PLAN_SHEET_COLUMNS]);
    expect(rows).toHaveLength(1 + 8);
    const m1Row = rows.find((r) => r[COLUMN('Tittel')] === 'Vi oppdaterer programmet i samarbeid med skolene')!;
    expect(m1Row.slice(0, 4)).toEqual(['4', 'Bydelens tiltak', '1', 'Vi oppdaterer programmet i samarbeid med skolene']);
    expect(m1Row[COLUMN('Ansvarlige enheter')]).toBe(tree.unitA.name);
    expect(m1Row[COLUMN('Frist')]).toBe('Våren 2025');
    expect(m1Row[COLUMN('Status')]).toBe('Utgår');

    const url = `/api/plans/${p.plan.id}/import/sheet`;
    const same = await api.post(url, { format: 'csv', content: text });
    expect(same.status).toBe(200);
    expect(same.body.saved).toBe(false);
    expect(same.body.lines).toHaveLength(8);
    expect(same.body.lines.every((l: { outcome: string }) => l.outcome === 'unchanged')).toBe(true);
    expect(same.body.summary).toEqual({ lines: 8, toSave: 0, unchanged: 8, refused: 0, skipped: 0 });

    // Edit in "Excel": a new title for measure 1, a status with a remark for measure 2.
    m1Row[COLUMN('Tittel')] = 'Vi oppdaterer programmet i samarbeid med alle skolene';
    const m2Row = rows.find((r) => r[COLUMN('Tittel')] === 'Tilbud om individuell oppfølging ved helsesykepleier')!;
    expect(m2Row[COLUMN('Målgrupper')]).toBe('Ungdom; Pårørende');
    m2Row[COLUMN('Status')] = 'Iverksatt';
    m2Row[COLUMN('Merknader')] = 'Startet i høst';
    const edited = toCsv(rows);

    const preview = await api.post(url, { format: 'csv', content: edited });
    expect(preview.status).toBe(200);
    const outcomes = Object.fromEntries(preview.body.lines.map((l: { title: string; outcome: string }) => [l.title, l.outcome]));
    expect(outcomes['Vi oppdaterer programmet i samarbeid med alle skolene']).toBe('update');
    expect(outcomes['Tilbud om individuell oppfølging ved helsesykepleier']).toBe('update');
    expect(preview.body.summary).toMatchObject({ toSave: 2, unchanged: 6, refused: 0 });
    expect(preview.body.lines.find((l: { outcome: string }) => l.outcome === 'update').match).toMatchObject({ itemId: p.m1.id });
    const before = await h.db.selectFrom('plan_item').select('title').where('id', '=', p.m1.id).executeTakeFirstOrThrow();
    expect(before.title).toBe('Vi oppdaterer programmet i samarbeid med skolene');

    const confirmed = await api.post(url, { format: 'csv', content: edited, confirm: true, reportedOn: '2025-09-01' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.saved).toBe(true);
    const items = (await api.get(`/api/plans/${p.plan.id}/items`)).body.items as { id: string; title: string; status: object | null }[];
    expect(items).toHaveLength(8);
    expect(items.find((i) => i.id === p.m1.id)).toMatchObject({ title: 'Vi oppdaterer programmet i samarbeid med alle skolene', status: { code: 'utgar' } });
    expect(items.find((i) => i.id === p.m2.id)?.status).toMatchObject({ code: 'iverksatt', remark: 'Startet i høst', reportedOn: '2025-09-01' });
    const m2History = (await api.get(`/api/plans/${p.plan.id}/items/${p.m2.id}/statuses`)).body.updates;
    expect(m2History).toHaveLength(1);
    expect(m2History[0]).toMatchObject({ code: 'iverksatt', authorName: await displayName(h, planner.id) });
    expect((await api.get(`/api/plans/${p.plan.id}/items/${p.m1.id}/statuses`)).body.updates).toHaveLength(3);
    const [event] = (await auditEventsFor(h, p.plan.id)).filter((e) => e.action === 'plan.importSheet');
    expect(event).toMatchObject({ actor_user_id: planner.id, details: { format: 'csv', created: 0, updated: 1, statuses: 1 } });

    // Exported again, the edited plan imports as unchanged.
    const again = await download(h, session, `/api/plans/${p.plan.id}/export?format=csv`);
    const second = await api.post(url, { format: 'csv', content: again.body.toString('utf8') });
    expect(second.body.summary).toMatchObject({ toSave: 0, unchanged: 8 });
  });

  it('exports the plan as Excel with the sheet’s columns, and the file imports unchanged', async () => {
    const { h, tree, session, api } = await setup();
    const p = await reportedPlan(h, tree.districtA, tree.unitA, 'Tiltaksplan Søndre Nordstrand');
    await h.db
      .updateTable('plan_item')
      .set({ description: '=1+1 er ikke en formel.\nAndre linje med "sitat".', partners: '+47 23 48 00 00', code: '4.10' })
      .where('id', '=', p.m3.id)
      .execute();
    const xlsx = await download(h, session, `/api/plans/${p.plan.id}/export?format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toBe(CONTENT_TYPES.xlsx);
    expectAttachment(xlsx.headers['content-disposition'], 'Tiltaksplan Søndre Nordstrand.xlsx');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...PLAN_SHEET_COLUMNS]);
    expect(sheet.rowCount).toBe(9);
    const titles: string[] = [];
    sheet.eachRow((row, number) => {
      if (number > 1) titles.push(String(row.getCell(COLUMN('Tittel') + 1).value));
    });
    expect(titles).toContain('Ambulerende rusteam for eldre etter FACT-modell');

    const res = await api.post(`/api/plans/${p.plan.id}/import/sheet`, { format: 'xlsx', content: xlsx.body.toString('base64') });
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual({ lines: 8, toSave: 0, unchanged: 8, refused: 0, skipped: 0 });
  });

  it('writes partner organisations, then the free text, in the sheet’s Samarbeidspartnere column; CSV and Excel import back unchanged', async () => {
    const { h, tree, session, api } = await setup();
    const p = await reportedPlan(h, tree.districtA, tree.unitA);
    // Another district and an agency: partners need not be the owner's units.
    const set = await api.patch(`/api/plans/${p.plan.id}/items/${p.m2.id}`, { partnerUnitIds: [tree.agency.id, tree.districtB.id], partners: 'Politiet; frivillige' });
    expect(set.status).toBe(200);
    await api.patch(`/api/plans/${p.plan.id}/items/${p.m3.id}`, { partnerUnitIds: [tree.agency.id] });
    const names = [tree.agency.name, tree.districtB.name].sort((a, b) => a.localeCompare(b));

    const csv = await download(h, session, `/api/plans/${p.plan.id}/export?format=csv`);
    const rows = parseCsv(csv.body.toString('utf8'));
    const cell = (title: string) => rows.find((r) => r[COLUMN('Tittel')] === title)![COLUMN('Samarbeidspartnere')];
    expect(cell('Tilbud om individuell oppfølging ved helsesykepleier')).toBe([...names, 'Politiet', 'frivillige'].join('; '));
    expect(cell('Ambulerende rusteam for eldre etter FACT-modell')).toBe(tree.agency.name);
    expect(cell('Vi oppdaterer programmet i samarbeid med skolene')).toBe('');

    const xlsx = await download(h, session, `/api/plans/${p.plan.id}/export?format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const xlsxCells: string[] = [];
    sheet.eachRow((row) => xlsxCells.push(String(row.getCell(COLUMN('Samarbeidspartnere') + 1).value ?? '')));
    expect(xlsxCells).toContain([...names, 'Politiet', 'frivillige'].join('; '));

    const url = `/api/plans/${p.plan.id}/import/sheet`;
    for (const body of [
      { format: 'csv', content: csv.body.toString('utf8') },
      { format: 'xlsx', content: xlsx.body.toString('base64') },
    ]) {
      const res = await api.post(url, { ...body, confirm: true });
      expect(res.status).toBe(200);
      expect(res.body.summary, body.format).toEqual({ lines: 8, toSave: 0, unchanged: 8, refused: 0, skipped: 0 });
    }
    const items = (await api.get(`/api/plans/${p.plan.id}/items`)).body.items as { id: string; partnerUnits: { id: string }[]; partners: string }[];
    const m2 = items.find((i) => i.id === p.m2.id)!;
    expect(m2.partnerUnits.map((u) => u.id).sort()).toEqual([tree.agency.id, tree.districtB.id].sort());
    expect(m2.partners).toBe('Politiet; frivillige');
  });

  // ---------------------------------------------------------------- the grace period

  /*
   * The to-do list asks for the status of the period that just ended until its report is due
   * (currentPeriod), and the missing count takes statuses reported up to the due date. A status
   * reported in those weeks must then also be in that period's report, or the planner sees
   * "0 missing" and a report with measures "Uten status".
   */
  it('counts a status reported after the period’s end but before its due date the same way in the missing count and the report', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const goal = await buildPlanItem(h.db, plan, { title: 'Mål' });
    const strategy = await buildPlanItem(h.db, plan, { parent: goal, title: 'Strategi' });
    const council = await buildPlanItem(h.db, plan, { parent: strategy, code: 'a', title: 'Byrådets tiltak' });
    const m1 = await buildPlanItem(h.db, plan, { parent: council, code: '1', title: 'Tiltak 1', units: [tree.unitA] });
    await buildPlanItem(h.db, plan, { parent: council, code: '2', title: 'Tiltak 2', units: [tree.unitA] });
    // Reported in January for last year, as the to-do list asks (2024's report is due 31.01.2025).
    expect((await api.post(`/api/plans/${plan.id}/items/${m1.id}/statuses`, { status: 'gjennomfort', reportedOn: '2025-01-15' })).status).toBe(201);

    const periods = await api.get(`/api/plans/${plan.id}/reports`);
    const missing2024 = periods.body.periods.find((p: { period: { label: string } }) => p.period.label === '2024').missing;
    const report = await api.post(`/api/plans/${plan.id}/reports`, { periodLabel: '2024' });
    expect(report.status).toBe(201);
    expect(report.body.snapshot.summary.withoutStatus).toBe(missing2024);
  });

  /*
   * A period's window for the missing count runs from its start to its due date, so it overlaps
   * the next period by the grace weeks: a status reported on 15 January counts for last year and
   * for this year. The to-do list then never asks for this year's status of a measure reported in
   * January for last year.
   */
  it('counts a status for one reporting period only', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const chain = await buildMeasureChain(h.db, plan, tree.unitA);
    await buildPlanItem(h.db, plan, { parent: chain.council, code: '2', title: 'Tiltak 2', units: [tree.unitA] });
    await buildStatus(h.db, chain.measure, { status: 'gjennomfort', reportedOn: '2025-01-15' });

    const periods = (await api.get(`/api/plans/${plan.id}/reports`)).body.periods as { period: { label: string }; missing: number }[];
    const servedBy = periods.filter((p) => p.missing < 2).map((p) => p.period.label);
    expect(servedBy).toHaveLength(1);
  });

  // ---------------------------------------------------------------- to-do

  /** A plan adopted for last year to next year, so that today falls in it whatever the date. */
  async function currentPlan(h: Harness, owner: UnitRef, state: 'adopted' | 'draft' = 'adopted') {
    const year = Number(todayInOslo().slice(0, 4));
    const plan = await buildPlan(h.db, { owner, state });
    await h.db.updateTable('plan').set({ start_year: year - 1, end_year: year + 1 }).where('id', '=', plan.id).execute();
    return { ...plan, year };
  }

  /** The yearly period the to-do list is about today: last year until its report is due 31 January. */
  function expectedPeriod(year: number) {
    const today = todayInOslo();
    const label = today <= `${year}-01-31` ? year - 1 : year;
    const due = `${label + 1}-01-31`;
    return { period: { label: String(label), start: `${label}-01-01`, end: `${label}-12-31`, due }, daysLeft: calendarDays(today, due) };
  }

  it('lists a unit leader’s measures without a status this period, with the days left, until they are reported', async () => {
    const { h, tree, api } = await setup();
    const teamA2 = await buildUnit(h.db, { parent: tree.districtA, kind: 'unit' });
    const plan = await currentPlan(h, tree.districtA);
    const goal = await buildPlanItem(h.db, plan, { title: 'Mål' });
    const strategy = await buildPlanItem(h.db, plan, { parent: goal, title: 'Strategi' });
    const council = await buildPlanItem(h.db, plan, { parent: strategy, code: 'a', title: 'Byrådets tiltak', units: [tree.unitA] });
    const mine = await buildPlanItem(h.db, plan, { parent: council, code: '1', title: 'Lavterskel møteplass', units: [tree.unitA] });
    const theirs = await buildPlanItem(h.db, plan, { parent: council, code: '2', title: 'Naboteamets tiltak', units: [teamA2] });
    await buildStatus(h.db, mine, { status: 'iverksatt', reportedOn: `${plan.year - 3}-06-01` });
    // Plans that are not adopted ask for nothing.
    const draft = await currentPlan(h, tree.districtA, 'draft');
    await buildMeasureChain(h.db, draft, tree.unitA);

    const leader = await userWith(h, 'unit_leader', tree.unitA);
    const res = await leader.api.get('/api/plans/todo');
    expect(res.status).toBe(200);
    const { period, daysLeft } = expectedPeriod(plan.year);
    const planTitle = (await h.db.selectFrom('plan').select('title').where('id', '=', plan.id).executeTakeFirstOrThrow()).title;
    expect(res.body).toEqual({
      plans: [
        {
          planId: plan.id,
          planTitle,
          ownerName: tree.districtA.name,
          period,
          daysLeft,
          measures: [{ itemId: mine.id, code: '1', title: 'Lavterskel møteplass', responsibleUnits: [tree.unitA.name], status: 'Iverksatt' }],
        },
      ],
    });

    // The planner reports on all the district's measures (not the council's).
    const asPlanner = await api.get('/api/plans/todo');
    expect(asPlanner.body.plans.map((p: { planId: string }) => p.planId)).toEqual([plan.id]);
    expect(asPlanner.body.plans[0].measures.map((m: { itemId: string }) => m.itemId)).toEqual([mine.id, theirs.id]);

    const reported = await leader.api.post(`/api/plans/${plan.id}/statuses`, { updates: [{ itemId: mine.id, status: 'gjennomfort' }] });
    expect(reported.status).toBe(200);
    expect((await leader.api.get('/api/plans/todo')).body).toEqual({ plans: [] });
    expect((await api.get('/api/plans/todo')).body.plans[0].measures.map((m: { itemId: string }) => m.itemId)).toEqual([theirs.id]);
  });

  it('gives a caseworker an empty to-do list', async () => {
    const { h, tree } = await setup();
    const plan = await currentPlan(h, tree.districtA);
    await buildMeasureChain(h.db, plan, tree.unitA);
    const caseworker = await userWith(h, 'caseworker', tree.unitA);
    const res = await caseworker.api.get('/api/plans/todo');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ plans: [] });
  });
});
