import type { PlanLevel, StatusCategory } from './model.js';

export interface ProgressCounts {
  total: number;
  not_started: number;
  in_progress: number;
  done: number;
  dropped: number;
  /** Measures without any status yet. */
  none: number;
}

export interface ProgressItem {
  id: string;
  parentId: string | null;
  level: number;
  /** The category of the item's current status, null when it has none. */
  category: StatusCategory | null;
}

export function emptyProgress(): ProgressCounts {
  return { total: 0, not_started: 0, in_progress: 0, done: 0, dropped: 0, none: 0 };
}

/**
 * Rolls measure statuses up the tree: each item gets the counts of the measures in its subtree
 * (itself included when its level is a measure level). The city council's measures are context,
 * not the owner's to report on, so they are not counted (as in the status report's summary).
 * Returns the counts per item id and for the whole plan.
 */
export function rollUpProgress(
  items: readonly ProgressItem[],
  levels: readonly PlanLevel[],
): { byItem: Map<string, ProgressCounts>; plan: ProgressCounts } {
  const byItem = new Map<string, ProgressCounts>(items.map((item) => [item.id, emptyProgress()]));
  const parentOf = new Map(items.map((item) => [item.id, item.parentId]));
  const plan = emptyProgress();
  for (const item of items) {
    const level = levels[item.level];
    if (!level?.measure || level.council) continue;
    const key = item.category ?? 'none';
    // Walk up from the measure to the root; `seen` guards against a cycle in bad data.
    const seen = new Set<string>();
    for (let id: string | null | undefined = item.id; id && !seen.has(id); id = parentOf.get(id)) {
      seen.add(id);
      const counts = byItem.get(id);
      if (!counts) break;
      counts.total += 1;
      counts[key] += 1;
    }
    plan.total += 1;
    plan[key] += 1;
  }
  return { byItem, plan };
}
