import type { OrgUnit, OrgUnitKind, OrgUnitList, Role } from '@rusfag/core';
import type { MeResponse } from '@rusfag/core';
import { useMemo } from 'react';
import { useApiData } from '../../app/useApi';

const KIND_ORDER: Record<OrgUnitKind, number> = { municipality: 0, district: 1, agency: 2, unit: 3 };

function compareUnits(a: OrgUnit, b: OrgUnit): number {
  return (
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    // Districts carry their official numbers (B01…B15) as codes: the city's own order.
    (a.kind === 'district' && a.code && b.code ? a.code.localeCompare(b.code, 'nb') : 0) ||
    a.name.localeCompare(b.name, 'nb')
  );
}

export interface UnitIndex {
  units: OrgUnit[];
  byId: Map<string, OrgUnit>;
  children: Map<string | null, OrgUnit[]>;
  /** Depth-first, siblings in a stable order: the order of every unit picker. */
  ordered: OrgUnit[];
}

export function indexUnits(units: OrgUnit[]): UnitIndex {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const children = new Map<string | null, OrgUnit[]>();
  for (const unit of units) {
    // A unit whose parent is not in the list is shown as a root.
    const parent = unit.parentId && byId.has(unit.parentId) ? unit.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(unit);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort(compareUnits);
  const ordered: OrgUnit[] = [];
  const walk = (parent: string | null) => {
    for (const unit of children.get(parent) ?? []) {
      ordered.push(unit);
      walk(unit.id);
    }
  };
  walk(null);
  return { units, byId, children, ordered };
}

export function ancestors(index: UnitIndex, unitId: string): OrgUnit[] {
  const chain: OrgUnit[] = [];
  let current = index.byId.get(unitId);
  while (current?.parentId) {
    const parent = index.byId.get(current.parentId);
    if (!parent) break;
    chain.unshift(parent);
    current = parent;
  }
  return chain;
}

/** The district or agency a unit belongs to (itself, if it is one). */
export function topUnit(index: UnitIndex, unitId: string): OrgUnit | undefined {
  const unit = index.byId.get(unitId);
  if (!unit) return undefined;
  if (unit.kind === 'district' || unit.kind === 'agency' || unit.kind === 'municipality') return unit;
  return ancestors(index, unitId).find((a) => a.kind === 'district' || a.kind === 'agency');
}

/** "Rusteamet (Bydel Alna)": unit names repeat across districts, so pickers name the district too. */
export function unitLabel(index: UnitIndex, unitId: string, fallback = ''): string {
  const unit = index.byId.get(unitId);
  if (!unit) return fallback;
  const top = topUnit(index, unitId);
  return top && top.id !== unit.id ? `${unit.name} (${top.name})` : unit.name;
}

/** Every unit in the subtrees of `rootIds` (the roots included). */
export function subtreeIds(index: UnitIndex, rootIds: readonly string[]): Set<string> {
  const result = new Set<string>();
  const add = (id: string) => {
    if (result.has(id)) return;
    result.add(id);
    for (const child of index.children.get(id) ?? []) add(child.id);
  };
  for (const id of rootIds) if (index.byId.has(id)) add(id);
  return result;
}

/** Units where the actor holds `role`, with their subtrees: where an admin may place users and roles. */
export function scopeOfRole(index: UnitIndex, me: MeResponse, role: Role): Set<string> {
  return subtreeIds(
    index,
    me.roles.filter((r) => r.role === role).map((r) => r.unitId),
  );
}

export function useOrgUnits() {
  const loaded = useApiData<OrgUnitList>('/api/organizations');
  const index = useMemo(() => (loaded.data ? indexUnits(loaded.data.units) : null), [loaded.data]);
  return { ...loaded, index };
}
