import { PLAN_SHEET_COLUMNS, toCsv } from '@rusfag/core';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { apiAs, auditEventsFor } from '../../test/api.js';
import { buildMeasureChain, buildOrgTree, buildPlan, buildPlanItem, buildStatus, buildUnit, buildUser, sessionFor, type UnitRef } from '../../test/factories.js';
import { describeEachEngine, type Harness } from '../../test/harness.js';

/**
 * Imports into a plan: a status table pasted from a district's Word report, and the plan sheet
 * (CSV or Excel). Each shows a preview that accounts for every line, writes nothing until
 * confirmed, and then writes all or nothing.
 */

const EN = { 'accept-language': 'en' };

interface Line {
  lines: number[];
  outcome: string;
  code: string | null;
  title: string;
  statusLabel: string | null;
  remarks: string;
  match: { itemId: string; place: string } | null;
  messages: string[];
}

async function statusRows(h: Harness, planId: string) {
  return h.db
    .selectFrom('measure_status as s')
    .innerJoin('plan_item as i', 'i.id', 's.item_id')
    .select(['s.item_id', 's.status_code', 's.remark', 's.reported_on'])
    .where('i.plan_id', '=', planId)
    .orderBy('s.created_at')
    .execute();
}

async function itemCount(h: Harness, planId: string) {
  const row = await h.db.selectFrom('plan_item').select(sql<number>`count(*)::int`.as('n')).where('plan_id', '=', planId).executeTakeFirstOrThrow();
  return row.n;
}

/**
 * The status table of a district's report as it comes out of Word: the header row repeated after
 * the page break, the page footer, a blank line, a row that crossed the page continued in a row
 * with an empty first cell, chapter headings, and Windows line endings. Codes restart under each
 * strategy, so "a", "1" and "2" each appear twice.
 */
const PASTE_LINES = [
  /* 1 */ 'Tiltak\tBeskrivelse av tiltaket\tFrist\tStatus\tMerknader',
  /* 2 */ '1.1 Forebyggingsoffensiv',
  /* 3 */ 'a. Oppdatere det rusforebyggende programmet i Osloskolen\tProgrammet skal gi faktabasert kunnskap.\tHele planperioden\tIverksatt\tRevidert høsten 2024',
  /* 4 */ '1 Vi oppdaterer programmet i samarbeid med skolene i bydelen\tSammen med skolene.\tVåren 2025\tGjennomført våren 2025\tFerdig i mai',
  /* 5 */ '2 Tilbud om individuell oppfølging ved helsesykepleier og ruskonsulent\tGjelder elever som bortvises på grunn av\tSkoleåret 2025/2026\tDelvis',
  /* 6 */ 'Side 1 av 2',
  /* 7 */ '',
  /* 8 */ 'Tiltak\tBeskrivelse av tiltaket\tFrist\tStatus\tMerknader',
  /* 9 */ '\tbruk eller omsetning av rusmidler.\t\tiverksatt\tTo elever fulgt opp',
  /* 10 */ '1.2 Tidligere innsats når rusproblemer oppstår',
  /* 11 */ 'a. Alltid tilby oppfølgingssamtale til alle som henvender seg\t\tKontinuerlig\tIverksatt\tPågår i alle team',
  /* 12 */ '1 Vi dokumenterer tilbud om oppfølgingssamtale\t\tKontinuerlig\tFerdigstilt\t',
  /* 13 */ '2 Ambulerende rusteam for eldre etter FACT-modell\tEt team for eldre.\tInnen utgangen av 2025\tIkke iverksatt\tVenter på midler',
  /* 14 */ '7 Lavterskel møteplass for pårørende\t\tHøsten 2025\tIverksatt\t',
  /* 15 */ 'Andre tiltak',
  /* 16 */ '2 Oppfølging\t\t\tIverksatt\t',
  /* 17 */ 'Statusrapport 2024, Bydel Sagene    Side 2 av 2',
];
const PASTE = `${PASTE_LINES.join('\r\n')}\r\n`;
const REFUSED_LINES = [12, 14, 16];

