import { CHAPTER_PLAN_LEVELS, DEFAULT_STATUS_TERMS, DISTRICT_PLAN_LEVELS, WORK_PLAN_LEVELS, type PlanLevel } from '@rusfag/core';
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
  type UnitRef,
} from '../../test/factories.js';
import { describeEachEngine, type Harness } from '../../test/harness.js';

/**
 * The action-plan API as planners and unit leaders use it: plans and their state, the item tree
 * (order, moves, deletes, deadlines, responsible units), progress roll-up, status reporting one by
 * one and in bulk, and the actions sent with each item. Who may call which route at all is checked
 * by the policy matrix.
 */

const EN = { 'accept-language': 'en' };
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

interface Item {
  id: string;
  parentId: string | null;
  level: number;
  position: number;
  code: string | null;
  title: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [key: string]: any;
}

async function statusCount(h: Harness, itemIds: string[]): Promise<number> {
  if (itemIds.length === 0) return 0;
  const row = await h.db
    .selectFrom('measure_status')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('item_id', 'in', itemIds)
    .executeTakeFirstOrThrow();
  return row.n;
}

describeEachEngine('plans API', (get) => {
  /** A fresh city and a planner at district A. */
  async function setup() {
    const h = get();
    const tree = await buildOrgTree(h.db);
    const planner = await buildUser(h.db, { home: tree.districtA, roles: [{ role: 'planner', unit: tree.districtA }] });
    const session = await sessionFor(h, planner);
    return { h, tree, planner, api: apiAs(h, session) };
  }

  type Api = ReturnType<typeof apiAs>;

  async function itemsOf(api: Api, planId: string): Promise<Item[]> {
    const res = await api.get(`/api/plans/${planId}/items`);
    expect(res.status).toBe(200);
    return res.body.items as Item[];
  }

  const find = (items: Item[], id: string) => items.find((item) => item.id === id)!;
  /** [title, level, position] in the order the API lists the tree. */
  const outline = (items: Item[]) => items.map((item) => [item.title, item.level, item.position]);

  async function userWith(h: Harness, role: 'unit_leader' | 'caseworker' | 'planner', unit: UnitRef) {
    const user = await buildUser(h.db, { home: unit, roles: [{ role, unit }] });
    return { user, api: apiAs(h, await sessionFor(h, user)) };
  }

  function newPlanBody(owner: UnitRef, overrides: Record<string, unknown> = {}) {
    return { ownerUnitId: owner.id, title: unique('Ruspolitisk handlingsplan'), startYear: 2025, endYear: 2028, ...overrides };
  }

  // ---------------------------------------------------------------- plans

  it.each<{ template: string; levels: readonly PlanLevel[] }>([
    { template: 'district', levels: DISTRICT_PLAN_LEVELS },
    { template: 'work', levels: WORK_PLAN_LEVELS },
    { template: 'chapter', levels: CHAPTER_PLAN_LEVELS },
  ])('creates a draft plan from the $template template with its levels', async ({ template, levels }) => {
    const { h, tree, planner, api } = await setup();
    const body = newPlanBody(tree.districtA, { template, description: 'Vedtatt i bydelsutvalget.' });
    const res = await api.post('/api/plans', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      ownerUnitId: tree.districtA.id,
      ownerName: tree.districtA.name,
      title: body.title,
      description: 'Vedtatt i bydelsutvalget.',
      startYear: 2025,
      endYear: 2028,
      state: 'draft',
      adoptedOn: null,
      publishedAt: null,
      reportingCycle: 'yearly',
      reportDueDays: 31,
      links: [],
      progress: { total: 0, not_started: 0, in_progress: 0, done: 0, dropped: 0, none: 0 },
    });
    expect(res.body.levels).toEqual(levels);
    expect(res.body.statusTerms).toEqual(DEFAULT_STATUS_TERMS);
    expect(res.body.actions).toEqual(expect.arrayContaining(['plan.read', 'plan.update', 'plan.publish', 'report.create']));

    const again = await api.get(`/api/plans/${res.body.id}`);
    expect(again.body.levels).toEqual(levels);
    const [event] = await auditEventsFor(h, res.body.id);
    expect(event).toMatchObject({ actor_user_id: planner.id, action: 'plan.create', outcome: 'success', resource_type: 'plan' });
  });

  it('creates a plan with levels of its own, for an agency too', async () => {
    const { h, tree } = await setup();
    const agencyPlanner = await userWith(h, 'planner', tree.agency);
    const levels = [
      { label: 'Innsatsområde', measure: false },
      { label: 'Tiltak', measure: true },
      { label: 'Aktivitet', measure: true },
    ];
    const res = await agencyPlanner.api.post('/api/plans', newPlanBody(tree.agency, { template: 'chapter', levels, reportingCycle: 'tertial' }));
    expect(res.status).toBe(201);
    expect(res.body.levels).toEqual(levels);
    expect(res.body.reportingCycle).toBe('tertial');
    expect(res.body.ownerUnitId).toBe(tree.agency.id);
  });

  it.each<{ name: string; overrides: (tree: Awaited<ReturnType<typeof buildOrgTree>>) => Record<string, unknown>; details: { path: string; message: string }[] }>([
    {
      name: 'an end year before the start year',
      overrides: () => ({ startYear: 2026, endYear: 2025 }),
      details: [{ path: 'endYear', message: 'The end year cannot be before the start year, and the period can be at most 20 years.' }],
    },
    {
      name: 'a period longer than 20 years',
      overrides: () => ({ startYear: 2025, endYear: 2046 }),
      details: [{ path: 'endYear', message: 'The end year cannot be before the start year, and the period can be at most 20 years.' }],
    },
    {
      name: 'an owner that is a unit, not a district or agency',
      overrides: (tree) => ({ ownerUnitId: tree.unitA.id }),
      details: [{ path: 'ownerUnitId', message: 'A plan is owned by a district or an agency.' }],
    },
    {
      name: 'an empty list of levels',
      overrides: () => ({ levels: [] }),
      details: [{ path: 'levels', message: 'Must have at least 1 items.' }],
    },
    {
      name: 'more than eight levels',
      overrides: () => ({ levels: Array.from({ length: 9 }, (_, i) => ({ label: `Nivå ${i + 1}`, measure: i > 0 })) }),
      details: [{ path: 'levels', message: 'Can have at most 8 items.' }],
    },
    {
      name: 'a level without a label',
      overrides: () => ({ levels: [{ label: 'Mål', measure: false }, { label: '  ', measure: true }] }),
      details: [{ path: 'levels.1.label', message: 'This field is required.' }],
    },
    {
      name: 'a level that does not say whether it holds measures',
      overrides: () => ({ levels: [{ label: 'Mål', measure: false }, { label: 'Tiltak' }] }),
      details: [{ path: 'levels.1.measure', message: 'This field is required.' }],
    },
    {
      name: 'an unknown template',
      overrides: () => ({ template: 'kommuneplan' }),
      details: [{ path: 'template', message: 'Invalid value. Allowed: district, work, chapter.' }],
    },
  ])('refuses $name with 400 and the field path, and writes nothing', async ({ overrides, details }) => {
    const { h, tree, api } = await setup();
    const body = newPlanBody(tree.districtA, overrides(tree));
    const res = await api.post('/api/plans', body, EN);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details).toEqual(details);
    expect(await h.db.selectFrom('plan').select('id').where('title', '=', body.title).execute()).toEqual([]);
  });

  it('explains an owner of the wrong kind in Norwegian by default', async () => {
    const { tree, api } = await setup();
    const res = await api.post('/api/plans', newPlanBody(tree.districtA, { ownerUnitId: tree.unitA.id }));
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'ownerUnitId', message: 'En plan eies av en bydel eller en etat.' }]);
  });

  it('answers 404 on ownerUnitId for an owner outside the planner’s district', async () => {
    const { tree, api } = await setup();
    for (const owner of [tree.districtB, tree.city]) {
      const res = await api.post('/api/plans', newPlanBody(owner), EN);
      expect(res.status).toBe(404);
      expect(res.body.error.details).toEqual([{ path: 'ownerUnitId', message: 'Unit not found.' }]);
    }
  });

  it('refuses fewer levels than the items use, and accepts as many with new labels', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    await buildMeasureChain(h.db, plan, tree.unitA);

    const three = DISTRICT_PLAN_LEVELS.slice(0, 3);
    const res = await api.patch(`/api/plans/${plan.id}`, { levels: three }, EN);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'levels', message: 'The plan has items on more levels than this. Move or delete them first.' }]);
    expect((await api.get(`/api/plans/${plan.id}`)).body.levels).toEqual(DISTRICT_PLAN_LEVELS);

    const renamed = DISTRICT_PLAN_LEVELS.map((level, i) => (i === 3 ? { ...level, label: 'Bydelens egne tiltak' } : level));
    const ok = await api.patch(`/api/plans/${plan.id}`, { levels: renamed });
    expect(ok.status).toBe(200);
    expect(ok.body.levels[3].label).toBe('Bydelens egne tiltak');
  });

  it('refuses status terms that drop a code used in the history, and allows dropping unused ones', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const { measure } = await buildMeasureChain(h.db, plan, tree.unitA);
    await buildStatus(h.db, measure, { status: 'delvis_iverksatt' });

    const withoutUsed = DEFAULT_STATUS_TERMS.filter((term) => term.code !== 'delvis_iverksatt');
    const refused = await api.patch(`/api/plans/${plan.id}`, { statusTerms: withoutUsed }, EN);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([{ path: 'statusTerms', message: 'The status is used in the status history and cannot be removed.' }]);
    expect((await api.get(`/api/plans/${plan.id}`)).body.statusTerms).toEqual(DEFAULT_STATUS_TERMS);

    // The used code may be relabelled; an unused one may go; a new one may come.
    const changed = [
      ...DEFAULT_STATUS_TERMS.filter((term) => term.code !== 'viderefort').map((term) =>
        term.code === 'delvis_iverksatt' ? { ...term, label: 'Delvis gjennomført' } : term,
      ),
      { code: 'pabegynt', label: 'Påbegynt', category: 'in_progress' },
    ];
    const ok = await api.patch(`/api/plans/${plan.id}`, { statusTerms: changed });
    expect(ok.status).toBe(200);
    expect(ok.body.statusTerms).toEqual(changed);
    const history = await api.get(`/api/plans/${plan.id}/items/${measure.id}/statuses`);
    expect(history.body.updates[0]).toMatchObject({ code: 'delvis_iverksatt', label: 'Delvis gjennomført', category: 'in_progress' });
  });

  it('links only to plans the planner can read, never to the plan itself', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const sibling = await buildPlan(h.db, { owner: tree.districtA });
    const elsewhere = await buildPlan(h.db, { owner: tree.districtB });
    const ok = await api.patch(`/api/plans/${plan.id}`, { links: [{ kind: 'related', title: 'Søsterplanen', planId: sibling.id }] });
    expect(ok.status).toBe(200);
    expect(ok.body.links).toEqual([{ kind: 'related', title: 'Søsterplanen', planId: sibling.id, url: null }]);
    for (const planId of [elsewhere.id, plan.id, '00000000-0000-4000-8000-000000000000']) {
      const refused = await api.patch(`/api/plans/${plan.id}`, { links: [{ kind: 'implements', title: 'Byplanen', planId }] });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details).toEqual([{ path: 'links.0.planId', message: 'Fant ikke planen det lenkes til (eller du har ikke tilgang til den).' }]);
    }
  });

  it('refuses a status term code with capitals or spaces with the term’s path', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const res = await api.patch(`/api/plans/${plan.id}`, { statusTerms: [...DEFAULT_STATUS_TERMS, { code: 'Ny status', label: 'Ny', category: 'done' }] }, EN);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'statusTerms.6.code', message: 'The code may only contain letters, digits, dot, hyphen and underscore.' }]);
  });

  it('adopts a draft only with an adoption date that is not in the future', async () => {
    const { h, tree, planner, api } = await setup();
    const created = await api.post('/api/plans', newPlanBody(tree.districtA));
    const id = created.body.id as string;

    const missing = await api.post(`/api/plans/${id}/state`, { state: 'adopted' }, EN);
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toEqual([{ path: 'adoptedOn', message: 'Give the date the plan was adopted.' }]);

    const future = await api.post(`/api/plans/${id}/state`, { state: 'adopted', adoptedOn: daysFromToday(2) }, EN);
    expect(future.status).toBe(400);
    expect(future.body.error.details).toEqual([{ path: 'adoptedOn', message: 'The date cannot be in the future.' }]);

    const badDate = await api.post(`/api/plans/${id}/state`, { state: 'adopted', adoptedOn: '31.03.2025' }, EN);
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.details).toEqual([{ path: 'adoptedOn', message: 'Invalid date (use YYYY-MM-DD).' }]);

    const skip = await api.post(`/api/plans/${id}/state`, { state: 'archived' });
    expect(skip.status).toBe(409);
    expect(skip.body.error.code).toBe('plan_invalid_state_change');
    expect((await api.get(`/api/plans/${id}`)).body).toMatchObject({ state: 'draft', adoptedOn: null });

    const today = todayInOslo();
    const adopted = await api.post(`/api/plans/${id}/state`, { state: 'adopted', adoptedOn: today });
    expect(adopted.status).toBe(200);
    expect(adopted.body).toMatchObject({ state: 'adopted', adoptedOn: today });

    const back = await api.post(`/api/plans/${id}/state`, { state: 'draft' });
    expect(back.status).toBe(409);
    expect(back.body.error.code).toBe('plan_invalid_state_change');

    const archived = await api.post(`/api/plans/${id}/state`, { state: 'archived' });
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ state: 'archived', adoptedOn: today });

    const changes = (await auditEventsFor(h, id)).filter((e) => e.action === 'plan.changeState');
    expect(changes.map((e) => e.details)).toEqual([
      { from: 'draft', to: 'adopted' },
      { from: 'adopted', to: 'archived' },
    ]);
    expect(changes.every((e) => e.actor_user_id === planner.id)).toBe(true);
  });

  it('keeps an archived plan read-only: plan, item and status changes answer 409 plan_archived', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA, state: 'archived' });
    const { goal, measure } = await buildMeasureChain(h.db, plan, tree.unitA);
    const leader = await userWith(h, 'unit_leader', tree.unitA);

    const attempts = [
      () => api.patch(`/api/plans/${plan.id}`, { title: 'Nytt navn på planen' }),
      () => api.post(`/api/plans/${plan.id}/items`, { parentId: null, title: 'Nytt mål' }),
      () => api.patch(`/api/plans/${plan.id}/items/${measure.id}`, { title: 'Nytt navn' }),
      () => api.post(`/api/plans/${plan.id}/items/${measure.id}/move`, { parentId: goal.id, position: 0 }),
      () => api.del(`/api/plans/${plan.id}/items/${measure.id}`),
      () => api.post(`/api/plans/${plan.id}/items/${measure.id}/statuses`, { status: 'iverksatt' }),
      () => api.post(`/api/plans/${plan.id}/statuses`, { updates: [{ itemId: measure.id, status: 'iverksatt' }] }),
      () => leader.api.post(`/api/plans/${plan.id}/statuses`, { updates: [{ itemId: measure.id, status: 'iverksatt' }] }),
      () => api.post(`/api/plans/${plan.id}/import/status-table`, { text: '1 Bydelens tiltak\t\t\tIverksatt\t' }),
    ];
    for (const attempt of attempts) {
      const res = await attempt();
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('plan_archived');
    }
    const items = await itemsOf(api, plan.id);
    expect(items).toHaveLength(4);
    expect(find(items, measure.id).title).toBe('Bydelens tiltak');
    expect(items.every((item) => item.actions.length === 1 && item.actions[0] === 'plan.read')).toBe(true);
    expect(await statusCount(h, [measure.id])).toBe(0);

    // Taking the plan back into use makes it writable again.
    expect((await api.post(`/api/plans/${plan.id}/state`, { state: 'adopted' })).status).toBe(200);
    expect((await api.patch(`/api/plans/${plan.id}/items/${measure.id}`, { title: 'Nytt navn' })).status).toBe(200);
  });

  it('publishes only an adopted plan, keeps the first publication time, and withdraws it', async () => {
    const { h, tree, api } = await setup();
    const draft = await buildPlan(h.db, { owner: tree.districtA, state: 'draft' });
    const refused = await api.post(`/api/plans/${draft.id}/publish`, { published: true }, EN);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'plan_not_adopted', message: 'Only adopted (or archived) plans can be published.' });
    expect((await api.get(`/api/plans/${draft.id}`)).body.publishedAt).toBeNull();

    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const published = await api.post(`/api/plans/${plan.id}/publish`, { published: true });
    expect(published.status).toBe(200);
    expect(published.body.publishedAt).toEqual(expect.any(String));
    const again = await api.post(`/api/plans/${plan.id}/publish`, { published: true });
    expect(again.body.publishedAt).toBe(published.body.publishedAt);
    const withdrawn = await api.post(`/api/plans/${plan.id}/publish`, { published: false });
    expect(withdrawn.body.publishedAt).toBeNull();
    const events = (await auditEventsFor(h, plan.id)).filter((e) => e.action === 'plan.publish');
    expect(events.map((e) => e.details)).toEqual([{ published: true }, { published: true }, { published: false }]);
  });

  // ---------------------------------------------------------------- items: order and moves

  it('lists the tree depth first, with positions 0, 1, 2 … after inserting at a position', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const add = async (title: string, extra: Record<string, unknown> = {}) => {
      const res = await api.post(`/api/plans/${plan.id}/items`, { parentId: null, title, ...extra });
      expect(res.status).toBe(201);
      return (res.body.items as Item[]).find((item) => item.title === title)!;
    };
    const goalB = await add('Mål B');
    await add('Mål C');
    await add('Mål A', { position: 0 });
    await add('Strategi 1', { parentId: goalB.id });
    await add('Strategi 3', { parentId: goalB.id });
    await add('Strategi 2', { parentId: goalB.id, position: 1 });
    await add('Mål D', { position: 99 });

    expect(outline(await itemsOf(api, plan.id))).toEqual([
      ['Mål A', 0, 0],
      ['Mål B', 0, 1],
      ['Strategi 1', 1, 0],
      ['Strategi 2', 1, 1],
      ['Strategi 3', 1, 2],
      ['Mål C', 0, 2],
      ['Mål D', 0, 3],
    ]);
  });

  it('refuses an item deeper than the levels, a parent from another plan, and a code taken among siblings', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const other = await buildPlan(h.db, { owner: tree.districtA });
    const chain = await buildMeasureChain(h.db, plan, tree.unitA);
    const foreign = await buildPlanItem(h.db, other, { title: 'Mål i en annen plan' });

    const tooDeep = await api.post(`/api/plans/${plan.id}/items`, { parentId: chain.measure.id, title: 'Under tiltaket' }, EN);
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.error.details).toEqual([{ path: 'parentId', message: 'The plan does not have that many levels. Add a level to the plan first.' }]);

    const elsewhere = await api.post(`/api/plans/${plan.id}/items`, { parentId: foreign.id, title: 'Strategi' }, EN);
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.details).toEqual([{ path: 'parentId', message: 'The parent item was not found in the plan.' }]);

    // The chain's council measure has code 'a': 'A' is the same code among its siblings…
    const clash = await api.post(`/api/plans/${plan.id}/items`, { parentId: chain.strategy.id, code: 'A', title: 'Et annet byrådstiltak' }, EN);
    expect(clash.status).toBe(409);
    expect(clash.body.error.details).toEqual([{ path: 'code', message: 'The code is already used at the same level in this part of the plan.' }]);
    // … but free under another strategy.
    const strategy2 = await buildPlanItem(h.db, plan, { parent: chain.goal, title: 'Strategi 2' });
    expect((await api.post(`/api/plans/${plan.id}/items`, { parentId: strategy2.id, code: 'a', title: 'Byrådets tiltak 2' })).status).toBe(201);

    const items = await itemsOf(api, plan.id);
    expect(items.map((item) => item.title)).not.toContain('Under tiltaket');
    expect(items.map((item) => item.title)).not.toContain('Et annet byrådstiltak');
  });

  it('moves an item up and down among its siblings', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const a = await buildPlanItem(h.db, plan, { title: 'A' });
    const b = await buildPlanItem(h.db, plan, { title: 'B' });
    const c = await buildPlanItem(h.db, plan, { title: 'C' });
    const move = async (id: string, position: number) => {
      const res = await api.post(`/api/plans/${plan.id}/items/${id}/move`, { parentId: null, position });
      expect(res.status).toBe(200);
      return outline(res.body.items as Item[]);
    };
    expect(await move(c.id, 0)).toEqual([['C', 0, 0], ['A', 0, 1], ['B', 0, 2]]);
    expect(await move(c.id, 2)).toEqual([['A', 0, 0], ['B', 0, 1], ['C', 0, 2]]);
    expect(await move(a.id, 1)).toEqual([['B', 0, 0], ['A', 0, 1], ['C', 0, 2]]);
    // A position past the end means last.
    expect(await move(b.id, 50)).toEqual([['A', 0, 0], ['C', 0, 1], ['B', 0, 2]]);
  });

  it('moves an item with its subtree under another parent: levels shift and both sibling lists stay gapless', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const goal1 = await buildPlanItem(h.db, plan, { title: 'Mål 1' });
    const s1 = await buildPlanItem(h.db, plan, { parent: goal1, title: 'Strategi 1.1' });
    await buildPlanItem(h.db, plan, { parent: goal1, title: 'Strategi 1.2' });
    const council = await buildPlanItem(h.db, plan, { parent: s1, code: 'a', title: 'Byrådets tiltak a' });
    await buildPlanItem(h.db, plan, { parent: council, code: '1', title: 'Tiltak 1' });
    await buildPlanItem(h.db, plan, { parent: s1, code: 'b', title: 'Byrådets tiltak b' });
    const goal2 = await buildPlanItem(h.db, plan, { title: 'Mål 2' });
    await buildPlanItem(h.db, plan, { parent: goal2, title: 'Strategi 2.1' });

    // The council measure (level 2) and its measure (level 3) go directly under goal 2: levels 1 and 2.
    const down = await api.post(`/api/plans/${plan.id}/items/${council.id}/move`, { parentId: goal2.id, position: 0 });
    expect(down.status).toBe(200);
    expect(outline(down.body.items)).toEqual([
      ['Mål 1', 0, 0],
      ['Strategi 1.1', 1, 0],
      ['Byrådets tiltak b', 2, 0],
      ['Strategi 1.2', 1, 1],
      ['Mål 2', 0, 1],
      ['Byrådets tiltak a', 1, 0],
      ['Tiltak 1', 2, 0],
      ['Strategi 2.1', 1, 1],
    ]);
    expect(find(down.body.items, council.id).parentId).toBe(goal2.id);

    // Strategy 1.1 (with its council measure) becomes a top-level item between the goals.
    const up = await api.post(`/api/plans/${plan.id}/items/${s1.id}/move`, { parentId: null, position: 1 });
    expect(up.status).toBe(200);
    expect(outline(up.body.items)).toEqual([
      ['Mål 1', 0, 0],
      ['Strategi 1.2', 1, 0],
      ['Strategi 1.1', 0, 1],
      ['Byrådets tiltak b', 1, 0],
      ['Mål 2', 0, 2],
      ['Byrådets tiltak a', 1, 0],
      ['Tiltak 1', 2, 0],
      ['Strategi 2.1', 1, 1],
    ]);
    const stored = await h.db.selectFrom('plan_item').select(['title', 'level']).where('plan_id', '=', plan.id).orderBy('title').execute();
    expect(stored.find((row) => row.title === 'Tiltak 1')?.level).toBe(2);
    expect(stored.find((row) => row.title === 'Byrådets tiltak b')?.level).toBe(1);

    const events = (await auditEventsFor(h, s1.id)).filter((e) => e.action === 'plan.moveItem');
    expect(events.map((e) => e.details)).toEqual([{ planId: plan.id, parentId: null, position: 1 }]);
  });

  it('refuses to move an item under itself or its own descendant', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const chain = await buildMeasureChain(h.db, plan, tree.unitA);
    for (const parentId of [chain.strategy.id, chain.measure.id]) {
      const res = await api.post(`/api/plans/${plan.id}/items/${chain.strategy.id}/move`, { parentId, position: 0 }, EN);
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([{ path: 'parentId', message: 'An item cannot be moved under itself.' }]);
    }
    const items = await itemsOf(api, plan.id);
    expect(find(items, chain.strategy.id)).toMatchObject({ parentId: chain.goal.id, level: 1 });
  });

  it('refuses a move that would put the subtree deeper than the plan’s levels', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const chain = await buildMeasureChain(h.db, plan, tree.unitA);
    const strategy2 = await buildPlanItem(h.db, plan, { parent: chain.goal, title: 'Strategi 2' });
    const council2 = await buildPlanItem(h.db, plan, { parent: strategy2, code: 'b', title: 'Byrådets tiltak b' });

    // A strategy with two levels below it cannot go under a council measure (it would need 6 levels).
    const res = await api.post(`/api/plans/${plan.id}/items/${chain.strategy.id}/move`, { parentId: council2.id, position: 0 }, EN);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'parentId', message: 'The plan does not have that many levels. Add a level to the plan first.' }]);
    const items = await itemsOf(api, plan.id);
    expect(find(items, chain.strategy.id)).toMatchObject({ parentId: chain.goal.id, level: 1, position: 0 });
    expect(find(items, chain.measure.id).level).toBe(3);

    // A measure without children may change council measure at the same depth.
    const ok = await api.post(`/api/plans/${plan.id}/items/${chain.measure.id}/move`, { parentId: council2.id, position: 0 });
    expect(ok.status).toBe(200);
    expect(find(ok.body.items, chain.measure.id)).toMatchObject({ parentId: council2.id, level: 3, position: 0 });
  });

  it('refuses with 409 a move where the code is taken among the new siblings, and moves nothing', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const chain = await buildMeasureChain(h.db, plan, tree.unitA);
    const strategy2 = await buildPlanItem(h.db, plan, { parent: chain.goal, title: 'Strategi 2' });
    await buildPlanItem(h.db, plan, { parent: strategy2, code: 'A', title: 'Byrådets tiltak A' });

    const res = await api.post(`/api/plans/${plan.id}/items/${chain.council.id}/move`, { parentId: strategy2.id, position: 0 }, EN);
    expect(res.status).toBe(409);
    expect(res.body.error.details).toEqual([{ path: 'parentId', message: 'The code is already used at the same level in this part of the plan.' }]);
    const items = await itemsOf(api, plan.id);
    expect(find(items, chain.council.id)).toMatchObject({ parentId: chain.strategy.id, position: 0 });
    expect(items.filter((item) => item.parentId === strategy2.id).map((item) => item.position)).toEqual([0]);
  });

  // ---------------------------------------------------------------- items: delete, deadlines, units

  it('refuses to delete an item with status history in its subtree, with 409 plan_item_has_history', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const chain = await buildMeasureChain(h.db, plan, tree.unitA);
    await buildStatus(h.db, chain.measure, { status: 'iverksatt' });
    for (const id of [chain.measure.id, chain.goal.id]) {
      const res = await api.del(`/api/plans/${plan.id}/items/${id}`, EN);
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({
        code: 'plan_item_has_history',
        message: 'The measure has a status history and cannot be deleted. Set the status to dropped instead.',
      });
    }
    expect(await itemsOf(api, plan.id)).toHaveLength(4);
    expect(await statusCount(h, [chain.measure.id])).toBe(1);
  });

  it('deletes an item without history together with its subtree, and closes the gap in positions', async () => {
    const { h, tree, planner, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    await buildPlanItem(h.db, plan, { title: 'Mål 1' });
    const goal2 = await buildPlanItem(h.db, plan, { title: 'Mål 2' });
    const strategy = await buildPlanItem(h.db, plan, { parent: goal2, title: 'Strategi 2.1' });
    await buildPlanItem(h.db, plan, { parent: strategy, code: 'a', title: 'Byrådets tiltak' });
    await buildPlanItem(h.db, plan, { title: 'Mål 3' });

    const res = await api.del(`/api/plans/${plan.id}/items/${goal2.id}`);
    expect(res.status).toBe(200);
    expect(outline(res.body.items)).toEqual([
      ['Mål 1', 0, 0],
      ['Mål 3', 0, 1],
    ]);
    expect(await h.db.selectFrom('plan_item').select('id').where('plan_id', '=', plan.id).execute()).toHaveLength(2);
    const [event] = (await auditEventsFor(h, goal2.id)).filter((e) => e.action === 'plan.deleteItem');
    expect(event).toMatchObject({ actor_user_id: planner.id, details: { planId: plan.id, removed: 3 } });

    const gone = await api.del(`/api/plans/${plan.id}/items/${goal2.id}`);
    expect(gone.status).toBe(404);
  });

  it('keeps the deadline text and stores what it means', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const res = await api.post(`/api/plans/${plan.id}/items`, { parentId: null, title: 'Mål med frist', deadlineText: 'Våren 2025' });
    expect(res.status).toBe(201);
    const item = (res.body.items as Item[]).find((i) => i.title === 'Mål med frist')!;
    expect(item).toMatchObject({ deadlineText: 'Våren 2025', deadline: { kind: 'period', start: '2025-01-01', end: '2025-06-30' } });

    const cases: [string, object][] = [
      ['Hele planperioden', { kind: 'period', start: '2024-01-01', end: '2027-12-31' }],
      ['Kontinuerlig', { kind: 'continuous' }],
      ['31.03.2025', { kind: 'date', date: '2025-03-31' }],
      ['Når det passer seg', { kind: 'unknown' }],
    ];
    for (const [text, value] of cases) {
      const updated = await api.patch(`/api/plans/${plan.id}/items/${item.id}`, { deadlineText: text });
      expect(updated.status).toBe(200);
      expect(find(updated.body.items, item.id)).toMatchObject({ deadlineText: text, deadline: value });
      const row = await h.db.selectFrom('plan_item').select(['deadline_text', 'deadline']).where('id', '=', item.id).executeTakeFirstOrThrow();
      expect(row.deadline_text).toBe(text);
      expect(typeof row.deadline === 'string' ? JSON.parse(row.deadline) : row.deadline).toEqual(value);
    }
  });

  it('sets and replaces the responsible units, and refuses an unknown or closed unit with its path', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const goal = await buildPlanItem(h.db, plan, { title: 'Mål' });
    const strategy = await buildPlanItem(h.db, plan, { parent: goal, title: 'Strategi' });
    const council = await buildPlanItem(h.db, plan, { parent: strategy, code: 'a', title: 'Byrådets tiltak' });
    const created = await api.post(`/api/plans/${plan.id}/items`, {
      parentId: council.id,
      code: '1',
      title: 'Felles tiltak',
      responsibleUnitIds: [tree.unitA.id, tree.districtA.id],
      partners: 'Politiet, frivillige',
      targetGroups: ['Ungdom', 'Pårørende'],
    });
    expect(created.status).toBe(201);
    const measure = (created.body.items as Item[]).find((i) => i.title === 'Felles tiltak')!;
    expect(measure.responsibleUnits.map((u: { id: string }) => u.id).sort()).toEqual([tree.unitA.id, tree.districtA.id].sort());
    expect(measure).toMatchObject({ level: 3, partners: 'Politiet, frivillige', targetGroups: ['Ungdom', 'Pårørende'] });

    const replaced = await api.patch(`/api/plans/${plan.id}/items/${measure.id}`, { responsibleUnitIds: [tree.unitB.id] });
    expect(replaced.status).toBe(200);
    expect(find(replaced.body.items, measure.id).responsibleUnits).toEqual([{ id: tree.unitB.id, name: tree.unitB.name }]);
    const rows = await h.db.selectFrom('plan_item_unit').select('unit_id').where('item_id', '=', measure.id).execute();
    expect(rows.map((r) => r.unit_id)).toEqual([tree.unitB.id]);

    // A title change leaves the units alone.
    const renamed = await api.patch(`/api/plans/${plan.id}/items/${measure.id}`, { title: 'Felles tiltak (nytt navn)' });
    expect(find(renamed.body.items, measure.id).responsibleUnits).toHaveLength(1);

    const closed = await buildUnit(h.db, { parent: tree.districtA, kind: 'unit' });
    await h.db.updateTable('org_unit').set({ active: false }).where('id', '=', closed.id).execute();
    for (const unitId of ['00000000-0000-4000-8000-000000000000', closed.id]) {
      const res = await api.patch(`/api/plans/${plan.id}/items/${measure.id}`, { responsibleUnitIds: [tree.unitA.id, unitId] }, EN);
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([{ path: 'responsibleUnitIds.1', message: 'Unit not found.' }]);
    }
    const malformed = await api.post(`/api/plans/${plan.id}/items`, { parentId: council.id, title: 'X', responsibleUnitIds: ['rusteam'] }, EN);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details).toEqual([{ path: 'responsibleUnitIds.0', message: 'Invalid id.' }]);
    const unknownOnCreate = await api.post(
      `/api/plans/${plan.id}/items`,
      { parentId: council.id, title: 'Tiltak med ukjent enhet', responsibleUnitIds: ['00000000-0000-4000-8000-000000000000'] },
      EN,
    );
    expect(unknownOnCreate.status).toBe(400);
    expect(unknownOnCreate.body.error.details).toEqual([{ path: 'responsibleUnitIds.0', message: 'Unit not found.' }]);

    const items = await itemsOf(api, plan.id);
    expect(find(items, measure.id).responsibleUnits).toEqual([{ id: tree.unitB.id, name: tree.unitB.name }]);
    expect(items.map((i) => i.title)).not.toContain('Tiltak med ukjent enhet');
  });

  it('sets partner units anywhere in the organisation beside the free text, and refuses an unknown unit in Norwegian', async () => {
    const { h, tree, planner, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const { council } = await buildMeasureChain(h.db, plan, tree.unitA);
    // Partners are often other agencies and districts: units outside the plan owner's district.
    const created = await api.post(`/api/plans/${plan.id}/items`, {
      parentId: council.id,
      code: '2',
      title: 'Felles innsats med etaten',
      responsibleUnitIds: [tree.unitA.id],
      partnerUnitIds: [tree.unitB.id, tree.agency.id],
      partners: 'Politiet; frivillige lag',
    });
    expect(created.status).toBe(201);
    const measure = (created.body.items as Item[]).find((i) => i.title === 'Felles innsats med etaten')!;
    const byName = (units: UnitRef[]) => [...units].sort((a, b) => a.name.localeCompare(b.name)).map((u) => ({ id: u.id, name: u.name }));
    expect(measure.partnerUnits).toEqual(byName([tree.unitB, tree.agency]));
    expect(measure.partners).toBe('Politiet; frivillige lag');
    expect(measure.responsibleUnits).toEqual([{ id: tree.unitA.id, name: tree.unitA.name }]);
    const [event] = (await auditEventsFor(h, measure.id)).filter((e) => e.action === 'plan.createItem');
    expect(event).toMatchObject({ actor_user_id: planner.id, outcome: 'success' });

    // Being a partner gives no say over the measure: a partner's leader neither reads the other
    // district's plan, nor — for a partner inside the district — reports on the measure.
    const otherLeader = await userWith(h, 'unit_leader', tree.unitB);
    expect((await otherLeader.api.get(`/api/plans/${plan.id}/items`)).status).toBe(404);
    const teamA2 = await buildUnit(h.db, { parent: tree.districtA, kind: 'unit' });
    expect((await api.patch(`/api/plans/${plan.id}/items/${measure.id}`, { partnerUnitIds: [teamA2.id] })).status).toBe(200);
    const partnerLeader = await userWith(h, 'unit_leader', teamA2);
    expect(find(await itemsOf(partnerLeader.api, plan.id), measure.id).actions).toEqual(['plan.read']);
    const report = await partnerLeader.api.post(`/api/plans/${plan.id}/items/${measure.id}/statuses`, { status: 'iverksatt' });
    expect(report.status).toBe(404);

    // Replaced; the free text and the units stay when other fields change.
    const replaced = await api.patch(`/api/plans/${plan.id}/items/${measure.id}`, { partnerUnitIds: [tree.districtB.id] });
    expect(replaced.status).toBe(200);
    expect(find(replaced.body.items, measure.id)).toMatchObject({ partnerUnits: [{ id: tree.districtB.id, name: tree.districtB.name }], partners: 'Politiet; frivillige lag' });
    const renamed = await api.patch(`/api/plans/${plan.id}/items/${measure.id}`, { title: 'Felles innsats (nytt navn)', partners: '' });
    expect(find(renamed.body.items, measure.id)).toMatchObject({ partnerUnits: [{ id: tree.districtB.id, name: tree.districtB.name }], partners: '' });
    const rows = await h.db.selectFrom('plan_item_partner').select('unit_id').where('item_id', '=', measure.id).execute();
    expect(rows.map((r) => r.unit_id)).toEqual([tree.districtB.id]);

    // Unknown: 400 on the id's path, in Norwegian unless English is asked for; nothing changes.
    const unknown = '00000000-0000-4000-8000-000000000000';
    const nb = await api.patch(`/api/plans/${plan.id}/items/${measure.id}`, { partnerUnitIds: [tree.agency.id, unknown] });
    expect(nb.status).toBe(400);
    expect(nb.body.error.details).toEqual([{ path: 'partnerUnitIds.1', message: 'Fant ikke enheten.' }]);
    const en = await api.post(`/api/plans/${plan.id}/items`, { parentId: council.id, title: 'Tiltak med ukjent partner', partnerUnitIds: [unknown] }, EN);
    expect(en.status).toBe(400);
    expect(en.body.error.details).toEqual([{ path: 'partnerUnitIds.0', message: 'Unit not found.' }]);
    const malformed = await api.patch(`/api/plans/${plan.id}/items/${measure.id}`, { partnerUnitIds: ['velferdsetaten'] }, EN);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details).toEqual([{ path: 'partnerUnitIds.0', message: 'Invalid id.' }]);
    const items = await itemsOf(api, plan.id);
    expect(find(items, measure.id).partnerUnits).toEqual([{ id: tree.districtB.id, name: tree.districtB.name }]);
    expect(items.map((i) => i.title)).not.toContain('Tiltak med ukjent partner');

    // A closed unit cannot be added, but an item that has it may keep it.
    const closed = await buildUnit(h.db, { parent: tree.agency, kind: 'unit' });
    expect((await api.patch(`/api/plans/${plan.id}/items/${measure.id}`, { partnerUnitIds: [tree.districtB.id, closed.id] })).status).toBe(200);
    await h.db.updateTable('org_unit').set({ active: false }).where('id', '=', closed.id).execute();
    const kept = await api.patch(`/api/plans/${plan.id}/items/${measure.id}`, { partnerUnitIds: [closed.id] });
    expect(kept.status).toBe(200);
    expect(find(kept.body.items, measure.id).partnerUnits).toEqual([{ id: closed.id, name: closed.name }]);
    const addClosed = await api.post(`/api/plans/${plan.id}/items`, { parentId: council.id, title: 'Nytt tiltak', partnerUnitIds: [closed.id] });
    expect(addClosed.status).toBe(400);
    expect(addClosed.body.error.details).toEqual([{ path: 'partnerUnitIds.0', message: 'Fant ikke enheten.' }]);

    // Deleting the measure takes its partner rows with it.
    expect((await api.del(`/api/plans/${plan.id}/items/${measure.id}`)).status).toBe(200);
    expect(await h.db.selectFrom('plan_item_partner').select('unit_id').where('item_id', '=', measure.id).execute()).toEqual([]);
  });

  // ---------------------------------------------------------------- progress

  // ADR 0007: the city council's measures are context, not counted (as in the report summary).
  it('rolls the district’s measure statuses up per item and for the plan; council measures are not counted', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const goal = await buildPlanItem(h.db, plan, { title: 'Mål' });
    const s1 = await buildPlanItem(h.db, plan, { parent: goal, title: 'Strategi 1' });
    const a = await buildPlanItem(h.db, plan, { parent: s1, code: 'a', title: 'Byrådets tiltak a' });
    const m1 = await buildPlanItem(h.db, plan, { parent: a, code: '1', title: 'Tiltak a1' });
    const m2 = await buildPlanItem(h.db, plan, { parent: a, code: '2', title: 'Tiltak a2' });
    const s2 = await buildPlanItem(h.db, plan, { parent: goal, title: 'Strategi 2' });
    const b = await buildPlanItem(h.db, plan, { parent: s2, code: 'b', title: 'Byrådets tiltak b' });
    const m3 = await buildPlanItem(h.db, plan, { parent: b, code: '1', title: 'Tiltak b1' });
    const m4 = await buildPlanItem(h.db, plan, { parent: b, code: '2', title: 'Tiltak b2' });
    const empty = await buildPlanItem(h.db, plan, { title: 'Mål uten tiltak' });

    await buildStatus(h.db, a, { status: 'iverksatt', reportedOn: '2024-03-01' });
    await buildStatus(h.db, m1, { status: 'iverksatt', reportedOn: '2024-03-01' });
    await buildStatus(h.db, m1, { status: 'gjennomfort', reportedOn: '2024-09-01' });
    await buildStatus(h.db, m3, { status: 'utgar', reportedOn: '2024-09-01' });
    await buildStatus(h.db, m4, { status: 'ikke_iverksatt', reportedOn: '2024-09-01' });
    await buildStatus(h.db, m4, { status: 'viderefort', reportedOn: '2024-10-01' });

    const res = await api.get(`/api/plans/${plan.id}/items`);
    expect(res.status).toBe(200);
    const items = res.body.items as Item[];
    const p = (total: number, counts: Partial<Record<'not_started' | 'in_progress' | 'done' | 'dropped' | 'none', number>>) => ({
      total,
      not_started: 0,
      in_progress: 0,
      done: 0,
      dropped: 0,
      none: 0,
      ...counts,
    });
    expect(find(items, m1.id).progress).toEqual(p(1, { done: 1 }));
    expect(find(items, m2.id).progress).toEqual(p(1, { none: 1 }));
    // The council measure's own status ('iverksatt') counts nowhere; its district measures do.
    expect(find(items, a.id).progress).toEqual(p(2, { done: 1, none: 1 }));
    expect(find(items, s1.id).progress).toEqual(p(2, { done: 1, none: 1 }));
    expect(find(items, b.id).progress).toEqual(p(2, { dropped: 1, done: 1 }));
    expect(find(items, s2.id).progress).toEqual(p(2, { dropped: 1, done: 1 }));
    expect(find(items, goal.id).progress).toEqual(p(4, { done: 2, dropped: 1, none: 1 }));
    expect(find(items, empty.id).progress).toEqual(p(0, {}));
    expect(res.body.progress).toEqual(p(4, { done: 2, dropped: 1, none: 1 }));
    expect(find(items, a.id).status).toMatchObject({ code: 'iverksatt', category: 'in_progress' });
    expect(find(items, m4.id).status).toMatchObject({ code: 'viderefort', label: 'Videreført i ny plan', category: 'done', reportedOn: '2024-10-01' });

    expect((await api.get(`/api/plans/${plan.id}`)).body.progress).toEqual(res.body.progress);
    const listed = (await api.get('/api/plans')).body.plans.find((pl: { id: string }) => pl.id === plan.id);
    expect(listed.progress).toEqual(res.body.progress);
  });

  it('counts items at every measure level of a work plan (no council level there)', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA, levels: WORK_PLAN_LEVELS });
    const area = await buildPlanItem(h.db, plan, { title: 'Kompetanse' });
    const goal = await buildPlanItem(h.db, plan, { parent: area, title: 'Resultatmål' });
    const task = await buildPlanItem(h.db, plan, { parent: goal, title: 'Oppgave' });
    const activity = await buildPlanItem(h.db, plan, { parent: task, title: 'Aktivitet' });
    await buildStatus(h.db, activity, { status: 'gjennomfort' });
    const res = await api.get(`/api/plans/${plan.id}/items`);
    expect(res.body.progress).toMatchObject({ total: 2, done: 1, none: 1 });
    expect(find(res.body.items, area.id).progress).toMatchObject({ total: 2, done: 1, none: 1 });
  });

  // ---------------------------------------------------------------- status, one at a time

  it('adds a status and answers the history newest first with the author’s name', async () => {
    const { h, tree, planner, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const { measure } = await buildMeasureChain(h.db, plan, tree.unitA);
    const leader = await userWith(h, 'unit_leader', tree.unitA);
    await h.db.updateTable('app_user').set({ display_name: 'Åse Ødegård' }).where('id', '=', leader.user.id).execute();

    const first = await api.post(`/api/plans/${plan.id}/items/${measure.id}/statuses`, { status: 'iverksatt', remark: 'Startet opp', reportedOn: '2025-03-01' });
    expect(first.status).toBe(201);
    const second = await leader.api.post(`/api/plans/${plan.id}/items/${measure.id}/statuses`, {
      status: 'gjennomfort',
      remark: '  Ferdig i juni  ',
      reportedOn: '2025-06-30',
    });
    expect(second.status).toBe(201);
    // A late entry about an earlier date goes where its date says.
    const late = await api.post(`/api/plans/${plan.id}/items/${measure.id}/statuses`, { status: 'ikke_iverksatt', reportedOn: '2025-01-15' });
    expect(late.status).toBe(201);

    const updates = late.body.updates as Item[];
    const plannerName = (await h.db.selectFrom('app_user').select('display_name').where('id', '=', planner.id).executeTakeFirstOrThrow()).display_name;
    expect(updates.map((u) => [u.code, u.label, u.category, u.remark, u.reportedOn, u.authorName])).toEqual([
      ['gjennomfort', 'Gjennomført', 'done', 'Ferdig i juni', '2025-06-30', 'Åse Ødegård'],
      ['iverksatt', 'Iverksatt', 'in_progress', 'Startet opp', '2025-03-01', plannerName],
      ['ikke_iverksatt', 'Ikke iverksatt', 'not_started', '', '2025-01-15', plannerName],
    ]);
    expect((await api.get(`/api/plans/${plan.id}/items/${measure.id}/statuses`)).body.updates).toEqual(updates);
    expect(find(await itemsOf(api, plan.id), measure.id).status).toEqual({
      code: 'gjennomfort',
      label: 'Gjennomført',
      category: 'done',
      remark: 'Ferdig i juni',
      reportedOn: '2025-06-30',
    });
    const events = (await auditEventsFor(h, measure.id)).filter((e) => e.action === 'measure.updateStatus');
    expect(events).toHaveLength(3);
    expect(events[1]).toMatchObject({ actor_user_id: leader.user.id, details: { planId: plan.id, status: 'gjennomfort', reportedOn: '2025-06-30' } });
  });

  it('dates a status today when no date is given', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const { measure } = await buildMeasureChain(h.db, plan, tree.unitA);
    const res = await api.post(`/api/plans/${plan.id}/items/${measure.id}/statuses`, { status: 'iverksatt' });
    expect(res.status).toBe(201);
    expect(res.body.updates[0]).toMatchObject({ reportedOn: todayInOslo(), remark: '' });
  });

  it('refuses a status in the future, an unknown status, and a status on a goal, and stores nothing', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const chain = await buildMeasureChain(h.db, plan, tree.unitA);
    const url = (id: string) => `/api/plans/${plan.id}/items/${id}/statuses`;

    const future = await api.post(url(chain.measure.id), { status: 'iverksatt', reportedOn: daysFromToday(2) }, EN);
    expect(future.status).toBe(400);
    expect(future.body.error.details).toEqual([{ path: 'reportedOn', message: 'The date cannot be in the future.' }]);

    const unknown = await api.post(url(chain.measure.id), { status: 'ferdig' }, EN);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([{ path: 'status', message: "The status is not in the plan's status list." }]);

    for (const item of [chain.goal, chain.strategy]) {
      const notMeasure = await api.post(url(item.id), { status: 'iverksatt' }, EN);
      expect(notMeasure.status).toBe(400);
      expect(notMeasure.body.error.details).toEqual([{ path: 'itemId', message: 'Statuses are set on measures only, not on goals and strategies.' }]);
    }

    const missing = await api.post(url('00000000-0000-4000-8000-000000000000'), { status: 'iverksatt' });
    expect(missing.status).toBe(404);
    // A measure of another plan is not found through this one, for reporting or for its history.
    const other = await buildPlan(h.db, { owner: tree.districtA });
    const foreign = await buildMeasureChain(h.db, other, tree.unitA);
    expect((await api.post(url(foreign.measure.id), { status: 'iverksatt' })).status).toBe(404);
    expect((await api.get(url(foreign.measure.id))).status).toBe(404);
    expect(await statusCount(h, [foreign.measure.id])).toBe(0);
    const empty = await api.post(url(chain.measure.id), { status: '' }, EN);
    expect(empty.status).toBe(400);
    expect(empty.body.error.details).toEqual([{ path: 'status', message: 'This field is required.' }]);

    expect(await statusCount(h, Object.values(chain).map((item) => item.id))).toBe(0);
  });

  it('lets a council measure have a status of its own', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const chain = await buildMeasureChain(h.db, plan, tree.unitA);
    const res = await api.post(`/api/plans/${plan.id}/items/${chain.council.id}/statuses`, { status: 'delvis_iverksatt' });
    expect(res.status).toBe(201);
  });

  // ---------------------------------------------------------------- status, in bulk

  it('saves a bulk update all or nothing: one bad row refuses the request with the row’s path', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const chain = await buildMeasureChain(h.db, plan, tree.unitA);
    const m2 = await buildPlanItem(h.db, plan, { parent: chain.council, code: '2', title: 'Tiltak 2', units: [tree.unitA] });
    const url = `/api/plans/${plan.id}/statuses`;
    const good = [
      { itemId: chain.measure.id, status: 'iverksatt', remark: 'I gang' },
      { itemId: m2.id, status: 'gjennomfort' },
    ];
    const cases: { updates: object[]; status: number; details: { path: string; message: string }[] }[] = [
      {
        updates: [...good, { itemId: chain.council.id, status: 'fullført' }],
        status: 400,
        details: [{ path: 'updates.2.status', message: "The status is not in the plan's status list." }],
      },
      {
        updates: [good[0]!, { itemId: chain.strategy.id, status: 'iverksatt' }, good[1]!],
        status: 400,
        details: [{ path: 'updates.1.itemId', message: 'Statuses are set on measures only, not on goals and strategies.' }],
      },
      {
        updates: [...good, { itemId: '00000000-0000-4000-8000-000000000000', status: 'iverksatt' }],
        status: 404,
        details: [{ path: 'updates.2.itemId', message: 'Not found.' }],
      },
      {
        updates: [good[0]!, { itemId: m2.id, status: 'iverksatt', remark: 'x'.repeat(5001) }],
        status: 400,
        details: [{ path: 'updates.1.remark', message: 'Can have at most 5000 characters.' }],
      },
      {
        updates: [good[0]!, { itemId: 'tiltak-2', status: 'iverksatt' }],
        status: 400,
        details: [{ path: 'updates.1.itemId', message: 'Invalid id.' }],
      },
    ];
    for (const { updates, status, details } of cases) {
      const res = await api.post(url, { updates }, EN);
      expect(res.status).toBe(status);
      expect(res.body.error.details).toEqual(details);
    }
    const future = await api.post(url, { reportedOn: daysFromToday(2), updates: good }, EN);
    expect(future.status).toBe(400);
    expect(future.body.error.details).toEqual([{ path: 'reportedOn', message: 'The date cannot be in the future.' }]);
    const none = await api.post(url, { updates: [] }, EN);
    expect(none.status).toBe(400);
    expect(none.body.error.details).toEqual([{ path: 'updates', message: 'Must have at least 1 items.' }]);

    expect(await statusCount(h, [chain.measure.id, m2.id, chain.council.id])).toBe(0);
    expect((await auditEventsFor(h, plan.id)).filter((e) => e.action === 'measure.updateStatus')).toEqual([]);
  });

  it('counts unchanged rows in a bulk update and does not store them again; audits the saved item ids', async () => {
    const { h, tree, planner, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const chain = await buildMeasureChain(h.db, plan, tree.unitA);
    const m2 = await buildPlanItem(h.db, plan, { parent: chain.council, code: '2', title: 'Tiltak 2', units: [tree.unitA] });
    const url = `/api/plans/${plan.id}/statuses`;
    const updates = [
      { itemId: chain.measure.id, status: 'iverksatt', remark: 'I gang' },
      { itemId: m2.id, status: 'gjennomfort', remark: '' },
      { itemId: chain.council.id, status: 'delvis_iverksatt' },
    ];
    const first = await api.post(url, { reportedOn: '2025-05-02', updates });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ saved: 3, unchanged: 0 });

    // Within the same period a repeat is unchanged (a new period would store it: see below).
    const again = await api.post(url, { reportedOn: '2025-05-02', updates });
    expect(again.body).toEqual({ saved: 0, unchanged: 3 });
    expect(await statusCount(h, [chain.measure.id, m2.id, chain.council.id])).toBe(3);

    // A new remark is a change, even with the same status.
    const remark = await api.post(url, { reportedOn: '2025-05-02', updates: [{ ...updates[0], remark: 'I gang, halvveis' }, updates[1]] });
    expect(remark.body).toEqual({ saved: 1, unchanged: 1 });
    const history = await api.get(`/api/plans/${plan.id}/items/${chain.measure.id}/statuses`);
    expect(history.body.updates.map((u: Item) => [u.remark, u.reportedOn])).toEqual([
      ['I gang, halvveis', '2025-05-02'],
      ['I gang', '2025-05-02'],
    ]);

    const events = (await auditEventsFor(h, plan.id)).filter((e) => e.action === 'measure.updateStatus');
    expect(events).toHaveLength(3);
    expect(events[0]).toMatchObject({ actor_user_id: planner.id, resource_type: 'plan', outcome: 'success' });
    expect((events[0]!.details as { items: string[] }).items.sort()).toEqual([chain.measure.id, m2.id, chain.council.id].sort());
    expect(events[0]!.details).toMatchObject({ reportedOn: '2025-05-02', unchanged: 0 });
    expect(events[1]!.details).toMatchObject({ items: [], unchanged: 3 });
    expect(events[2]!.details).toMatchObject({ items: [chain.measure.id], unchanged: 1 });
  });

  it('lets a unit leader report only on measures whose responsible unit is in their subtree', async () => {
    const { h, tree } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const teamA2 = await buildUnit(h.db, { parent: tree.districtA, kind: 'unit' });
    const subTeam = await buildUnit(h.db, { parent: tree.unitA, kind: 'unit' });
    const chain = await buildMeasureChain(h.db, plan, tree.unitA);
    const mine = chain.measure;
    const below = await buildPlanItem(h.db, plan, { parent: chain.council, code: '2', title: 'Underenhetens tiltak', units: [subTeam] });
    const theirs = await buildPlanItem(h.db, plan, { parent: chain.council, code: '3', title: 'Naboteamets tiltak', units: [teamA2] });
    const shared = await buildPlanItem(h.db, plan, { parent: chain.council, code: '4', title: 'Felles tiltak', units: [teamA2, tree.unitA] });
    const leader = await userWith(h, 'unit_leader', tree.unitA);
    const url = `/api/plans/${plan.id}/statuses`;

    const refused = await leader.api.post(
      url,
      {
        updates: [
          { itemId: mine.id, status: 'iverksatt' },
          { itemId: theirs.id, status: 'iverksatt' },
        ],
      },
      EN,
    );
    expect(refused.status).toBe(404);
    expect(refused.body.error.details).toEqual([{ path: 'updates.1.itemId', message: 'Not found.' }]);
    // The council measure has no responsible unit: it is the district's.
    const council = await leader.api.post(url, { updates: [{ itemId: chain.council.id, status: 'iverksatt' }] }, EN);
    expect(council.status).toBe(404);
    expect(council.body.error.details).toEqual([{ path: 'updates.0.itemId', message: 'Not found.' }]);
    expect(await statusCount(h, [mine.id, theirs.id, chain.council.id])).toBe(0);

    const ok = await leader.api.post(url, {
      updates: [
        { itemId: mine.id, status: 'iverksatt' },
        { itemId: below.id, status: 'delvis_iverksatt' },
        { itemId: shared.id, status: 'gjennomfort' },
      ],
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ saved: 3, unchanged: 0 });
    const single = await leader.api.post(`/api/plans/${plan.id}/items/${theirs.id}/statuses`, { status: 'iverksatt' });
    expect(single.status).toBe(404);
    expect(await statusCount(h, [theirs.id])).toBe(0);

    // A unit leader elsewhere does not find the plan at all.
    const outsider = await userWith(h, 'unit_leader', tree.unitB);
    const far = await outsider.api.post(url, { updates: [{ itemId: mine.id, status: 'utgar' }] });
    expect(far.status).toBe(404);
  });

  // ---------------------------------------------------------------- actions per item

  it('sends each item the actions the actor may take on it', async () => {
    const { h, tree, api } = await setup();
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    const teamA2 = await buildUnit(h.db, { parent: tree.districtA, kind: 'unit' });
    const chain = await buildMeasureChain(h.db, plan, tree.unitA);
    const theirs = await buildPlanItem(h.db, plan, { parent: chain.council, code: '2', title: 'Naboteamets tiltak', units: [teamA2] });
    const leader = await userWith(h, 'unit_leader', tree.unitA);
    const caseworker = await userWith(h, 'caseworker', tree.unitA);

    const asLeader = await itemsOf(leader.api, plan.id);
    expect(find(asLeader, chain.measure.id).actions).toEqual(['plan.read', 'measure.updateStatus']);
    for (const id of [chain.goal.id, chain.strategy.id, chain.council.id, theirs.id]) expect(find(asLeader, id).actions).toEqual(['plan.read']);

    const asPlanner = await itemsOf(api, plan.id);
    expect(find(asPlanner, chain.goal.id).actions).toEqual(['plan.read', 'plan.update']);
    expect(find(asPlanner, chain.strategy.id).actions).toEqual(['plan.read', 'plan.update']);
    for (const id of [chain.council.id, chain.measure.id, theirs.id]) {
      expect(find(asPlanner, id).actions).toEqual(['plan.read', 'plan.update', 'measure.updateStatus']);
    }

    const asCaseworker = await itemsOf(caseworker.api, plan.id);
    expect(asCaseworker).toHaveLength(5);
    expect(asCaseworker.every((item) => item.actions.length === 1 && item.actions[0] === 'plan.read')).toBe(true);
  });

  it('stores a repeated status when it confirms the measure for a new period, but not twice in one period', async () => {
    const { h, tree, api } = await setup();
    // The plan's years around today, so that "this period" is the current year.
    const year = Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' }).slice(0, 4));
    const plan = await buildPlan(h.db, { owner: tree.districtA });
    await h.db.updateTable('plan').set({ start_year: year - 2, end_year: year + 1 }).where('id', '=', plan.id).execute();
    const { measure } = await buildMeasureChain(h.db, plan, tree.unitA);
    await buildStatus(h.db, measure, { status: 'iverksatt', remark: 'I drift', reportedOn: `${year - 2}-06-01` });
    const save = () => api.post(`/api/plans/${plan.id}/statuses`, { updates: [{ itemId: measure.id, status: 'iverksatt', remark: 'I drift' }] });
    expect((await save()).body).toEqual({ saved: 1, unchanged: 0 });
    expect((await save()).body).toEqual({ saved: 0, unchanged: 1 });
  });
});
