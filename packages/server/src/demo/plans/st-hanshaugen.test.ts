import { DEFAULT_STATUS_TERMS, DISTRICT_PLAN_LEVELS } from '@rusfag/core';
import { describe, expect, it } from 'vitest';
import { demoOrganization, type DemoUnit } from '../organizations.js';
import { demoUsers } from '../users.js';
import { stHanshaugenPlan } from './st-hanshaugen.js';
import type { DemoPlanItem } from './types.js';

/** Structure of the St. Hanshaugen demo plan (transcribed from seed 001, section 5). */

const plan = stHanshaugenPlan;

function walk(items: DemoPlanItem[], visit: (item: DemoPlanItem, parent: DemoPlanItem | null) => void, parent: DemoPlanItem | null = null): void {
  for (const item of items) {
    visit(item, parent);
    walk(item.children ?? [], visit, item);
  }
}

function all(): DemoPlanItem[] {
  const out: DemoPlanItem[] = [];
  walk(plan.items, (item) => out.push(item));
  return out;
}

function unitKeys(unit: DemoUnit, into = new Set<string>()): Set<string> {
  into.add(unit.key);
  for (const child of unit.children ?? []) unitKeys(child, into);
  return into;
}

const GOAL = 0;
const STRATEGY = 1;
const COUNCIL = 2;
const DISTRICT = 3;

describe('stHanshaugenPlan', () => {
  it('is a district plan owned by St. Hanshaugen', () => {
    expect(plan.owner).toBe('sth');
    expect(plan.levels).toEqual([...DISTRICT_PLAN_LEVELS]);
    expect(plan.startYear).toBeLessThanOrEqual(plan.endYear);
    expect(plan.links.filter((l) => l.kind === 'implements')).toHaveLength(1);
  });

  it('has the transcribed number of goals, strategies and measures', () => {
    const items = all();
    const count = (level: number) => items.filter((i) => i.level === level).length;
    expect(count(GOAL)).toBe(2);
    expect(count(STRATEGY)).toBe(7);
    expect(count(COUNCIL)).toBe(36);
    expect(count(DISTRICT)).toBe(34);
    expect(plan.items.map((goal) => goal.children?.length)).toEqual([2, 5]);
  });

  it('nests each level directly under the one above', () => {
    for (const goal of plan.items) expect(goal.level).toBe(GOAL);
    walk(plan.items, (item, parent) => {
      if (parent) expect(item.level, item.title).toBe(parent.level + 1);
      expect(item.level).toBeLessThan(plan.levels.length);
      expect(item.title.trim().length).toBeGreaterThan(0);
    });
  });

  it('codes council measures a, b, c… and district measures 1, 2, 3… in order', () => {
    walk(plan.items, (item) => {
      const children = item.children ?? [];
      const codes = children.map((c) => c.code);
      if (item.level >= STRATEGY) expect(new Set(codes).size, `codes under «${item.title}»`).toBe(codes.length);
      if (item.level === STRATEGY) {
        // Council measures: consecutive letters from a.
        expect(codes).toEqual(children.map((_, i) => String.fromCharCode(97 + i)));
        // District measures: unique and ascending within the strategy (gaps where the source has none).
        const numbers = children.flatMap((c) => c.children ?? []).map((d) => Number(d.code));
        for (let i = 1; i < numbers.length; i++) expect(numbers[i]).toBeGreaterThan(numbers[i - 1]!);
      }
    });
    for (const item of all()) {
      if (item.level === GOAL || item.level === STRATEGY) expect(item.code).toBeUndefined();
      if (item.level === COUNCIL) expect(item.code).toMatch(/^[a-z]$/);
      if (item.level === DISTRICT) expect(item.code).toMatch(/^[1-9]\d*$/);
    }
  });

  it('gives district measures responsible units that exist, and council measures none', () => {
    const keys = unitKeys(demoOrganization);
    for (const item of all()) {
      if (item.level === DISTRICT) {
        expect(item.responsible?.length, item.title).toBeGreaterThan(0);
        for (const key of item.responsible ?? []) {
          expect(keys.has(key), key).toBe(true);
          expect(key === 'sth' || key.startsWith('sth-'), key).toBe(true);
        }
        expect(item.deadline, item.title).toBeTruthy();
      } else {
        expect(item.responsible).toBeUndefined();
        expect(item.deadline).toBeUndefined();
        expect(item.history).toBeUndefined();
      }
    }
  });

  it('names partner units that exist, other agencies and districts among them', () => {
    const keys = unitKeys(demoOrganization);
    const partners = all().flatMap((item) => item.partnerUnits ?? []);
    expect(partners.length).toBeGreaterThan(0);
    for (const key of partners) expect(keys.has(key), key).toBe(true);
    expect(partners).toEqual(expect.arrayContaining(['vel', 'hel', 'gamle-oslo']));
  });

  it('keeps every status history in date order, with known statuses and demo authors', () => {
    const codes = new Set(DEFAULT_STATUS_TERMS.map((t) => t.code));
    const usernames = new Set(demoUsers.map((u) => u.username));
    for (const item of all().filter((i) => i.level === DISTRICT)) {
      const history = item.history ?? [];
      expect(history.length, item.title).toBeGreaterThanOrEqual(1);
      expect(history.length, item.title).toBeLessThanOrEqual(4);
      for (const update of history) {
        expect(update.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(Number.isNaN(Date.parse(update.date))).toBe(false);
        expect(update.date >= '2020-12-01' && update.date <= '2023-11-30', update.date).toBe(true);
        expect(codes.has(update.status), update.status).toBe(true);
        expect(usernames.has(update.by), update.by).toBe(true);
        expect(['leder.sth', 'planlegger.sth']).toContain(update.by);
      }
      const dates = history.map((u) => u.date);
      expect(dates, item.title).toEqual([...dates].sort());
      expect(new Set(dates).size, item.title).toBe(dates.length);
    }
  });
});
