import { expect, it } from 'vitest';
import { apiAs } from '../../test/api.js';
import { buildMeasureChain, buildOrgTree, buildPlan, buildPlanItem, buildReport, buildStatus, buildUser, sessionFor } from '../../test/factories.js';
import { describeEachEngine, type Harness } from '../../test/harness.js';

/**
 * What residents see without logging in (/innsyn/planer): published plans with each measure's
 * status history but no staff names, and the approved reports a planner published. Nothing else.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function anonymous(h: Harness, url: string): Promise<{ status: number; body: any; raw: string; headers: Record<string, unknown> }> {
  const res = await h.app.inject({ method: 'GET', url });
  const json = (res.headers['content-type'] ?? '').toString().startsWith('application/json');
  return { status: res.statusCode, body: json ? res.json() : undefined, raw: res.body, headers: res.headers };
}

describeEachEngine('public plans API', (get) => {
  async function setup() {
    const h = get();
    const tree = await buildOrgTree(h.db);
    const planner = await buildUser(h.db, { home: tree.districtA, roles: [{ role: 'planner', unit: tree.districtA }] });
    await h.db.updateTable('app_user').set({ display_name: 'Planlegger Pernille Ødegård' }).where('id', '=', planner.id).execute();
    return { h, tree, planner, api: apiAs(h, await sessionFor(h, planner)) };
  }

  it('lists only published plans, with their progress', async () => {
    const { h, tree } = await setup();
    const published = await buildPlan(h.db, { owner: tree.districtA, published: true });
    const { measure } = await buildMeasureChain(h.db, published, tree.unitA);
    await buildStatus(h.db, measure, { status: 'gjennomfort' });
    const archived = await buildPlan(h.db, { owner: tree.districtB, state: 'archived', published: true });
    const adopted = await buildPlan(h.db, { owner: tree.districtA });
    const draft = await buildPlan(h.db, { owner: tree.districtA, state: 'draft' });

    const res = await anonymous(h, '/api/public/plans');
    expect(res.status).toBe(200);
    const ids = res.body.plans.map((p: { id: string }) => p.id);
    expect(ids).toEqual(expect.arrayContaining([published.id, archived.id]));
    expect(ids).not.toContain(adopted.id);
    expect(ids).not.toContain(draft.id);
    const listed = res.body.plans.find((p: { id: string }) => p.id === published.id);
    expect(listed).toMatchObject({ ownerName: tree.districtA.name, startYear: 2024, endYear: 2027, state: 'adopted', adoptedOn: '2024-02-01' });
    expect(listed.progress).toEqual({ total: 1, not_started: 0, in_progress: 0, done: 1, dropped: 0, none: 0 });
    expect(Object.keys(listed).sort()).toEqual(['adoptedOn', 'endYear', 'id', 'ownerName', 'progress', 'startYear', 'state', 'title']);
  });

  it('answers 404 for a plan that is not published, also after it is withdrawn', async () => {
    const { h, tree, api } = await setup();
    const adopted = await buildPlan(h.db, { owner: tree.districtA });
    const draft = await buildPlan(h.db, { owner: tree.districtA, state: 'draft' });
    for (const id of [adopted.id, draft.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await anonymous(h, `/api/public/plans/${id}`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    expect((await anonymous(h, '/api/public/plans/plan-1')).status).toBe(400);

    expect((await api.post(`/api/plans/${adopted.id}/publish`, { published: true })).status).toBe(200);
    expect((await anonymous(h, `/api/public/plans/${adopted.id}`)).status).toBe(200);
    expect((await api.post(`/api/plans/${adopted.id}/publish`, { published: false })).status).toBe(200);
    expect((await anonymous(h, `/api/public/plans/${adopted.id}`)).status).toBe(404);
    expect((await anonymous(h, '/api/public/plans')).body.plans.map((p: { id: string }) => p.id)).not.toContain(adopted.id);
  });

  it('shows a published plan’s items with their history, without staff names or actions', async () => {
    const { h, tree, planner, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA, published: true });
    const chain = await buildMeasureChain(h.db, plan, tree.unitA);
    const second = await buildPlanItem(h.db, plan, { parent: chain.council, code: '2', title: 'Et tiltak uten status', units: [tree.unitA], deadlineText: 'Våren 2025' });
    await api.post(`/api/plans/${plan.id}/items/${chain.measure.id}/statuses`, { status: 'iverksatt', remark: 'Startet opp', reportedOn: '2024-03-01' });
    await api.post(`/api/plans/${plan.id}/items/${chain.measure.id}/statuses`, { status: 'gjennomfort', remark: 'Ferdig', reportedOn: '2024-10-01' });

    const res = await anonymous(h, `/api/public/plans/${plan.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: plan.id, ownerName: tree.districtA.name, state: 'adopted', reports: [] });
    expect(res.body.actions).toBeUndefined();
    expect(res.body.statusTerms).toBeUndefined();
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([chain.goal.id, chain.strategy.id, chain.council.id, chain.measure.id, second.id]);
    for (const item of res.body.items) expect(item.actions).toBeUndefined();

    const measure = res.body.items.find((i: { id: string }) => i.id === chain.measure.id);
    expect(measure).toMatchObject({
      title: 'Bydelens tiltak',
      responsibleUnits: [{ id: tree.unitA.id, name: tree.unitA.name }],
      status: { code: 'gjennomfort', label: 'Gjennomført', remark: 'Ferdig', reportedOn: '2024-10-01' },
    });
    expect(measure.history).toEqual([
      { code: 'gjennomfort', label: 'Gjennomført', category: 'done', remark: 'Ferdig', reportedOn: '2024-10-01', createdAt: expect.any(String) },
      { code: 'iverksatt', label: 'Iverksatt', category: 'in_progress', remark: 'Startet opp', reportedOn: '2024-03-01', createdAt: expect.any(String) },
    ]);
    expect(res.body.items.find((i: { id: string }) => i.id === second.id)).toMatchObject({
      history: [],
      status: null,
      deadlineText: 'Våren 2025',
    });
    // Partner organisations by name only, beside the free text.
    expect(measure.partnerUnits).toEqual([]);
    expect(
      (await api.patch(`/api/plans/${plan.id}/items/${second.id}`, { partnerUnitIds: [tree.agency.id], partners: 'Politiet' })).status,
    ).toBe(200);
    const again = await anonymous(h, `/api/public/plans/${plan.id}`);
    expect(again.body.items.find((i: { id: string }) => i.id === second.id)).toMatchObject({ partnerUnits: [{ name: tree.agency.name }], partners: 'Politiet' });
    expect(again.raw).not.toContain(tree.agency.id);
    // No author, in any field.
    expect(res.raw).not.toContain('authorName');
    expect(res.raw).not.toContain('Pernille');
    expect(res.raw).not.toContain(planner.username);
  });

  it('lists and serves only reports that are approved and published', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA, published: true });
    await buildMeasureChain(h.db, plan, tree.unitA);
    const reportFor = async (periodLabel: string, step: 'draft' | 'approved' | 'published') => {
      const report = (await api.post(`/api/plans/${plan.id}/reports`, { periodLabel })).body as { id: string };
      if (step !== 'draft') expect((await api.post(`/api/plans/${plan.id}/reports/${report.id}/approve`)).status).toBe(200);
      if (step === 'published') expect((await api.post(`/api/plans/${plan.id}/reports/${report.id}/publish`, { published: true })).status).toBe(200);
      return report;
    };
    const published = await reportFor('2024', 'published');
    const approved = await reportFor('2025', 'approved');
    const draft = await reportFor('2026', 'draft');

    const res = await anonymous(h, `/api/public/plans/${plan.id}`);
    expect(res.body.reports).toEqual([
      { id: published.id, period: { label: '2024', start: '2024-01-01', end: '2024-12-31' }, approvedAt: expect.any(String) },
    ]);

    const url = (reportId: string, format = 'docx') => `/api/public/plans/${plan.id}/reports/${reportId}/export?format=${format}`;
    for (const format of ['docx', 'pdf', 'xlsx']) {
      const file = await anonymous(h, url(published.id, format));
      expect(file.status).toBe(200);
      expect(String(file.headers['content-disposition'])).toMatch(/^attachment; filename="Statusrapport 2024 - .*\.(docx|pdf|xlsx)"/);
      expect(String(file.headers['content-disposition'])).not.toContain('utkast');
    }
    for (const reportId of [approved.id, draft.id, '00000000-0000-4000-8000-000000000000']) {
      const res404 = await anonymous(h, url(reportId));
      expect(res404.status).toBe(404);
    }

    // A published report of another plan cannot be fetched through this one.
    const other = await buildPlan(h.db, { owner: tree.districtA, published: true });
    const foreign = await buildReport(h.db, other, { state: 'approved', published: true });
    expect((await anonymous(h, `/api/public/plans/${other.id}/reports/${foreign.id}/export?format=docx`)).status).toBe(200);
    expect((await anonymous(h, url(foreign.id))).status).toBe(404);
  });

  it('answers 404 for the published reports of a plan that is not published', async () => {
    const { h, tree } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const report = await buildReport(h.db, plan, { state: 'approved', published: true });
    const res = await anonymous(h, `/api/public/plans/${plan.id}/reports/${report.id}/export?format=pdf`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});
