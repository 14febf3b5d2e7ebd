import { randomBytes } from 'node:crypto';
import { buildReportSnapshot, DEFAULT_STATUS_TERMS, DISTRICT_PLAN_LEVELS, type PlanLevel, type Role } from '@rusfag/core';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { csrfTokenFor } from '../platform/csrf.js';
import { hashPassword } from '../platform/password.js';
import { createSession } from '../platform/sessions.js';
import { generateTotpSecret } from '../platform/totp.js';
import type { Harness } from './harness.js';

/**
 * Test builders: each call makes new rows with unique names, so tests never depend on each other
 * or on demo data.
 */

let sequence = 0;
export const unique = (prefix: string) => `${prefix}-${process.pid}-${++sequence}-${randomBytes(2).toString('hex')}`;

export interface UnitRef {
  id: string;
  path: string;
  depth: number;
  name: string;
  kind: 'municipality' | 'district' | 'agency' | 'unit';
}

export async function buildUnit(
  db: Db,
  options: { parent?: UnitRef; kind?: UnitRef['kind']; name?: string; code?: string } = {},
): Promise<UnitRef> {
  const kind = options.kind ?? (options.parent ? (options.parent.kind === 'municipality' ? 'district' : 'unit') : 'municipality');
  const name = options.name ?? unique(kind);
  const id = (await sql<{ id: string }>`select gen_random_uuid() as id`.execute(db)).rows[0]!.id;
  const path = `${options.parent?.path ?? '/'}${id}/`;
  const depth = options.parent ? options.parent.depth + 1 : 0;
  await db
    .insertInto('org_unit')
    .values({ id, parent_id: options.parent?.id ?? null, kind, name, code: options.code ?? null, path, depth })
    .execute();
  return { id, path, depth, name, kind };
}

/** A small city: two districts with a unit each, and an agency. */
export async function buildOrgTree(db: Db) {
  const city = await buildUnit(db, { kind: 'municipality', name: unique('Kommune') });
  const districtA = await buildUnit(db, { parent: city, kind: 'district', name: unique('Bydel A') });
  const unitA = await buildUnit(db, { parent: districtA, kind: 'unit', name: unique('Rusteam A') });
  const districtB = await buildUnit(db, { parent: city, kind: 'district', name: unique('Bydel B') });
  const unitB = await buildUnit(db, { parent: districtB, kind: 'unit', name: unique('Rusteam B') });
  const agency = await buildUnit(db, { parent: city, kind: 'agency', name: unique('Etat') });
  return { city, districtA, unitA, districtB, unitB, agency };
}

export const TEST_PASSWORD = 'korrekt hest batteri stift';
let testPasswordHash: Promise<string> | undefined;

export interface TestUser {
  id: string;
  username: string;
  password: string;
  totpSecret: string | null;
  home: UnitRef;
}

export async function buildUser(
  db: Db,
  options: { home: UnitRef; roles?: { role: Role; unit: UnitRef }[]; totp?: boolean; username?: string; active?: boolean },
): Promise<TestUser> {
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  const username = options.username ?? unique('bruker').toLowerCase();
  const totpSecret = options.totp === false ? null : generateTotpSecret();
  const { id } = await db
    .insertInto('app_user')
    .values({
      username,
      display_name: `Test ${username}`,
      email: null,
      home_unit_id: options.home.id,
      password_hash: await testPasswordHash,
      totp_secret: totpSecret,
      totp_enabled_at: totpSecret ? new Date() : null,
      active: options.active ?? true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const grant of options.roles ?? []) {
    await db.insertInto('role_assignment').values({ user_id: id, role: grant.role, unit_id: grant.unit.id }).execute();
  }
  return { id, username, password: TEST_PASSWORD, totpSecret, home: options.home };
}

export interface TestSession {
  cookie: string;
  csrf: string;
  sessionId: string;
  headers: Record<string, string>;
}

/** A complete session for `user`, made directly in the database (login itself is tested in auth). */
export async function sessionFor(h: Harness, user: Pick<TestUser, 'id'>): Promise<TestSession> {
  const created = await createSession(h.db, {
    userId: user.id,
    loginComplete: true,
    mfa: true,
    lifetimeSeconds: h.config.sessionAbsoluteSeconds,
    ip: '127.0.0.1',
    userAgent: 'vitest',
  });
  const cookie = `rusfag_session=${created.token}`;
  const csrf = csrfTokenFor(h.config.sessionSecret, created.token);
  return { cookie, csrf, sessionId: created.id, headers: { cookie, 'x-csrf-token': csrf } };
}

/** Reads the Set-Cookie headers of a response into a Cookie header value. */
export function cookiesFrom(setCookie: string | string[] | undefined, previous = ''): string {
  const jar = new Map<string, string>();
  for (const part of previous.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...value] = part.split('=');
    jar.set(name!, value.join('='));
  }
  for (const header of [setCookie ?? []].flat()) {
    const [pair] = header.split(';');
    const [name, ...value] = pair!.split('=');
    const v = value.join('=');
    if (v === '' || /expires=Thu, 01 Jan 1970/i.test(header)) jar.delete(name!);
    else jar.set(name!, v);
  }
  return [...jar].map(([n, v]) => `${n}=${v}`).join('; ');
}