describeEachEngine('plan imports API', (get) => {
  async function setup() {
    const h = get();
    const tree = await buildOrgTree(h.db);
    const planner = await buildUser(h.db, { home: tree.districtA, roles: [{ role: 'planner', unit: tree.districtA }] });
    return { h, tree, planner, api: apiAs(h, await sessionFor(h, planner)) };
  }

  /** The plan the paste is about, with council measure 1.2 a already reported as in the paste. */
  async function districtPlan(h: Harness, tree: Awaited<ReturnType<typeof buildOrgTree>>) {
    const teamA2 = await buildUnit(h.db, { parent: tree.districtA, kind: 'unit', name: `Boligkontoret ${tree.districtA.name}` });
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const goal = await buildPlanItem(h.db, plan, { code: '1', title: 'Færre innbyggere utvikler rusproblemer' });
    const s1 = await buildPlanItem(h.db, plan, { parent: goal, code: '1.1', title: 'Forebyggingsoffensiv' });
    const a1 = await buildPlanItem(h.db, plan, { parent: s1, code: 'a', title: 'Oppdatere det rusforebyggende programmet i Osloskolen' });
    const m11 = await buildPlanItem(h.db, plan, { parent: a1, code: '1', title: 'Vi oppdaterer programmet i samarbeid med skolene i bydelen', units: [tree.unitA] });
    const m12 = await buildPlanItem(h.db, plan, { parent: a1, code: '2', title: 'Tilbud om individuell oppfølging ved helsesykepleier og ruskonsulent', units: [tree.unitA] });
    const s2 = await buildPlanItem(h.db, plan, { parent: goal, code: '1.2', title: 'Tidligere innsats når rusproblemer oppstår' });
    const a2 = await buildPlanItem(h.db, plan, { parent: s2, code: 'a', title: 'Alltid tilby oppfølgingssamtale til alle som henvender seg' });
    const m21 = await buildPlanItem(h.db, plan, { parent: a2, code: '1', title: 'Vi dokumenterer tilbud om oppfølgingssamtale', units: [tree.unitA] });
    const m22 = await buildPlanItem(h.db, plan, { parent: a2, code: '2', title: 'Ambulerende rusteam for eldre etter FACT-modell', units: [teamA2] });
    await buildStatus(h.db, a2, { status: 'iverksatt', remark: 'Pågår i alle team', reportedOn: '2024-06-01' });
    return { plan, teamA2, goal, s1, a1, m11, m12, s2, a2, m21, m22 };
  }

  const lineAt = (lines: Line[], first: number) => lines.find((l) => l.lines[0] === first)!;

  // ---------------------------------------------------------------- status table: preview

  it('previews a pasted Word table: every line accounted for, codes matched under their heading, nothing written', async () => {
    const { h, tree, api } = await setup();
    const p = await districtPlan(h, tree);
    const res = await api.post(`/api/plans/${p.plan.id}/import/status-table`, { text: PASTE, reportedOn: '2025-01-20' });
    expect(res.status).toBe(200);
    expect(res.body.saved).toBe(false);
    const lines = res.body.lines as Line[];

    // Each of the 17 lines is in exactly one result line, in order.
    const numbers = lines.flatMap((l) => l.lines).sort((x, y) => x - y);
    expect(numbers).toEqual(PASTE_LINES.map((_, i) => i + 1));
    expect(lines.reduce((n, l) => n + l.lines.length, 0)).toBe(PASTE_LINES.length);
    expect(lines.map((l) => l.lines[0])).toEqual([...lines.map((l) => l.lines[0])].sort((x, y) => x! - y!));
    expect(res.body.summary).toEqual({ lines: 17, toSave: 4, unchanged: 1, refused: 3, skipped: 5 });

    expect(lines.map((l) => [l.lines, l.outcome, l.match?.itemId ?? null])).toEqual([
      [[1], 'skipped', null],
      [[2], 'heading', null],
      [[3], 'save', p.a1.id],
      [[4], 'save', p.m11.id],
      [[5, 9], 'save', p.m12.id],
      [[6], 'skipped', null],
      [[7], 'skipped', null],
      [[8], 'skipped', null],
      [[10], 'heading', null],
      [[11], 'unchanged', p.a2.id],
      [[12], 'refused', p.m21.id],
      [[13], 'save', p.m22.id],
      [[14], 'refused', null],
      [[15], 'heading', null],
      [[16], 'refused', null],
      [[17], 'skipped', null],
    ]);
    expect(lineAt(lines, 2)).toMatchObject({ code: '1.1', title: 'Forebyggingsoffensiv' });
    expect(lineAt(lines, 4)).toMatchObject({ code: '1', statusLabel: 'Gjennomført', remarks: 'Ferdig i mai', match: { place: '1 › 1.1 › a › 1' }, messages: [] });
    // The row continued after the page break: status and remarks joined.
    expect(lineAt(lines, 5)).toMatchObject({ statusLabel: 'Delvis iverksatt', remarks: 'To elever fulgt opp' });
    expect(lineAt(lines, 13).match?.place).toBe('1 › 1.2 › a › 2');

    expect(lineAt(lines, 1).messages).toEqual(['Kolonneoverskrift (gjentas på hver side).']);
    expect(lineAt(lines, 6).messages).toEqual(['Sidetall eller bunntekst.']);
    expect(lineAt(lines, 7).messages).toEqual(['Tom linje.']);
    expect(lineAt(lines, 8).messages).toEqual(['Kolonneoverskrift (gjentas på hver side).']);
    expect(lineAt(lines, 17).messages).toEqual(['Sidetall eller bunntekst.']);
    expect(lineAt(lines, 12).messages).toEqual(['Statusen «Ferdigstilt» finnes ikke i planens statusliste.']);
    expect(lineAt(lines, 14).messages).toEqual(['Fant ikke tiltaket i planen.']);
    expect(lineAt(lines, 16).messages).toEqual(['Flere tiltak i planen passer; legg til overskriften for delen eller bruk hele koden.']);

    expect(await statusRows(h, p.plan.id)).toHaveLength(1);
    expect((await auditEventsFor(h, p.plan.id)).filter((e) => e.action === 'plan.importStatusTable')).toEqual([]);
  });

  it('explains the refusals in English when asked', async () => {
    const { h, tree, api } = await setup();
    const p = await districtPlan(h, tree);
    const res = await api.post(`/api/plans/${p.plan.id}/import/status-table`, { text: PASTE }, EN);
    expect(res.status).toBe(200);
    const lines = res.body.lines as Line[];
    expect(lineAt(lines, 12).messages).toEqual(["The status «Ferdigstilt» is not in the plan's status list."]);
    expect(lineAt(lines, 14).messages).toEqual(['The measure was not found in the plan.']);
    expect(lineAt(lines, 16).messages).toEqual(['Several measures in the plan fit; add the section heading or use the full code.']);
    expect(lineAt(lines, 1).messages).toEqual(['Column header (repeated on every page).']);
    expect(lineAt(lines, 6).messages).toEqual(['Page number or footer.']);
    expect(lineAt(lines, 7).messages).toEqual(['Empty line.']);

    const confirm = await api.post(`/api/plans/${p.plan.id}/import/status-table`, { text: PASTE, confirm: true }, EN);
    expect(confirm.status).toBe(400);
    expect(confirm.body.error).toMatchObject({ code: 'import_has_problems', message: 'The import has errors. Fix them or skip the rows, and try again.' });
    expect(confirm.body.error.details).toEqual([
      { path: 'lines.12', message: "The status «Ferdigstilt» is not in the plan's status list." },
      { path: 'lines.14', message: 'The measure was not found in the plan.' },
      { path: 'lines.16', message: 'Several measures in the plan fit; add the section heading or use the full code.' },
    ]);
  });

  // ---------------------------------------------------------------- status table: confirm

  it('refuses to confirm while refused lines remain, and writes nothing', async () => {
    const { h, tree, api } = await setup();
    const p = await districtPlan(h, tree);
    const res = await api.post(`/api/plans/${p.plan.id}/import/status-table`, { text: PASTE, confirm: true, skipLines: [12, 14] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('import_has_problems');
    expect(res.body.error.message).toBe('Importen har feil. Rett dem eller hopp over radene, og prøv igjen.');
    expect(res.body.error.details).toEqual([
      { path: 'lines.16', message: 'Flere tiltak i planen passer; legg til overskriften for delen eller bruk hele koden.' },
    ]);
    expect(await statusRows(h, p.plan.id)).toHaveLength(1);
    expect((await auditEventsFor(h, p.plan.id)).filter((e) => e.action === 'plan.importStatusTable')).toEqual([]);
  });

  it('saves exactly the rows to save once the refused lines are skipped, unchanged rows not again, with one audit event', async () => {
    const { h, tree, planner, api } = await setup();
    const p = await districtPlan(h, tree);
    const res = await api.post(`/api/plans/${p.plan.id}/import/status-table`, {
      text: PASTE,
      reportedOn: '2025-01-20',
      skipLines: REFUSED_LINES,
      confirm: true,
    });
    expect(res.status).toBe(200);
    expect(res.body.saved).toBe(true);
    expect(res.body.summary).toEqual({ lines: 17, toSave: 4, unchanged: 1, refused: 0, skipped: 8 });
    for (const line of REFUSED_LINES) {
      expect(lineAt(res.body.lines, line)).toMatchObject({ outcome: 'skipped', messages: ['Hoppet over etter ditt valg.'] });
    }

    const rows = await statusRows(h, p.plan.id);
    const added = rows.filter((r) => r.reported_on === '2025-01-20').map((r) => [r.item_id, r.status_code, r.remark]);
    expect(added.sort()).toEqual(
      [
        [p.a1.id, 'iverksatt', 'Revidert høsten 2024'],
        [p.m11.id, 'gjennomfort', 'Ferdig i mai'],
        [p.m12.id, 'delvis_iverksatt', 'To elever fulgt opp'],
        [p.m22.id, 'ikke_iverksatt', 'Venter på midler'],
      ].sort(),
    );
    // The council measure whose status and remark were already as pasted keeps its one entry.
    expect(rows.filter((r) => r.item_id === p.a2.id)).toHaveLength(1);
    expect(rows).toHaveLength(5);

    const events = (await auditEventsFor(h, p.plan.id)).filter((e) => e.action === 'plan.importStatusTable');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_user_id: planner.id, resource_type: 'plan', details: { reportedOn: '2025-01-20', saved: 4 } });
    expect((events[0]!.details as { items: string[] }).items.sort()).toEqual([p.a1.id, p.m11.id, p.m12.id, p.m22.id].sort());

    // The same paste again, for the same period, has nothing left to save.
    const again = await api.post(`/api/plans/${p.plan.id}/import/status-table`, { text: PASTE, reportedOn: '2025-01-20', skipLines: REFUSED_LINES });
    expect(again.body.summary).toMatchObject({ toSave: 0, unchanged: 5 });
  });

  it('refuses the rows of measures a unit leader does not report on', async () => {
    const { h, tree } = await setup();
    const p = await districtPlan(h, tree);
    const leader = await buildUser(h.db, { home: tree.unitA, roles: [{ role: 'unit_leader', unit: tree.unitA }] });
    const api = apiAs(h, await sessionFor(h, leader));
    const res = await api.post(`/api/plans/${p.plan.id}/import/status-table`, { text: PASTE });
    expect(res.status).toBe(200);
    const lines = res.body.lines as Line[];
    // The council's measures (no responsible unit) and the housing office's measure are not theirs.
    for (const line of [3, 11, 13]) expect(lineAt(lines, line)).toMatchObject({ outcome: 'refused', messages: ['Du kan ikke rapportere status på dette tiltaket.'] });
    expect(lineAt(lines, 4).outcome).toBe('save');
    expect(lineAt(lines, 5).outcome).toBe('save');

    const confirmed = await api.post(`/api/plans/${p.plan.id}/import/status-table`, { text: PASTE, confirm: true, skipLines: [3, 11, 13, ...REFUSED_LINES] });
    expect(confirmed.status).toBe(200);
    expect((await statusRows(h, p.plan.id)).map((r) => r.item_id).sort()).toEqual([p.a2.id, p.m11.id, p.m12.id].sort());
  });

  it('refuses a paste with no measure in it, and a date in the future', async () => {
    const { h, tree, api } = await setup();
    const p = await districtPlan(h, tree);
    const url = `/api/plans/${p.plan.id}/import/status-table`;
    const empty = await api.post(url, { text: 'Tiltak\tBeskrivelse av tiltaket\tFrist\tStatus\tMerknader\r\nSide 1 av 1\r\n' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details).toEqual([{ path: 'text', message: 'Fant ingen tiltak i teksten.' }]);
    const future = await api.post(url, { text: PASTE, reportedOn: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10) }, EN);
    expect(future.status).toBe(400);
    expect(future.body.error.details).toEqual([{ path: 'reportedOn', message: 'The date cannot be in the future.' }]);
    expect(await statusRows(h, p.plan.id)).toHaveLength(1);
  });

  // ---------------------------------------------------------------- plan sheet

  const row = (cells: Partial<Record<(typeof PLAN_SHEET_COLUMNS)[number], string>>) => PLAN_SHEET_COLUMNS.map((column) => cells[column] ?? '');
  const HEADER = [...PLAN_SHEET_COLUMNS];
  const COLUMN = (name: (typeof PLAN_SHEET_COLUMNS)[number]) => PLAN_SHEET_COLUMNS.indexOf(name);

  function planSheet(unit: UnitRef) {
    return [
      HEADER,
      row({ Nivå: '1', Nivånavn: 'Mål', Kode: '1', Tittel: 'Færre innbyggere utvikler rusproblemer' }),
      row({ Nivå: '2', Nivånavn: 'Strategi', Kode: '1.1', Tittel: 'Forebyggingsoffensiv' }),
      row({ Nivå: '3', Nivånavn: 'Byrådets tiltak', Kode: 'a', Tittel: 'Oppdatere programmet', Frist: 'Hele planperioden' }),
      row({
        Nivå: '4',
        Nivånavn: 'Bydelens tiltak',
        Kode: '1',
        Tittel: 'Vi oppdaterer programmet sammen med skolene',
        Beskrivelse: 'I samarbeid med skolene i bydelen.',
        'Ansvarlige enheter': unit.name,
        Samarbeidspartnere: 'Politiet',
        Målgrupper: 'Ungdom; Pårørende',
        Frist: 'Våren 2025',
        Status: 'Iverksatt',
        Merknader: 'Startet i januar',
      }),
    ];
  }

  it('creates a plan’s items from a CSV sheet after a preview that writes nothing', async () => {
    const { h, tree, planner, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const content = toCsv(planSheet(tree.unitA));
    const url = `/api/plans/${plan.id}/import/sheet`;

    const preview = await api.post(url, { format: 'csv', content });
    expect(preview.status).toBe(200);
    expect(preview.body.lines.map((l: Line) => [l.lines, l.outcome])).toEqual([
      [[2], 'create'],
      [[3], 'create'],
      [[4], 'create'],
      [[5], 'create'],
    ]);
    expect(await itemCount(h, plan.id)).toBe(0);

    const done = await api.post(url, { format: 'csv', content, confirm: true, reportedOn: '2025-02-01' });
    expect(done.status).toBe(200);
    expect(done.body.saved).toBe(true);
    const items = (await api.get(`/api/plans/${plan.id}/items`)).body.items;
    expect(items.map((i: { level: number; code: string; title: string }) => [i.level, i.code, i.title])).toEqual([
      [0, '1', 'Færre innbyggere utvikler rusproblemer'],
      [1, '1.1', 'Forebyggingsoffensiv'],
      [2, 'a', 'Oppdatere programmet'],
      [3, '1', 'Vi oppdaterer programmet sammen med skolene'],
    ]);
    expect(items[3]).toMatchObject({
      description: 'I samarbeid med skolene i bydelen.',
      responsibleUnits: [{ id: tree.unitA.id, name: tree.unitA.name }],
      partners: 'Politiet',
      targetGroups: ['Ungdom', 'Pårørende'],
      deadlineText: 'Våren 2025',
      deadline: { kind: 'period', start: '2025-01-01', end: '2025-06-30' },
      status: { code: 'iverksatt', remark: 'Startet i januar', reportedOn: '2025-02-01' },
    });
    expect(items[2].deadline).toEqual({ kind: 'period', start: '2024-01-01', end: '2027-12-31' });
    const [event] = (await auditEventsFor(h, plan.id)).filter((e) => e.action === 'plan.importSheet');
    expect(event).toMatchObject({ actor_user_id: planner.id, details: { format: 'csv', created: 4, updated: 0, statuses: 1 } });
  });

  it.each<{ name: string; rows: (unit: UnitRef) => string[][]; refused: { line: number; messages: string[] }[] }>([
    {
      name: 'a misspelt column in the header',
      rows: (unit) => {
        const rows = planSheet(unit);
        rows[0] = HEADER.map((column) => (column === 'Tittel' ? 'Titel' : column));
        return rows;
      },
      refused: [
        { line: 1, messages: ['Disse kolonnene mangler: Tittel.'] },
        { line: 1, messages: ['Ukjente kolonner: Titel.'] },
        ...[2, 3, 4, 5].map((line) => ({ line, messages: ['Overskriftsraden er feil, så raden kan ikke leses.'] })),
      ],
    },
    {
      name: 'a row that skips a level',
      rows: (unit) => {
        const rows = planSheet(unit);
        rows.splice(2, 1); // no strategy: the council measure (level 3) comes right after the goal
        return rows;
      },
      refused: [
        { line: 3, messages: ['Nivå 3 kan ikke komme rett etter nivå 1.'] },
        { line: 4, messages: ['Raden over som dette punktet hører under (rad 3) er ikke tatt med.'] },
      ],
    },
    {
      name: 'an unknown unit and an unknown status',
      rows: (unit) => [
        ...planSheet(unit),
        row({ Nivå: '4', Kode: '2', Tittel: 'Tiltak for en enhet som ikke finnes', 'Ansvarlige enheter': 'Rusteam Ukjent' }),
        row({ Nivå: '4', Kode: '3', Tittel: 'Tiltak med ukjent status', Status: 'Ferdig' }),
      ],
      refused: [
        { line: 6, messages: ['Fant ikke enheten «Rusteam Ukjent».'] },
        { line: 7, messages: ['Statusen «Ferdig» finnes ikke i planens statusliste.'] },
      ],
    },
  ])('refuses $name with the reasons, and writes nothing on confirm', async ({ rows, refused }) => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const content = toCsv(rows(tree.unitA));
    const url = `/api/plans/${plan.id}/import/sheet`;

    const preview = await api.post(url, { format: 'csv', content });
    expect(preview.status).toBe(200);
    const lines = preview.body.lines as Line[];
    expect(lines.filter((l) => l.outcome === 'refused').map((l) => ({ line: l.lines[0], messages: l.messages }))).toEqual(refused);
    expect(preview.body.summary.refused).toBe(refused.length);

    const confirm = await api.post(url, { format: 'csv', content, confirm: true });
    expect(confirm.status).toBe(400);
    expect(confirm.body.error.code).toBe('import_has_problems');
    expect(confirm.body.error.details).toEqual(refused.map((r) => ({ path: `lines.${r.line}`, message: r.messages.join(' ') })));
    expect(await itemCount(h, plan.id)).toBe(0);
    expect(await statusRows(h, plan.id)).toEqual([]);
    expect((await auditEventsFor(h, plan.id)).filter((e) => e.action === 'plan.importSheet')).toEqual([]);
  });

  /*
   * The sheet may carry a Status on any row, but only measures have statuses: a status on a goal is
   * previewed as an update and then silently dropped on confirm (and previewed as an update again
   * on every later import). The message import_not_measure exists for this and is never used.
   */
  it('does not promise a status change on a goal row', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const url = `/api/plans/${plan.id}/import/sheet`;
    expect((await api.post(url, { format: 'csv', content: toCsv(planSheet(tree.unitA)), confirm: true })).status).toBe(200);

    const rows = planSheet(tree.unitA);
    rows[1]![PLAN_SHEET_COLUMNS.indexOf('Status')] = 'Iverksatt';
    const preview = await api.post(url, { format: 'csv', content: toCsv(rows) });
    expect(preview.status).toBe(200);
    const goalLine = lineAt(preview.body.lines, 2);
    expect(goalLine.messages).toContain('Punktet er ikke et tiltak og får ikke status.');
    expect(['refused', 'unchanged']).toContain(goalLine.outcome);
  });

  /*
   * Unit names repeat across districts ("Rusteam", "Boligkontoret" in every district). The sheet
   * names units by name; a name must resolve to the unit in the plan owner's organisation, not to
   * a namesake in another district (whose leader cannot even read the plan). Today the shallowest
   * unit of that name in the whole city wins.
   */
  it('resolves a unit name in the plan owner’s district when another district has a unit of the same name', async () => {
    const { h, tree, api } = await setup();
    const name = `Rusteam ${tree.city.name}`;
    // District A's team sits under a department (depth 3); district B's directly under the district (depth 2).
    const own = await buildUnit(h.db, { parent: tree.unitA, kind: 'unit', name });
    await buildUnit(h.db, { parent: tree.districtB, kind: 'unit', name });
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const done = await api.post(`/api/plans/${plan.id}/import/sheet`, { format: 'csv', content: toCsv(planSheet(own)), confirm: true });
    expect(done.status).toBe(200);
    const items = (await api.get(`/api/plans/${plan.id}/items`)).body.items;
    expect(items[3].responsibleUnits).toEqual([{ id: own.id, name }]);
  });

  /*
   * Samarbeidspartnere holds organisations and free text in one cell ("Velferdsetaten; Politiet").
   * A part that is exactly a unit's name (case aside) becomes a partner unit — any unit, also
   * outside the owner's district; a name two units share outside it, or anything else, stays text.
   */
  it('reads partner names that are exactly a unit’s name as partner units, and keeps the rest as free text', async () => {
    const { h, tree, api } = await setup();
    const shared = `Frivilligsentralen ${tree.city.name}`;
    const own = await buildUnit(h.db, { parent: tree.districtA, kind: 'unit', name: `Ungdomsklubben ${tree.city.name}` });
    await buildUnit(h.db, { parent: tree.districtB, kind: 'unit', name: own.name });
    await buildUnit(h.db, { parent: tree.districtB, kind: 'unit', name: shared });
    await buildUnit(h.db, { parent: tree.agency, kind: 'unit', name: shared });
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const rows = planSheet(tree.unitA);
    const partners = COLUMN('Samarbeidspartnere');
    rows[4]![partners] = [tree.agency.name.toUpperCase(), 'Politiet', tree.unitB.name, `${tree.agency.name} (Uteseksjonen)`, own.name, shared].join('; ');
    rows.push(row({ Nivå: '4', Kode: '2', Tittel: 'Tiltak med bare fritekst', Samarbeidspartnere: 'Politiet;frivillige lag' }));
    const url = `/api/plans/${plan.id}/import/sheet`;

    const done = await api.post(url, { format: 'csv', content: toCsv(rows), confirm: true });
    expect(done.status).toBe(200);
    expect(done.body.summary).toMatchObject({ toSave: 5, refused: 0 });
    const items = (await api.get(`/api/plans/${plan.id}/items`)).body.items;
    const units = [tree.agency, tree.unitB, own].sort((a, b) => a.name.localeCompare(b.name)).map((u) => ({ id: u.id, name: u.name }));
    expect(items[3]).toMatchObject({ partnerUnits: units, partners: `Politiet; ${tree.agency.name} (Uteseksjonen); ${shared}` });
    expect(items[4]).toMatchObject({ partnerUnits: [], partners: 'Politiet;frivillige lag' });

    // The same sheet again changes nothing.
    const again = await api.post(url, { format: 'csv', content: toCsv(rows) });
    expect(again.body.summary).toMatchObject({ toSave: 0, unchanged: 5 });

    // A partner taken out of the cell is taken off the measure.
    rows[4]![partners] = `Politiet; ${tree.unitB.name}`;
    const edited = await api.post(url, { format: 'csv', content: toCsv(rows), confirm: true });
    expect(edited.body.lines.map((l: Line) => l.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged', 'update', 'unchanged']);
    const after = (await api.get(`/api/plans/${plan.id}/items`)).body.items;
    expect(after[3]).toMatchObject({ partnerUnits: [{ id: tree.unitB.id, name: tree.unitB.name }], partners: 'Politiet' });
  });

  it('refuses a broken Excel file with 400 on content', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const url = `/api/plans/${plan.id}/import/sheet`;
    for (const content of [Buffer.from('dette er ikke et regneark').toString('base64'), '%%% ikke base64 %%%', '']) {
      const res = await api.post(url, { format: 'xlsx', content, confirm: true });
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([{ path: 'content', message: 'Filen kunne ikke leses som et Excel-ark (.xlsx). Lagre den som .xlsx eller bruk CSV.' }]);
    }
    const en = await api.post(url, { format: 'xlsx', content: 'UEsDBAo=' }, EN);
    expect(en.status).toBe(400);
    expect(en.body.error.details).toEqual([{ path: 'content', message: 'The file could not be read as an Excel sheet (.xlsx). Save it as .xlsx or use CSV.' }]);
    expect(await itemCount(h, plan.id)).toBe(0);
  });

  it('reads "a Tittel" (a letter code without its full stop, as older downloads wrote it) as the council measure a', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const chain = await buildMeasureChain(h.db, plan, tree.unitA);
    const res = await api.post(`/api/plans/${plan.id}/import/status-table`, { text: 'a Byrådets tiltak\tBeskrivelse\t\tIverksatt\tFulgt opp' });
    expect(res.status).toBe(200);
    expect(res.body.lines[0]).toMatchObject({ outcome: 'save', code: 'a', match: { itemId: chain.council.id } });
  });
});
