import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISTRICT_PLAN_LEVELS, STATUS_CATEGORIES } from './model.js';
import { rollUpProgress, type ProgressItem } from './progress.js';

describe('rollUpProgress', () => {
  const items: ProgressItem[] = [
    { id: 'goal', parentId: null, level: 0, category: null },
    { id: 'strategy', parentId: 'goal', level: 1, category: null },
    { id: 'a', parentId: 'strategy', level: 2, category: null },
    { id: '1', parentId: 'a', level: 3, category: 'done' },
    { id: '2', parentId: 'a', level: 3, category: 'in_progress' },
    { id: 'b', parentId: 'strategy', level: 2, category: 'not_started' },
    { id: '3', parentId: 'b', level: 3, category: 'dropped' },
  ];

  it('counts each of the district’s measures in every item above it; goals, strategies and council measures are not counted', () => {
    const { byItem, plan } = rollUpProgress(items, DISTRICT_PLAN_LEVELS);
    expect(plan).toEqual({ total: 3, not_started: 0, in_progress: 1, done: 1, dropped: 1, none: 0 });
    expect(byItem.get('goal')).toEqual(plan);
    expect(byItem.get('a')).toEqual({ total: 2, not_started: 0, in_progress: 1, done: 1, dropped: 0, none: 0 });
    expect(byItem.get('b')).toEqual({ total: 1, not_started: 0, in_progress: 0, done: 0, dropped: 1, none: 0 });
    expect(byItem.get('1')).toEqual({ total: 1, not_started: 0, in_progress: 0, done: 1, dropped: 0, none: 0 });
  });

  it('keeps the counts consistent for any tree: the plan total is the sum over top-level items', () => {
    const arbitraryTree = fc.array(fc.record({ level: fc.integer({ min: 0, max: 3 }), category: fc.constantFrom(...STATUS_CATEGORIES, null) }), {
      maxLength: 60,
    });
    fc.assert(
      fc.property(arbitraryTree, (rows) => {
        // Build a valid tree: each row's parent is the nearest earlier row with a lower level.
        const tree: ProgressItem[] = [];
        rows.forEach((row, index) => {
          const parent = [...tree].reverse().find((candidate) => candidate.level < row.level);
          tree.push({ id: String(index), parentId: parent?.id ?? null, level: parent ? row.level : 0, category: row.category });
        });
        const { byItem, plan } = rollUpProgress(tree, DISTRICT_PLAN_LEVELS);
        const top = tree.filter((item) => item.parentId === null).map((item) => byItem.get(item.id)!.total);
        const sum = top.reduce((a, b) => a + b, 0);
        const parts = plan.not_started + plan.in_progress + plan.done + plan.dropped + plan.none;
        return sum === plan.total && parts === plan.total;
      }),
    );
  });
});