/** A plan owned by `owner` (a district or agency), by default adopted, with the district template. */
export async function buildPlan(
  db: Db,
  options: { owner: UnitRef; state?: 'draft' | 'adopted' | 'archived'; levels?: readonly PlanLevel[]; title?: string; published?: boolean },
) {
  const state = options.state ?? 'adopted';
  const { id } = await db
    .insertInto('plan')
    .values({
      owner_unit_id: options.owner.id,
      title: options.title ?? unique('Ruspolitisk handlingsplan'),
      start_year: 2024,
      end_year: 2027,
      state,
      adopted_on: state === 'draft' ? null : '2024-02-01',
      levels: JSON.stringify(options.levels ?? DISTRICT_PLAN_LEVELS),
      status_terms: JSON.stringify(DEFAULT_STATUS_TERMS),
      published_at: options.published ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, owner: options.owner };
}

/** An item in a plan; `units` are its responsible units. Positions follow insertion order. */
export async function buildPlanItem(
  db: Db,
  plan: { id: string },
  options: { parent?: { id: string; level: number } | null; code?: string; title?: string; units?: UnitRef[]; deadlineText?: string } = {},
) {
  const parentId = options.parent?.id ?? null;
  const level = options.parent ? options.parent.level + 1 : 0;
  const siblings = await db
    .selectFrom('plan_item')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('plan_id', '=', plan.id)
    .where('parent_id', parentId === null ? 'is' : '=', parentId)
    .executeTakeFirstOrThrow();
  const { id } = await db
    .insertInto('plan_item')
    .values({
      plan_id: plan.id,
      parent_id: parentId,
      level,
      position: siblings.n,
      code: options.code ?? null,
      title: options.title ?? unique('Tiltak'),
      deadline_text: options.deadlineText ?? '',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const unit of options.units ?? []) await db.insertInto('plan_item_unit').values({ item_id: id, unit_id: unit.id }).execute();
  return { id, level };
}

/** Goal → strategy → council measure → district measure (responsible: `unit`), the district template's four levels. */
export async function buildMeasureChain(db: Db, plan: { id: string }, unit: UnitRef) {
  const goal = await buildPlanItem(db, plan, { title: 'Færre innbyggere utvikler rusproblemer' });
  const strategy = await buildPlanItem(db, plan, { parent: goal, title: 'Forebyggingsoffensiv' });
  const council = await buildPlanItem(db, plan, { parent: strategy, code: 'a', title: 'Byrådets tiltak' });
  const measure = await buildPlanItem(db, plan, { parent: council, code: '1', title: 'Bydelens tiltak', units: [unit] });
  return { goal, strategy, council, measure };
}

/** A status report for the plan's first year, draft or approved (published when asked). */
export async function buildReport(db: Db, plan: { id: string }, options: { state?: 'draft' | 'approved'; published?: boolean } = {}) {
  const period = { label: '2024', start: '2024-01-01', end: '2024-12-31', due: '2025-01-31' };
  const snapshot = buildReportSnapshot({
    plan: { id: plan.id, title: 'Plan', ownerName: 'Bydel', startYear: 2024, endYear: 2027, levels: [...DISTRICT_PLAN_LEVELS] },
    terms: DEFAULT_STATUS_TERMS,
    period,
    items: [],
    statuses: [],
    generatedAt: new Date().toISOString(),
  });
  const approved = options.state === 'approved';
  const { id } = await db
    .insertInto('status_report')
    .values({
      plan_id: plan.id,
      period_label: period.label,
      period_start: period.start,
      period_end: period.end,
      state: approved ? 'approved' : 'draft',
      snapshot: JSON.stringify(snapshot),
      approved_at: approved ? new Date() : null,
      published_at: approved && options.published ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id };
}

/** A status reported on a measure, written directly (reporting through the API is tested in plans). */
export async function buildStatus(
  db: Db,
  item: { id: string },
  options: { status?: string; remark?: string; reportedOn?: string; author?: { id: string } | null } = {},
) {
  const { id } = await db
    .insertInto('measure_status')
    .values({
      item_id: item.id,
      status_code: options.status ?? 'iverksatt',
      remark: options.remark ?? '',
      // Reported today unless said otherwise.
      reported_on: options.reportedOn ?? new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' }),
      author_user_id: options.author?.id ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id };
}

/** An organisation in the service directory, kept by the editors of `steward`. */
export async function buildDirOrganization(db: Db, steward: UnitRef) {
  return db
    .insertInto('dir_organization')
    .values({ name: unique('Tilbyder'), steward_unit_id: steward.id })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
}

/** A draft service (city-wide, for adults) of a directory organisation. */
export async function buildDirService(db: Db, organization: { id: string }) {
  const service = await db
    .insertInto('dir_service')
    .values({ organization_id: organization.id, name: unique('Tjeneste'), city_wide: true })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
  const term = await db.selectFrom('dir_taxonomy_term').select('id').where('code', '=', 'voksne').executeTakeFirstOrThrow();
  await db.insertInto('dir_service_term').values({ service_id: service.id, term_id: term.id }).execute();
  return service;
}
