import { sql } from 'kysely';
import type { OrgUnitKind } from '@rusfag/core';
import type { DbOrTrx } from '../../platform/context.js';

const columns = ['id', 'parent_id', 'kind', 'name', 'code', 'path', 'depth', 'active'] as const;

export async function listUnits(db: DbOrTrx) {
  // Level by level (parents before children), siblings by name; the client builds the tree.
  return db.selectFrom('org_unit').select(columns).orderBy('depth').orderBy('name').execute();
}

export async function findUnit(db: DbOrTrx, id: string) {
  return db.selectFrom('org_unit').select(columns).where('id', '=', id).executeTakeFirst();
}

export async function findUnits(db: DbOrTrx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('org_unit').select(columns).where('id', 'in', ids).execute();
}

/** Siblings share a parent; top-level units (parent null) are siblings of each other. */
export async function nameTakenAmongSiblings(db: DbOrTrx, parentId: string | null, name: string, exceptId?: string) {
  let query = db
    .selectFrom('org_unit')
    .select('id')
    .where('parent_id', parentId === null ? 'is' : '=', parentId)
    .where(sql<boolean>`lower(name) = lower(${name})`);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function codeTaken(db: DbOrTrx, code: string, exceptId?: string) {
  let query = db.selectFrom('org_unit').select('id').where(sql<boolean>`lower(code) = lower(${code})`);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export interface NewUnit {
  parent: { id: string; path: string; depth: number } | null;
  kind: OrgUnitKind;
  name: string;
  code: string | null;
}

/** Inserts a unit and sets its path from the id the database gave it. */
export async function insertUnit(db: DbOrTrx, unit: NewUnit) {
  const id = (await sql<{ id: string }>`select gen_random_uuid() as id`.execute(db)).rows[0]!.id;
  const path = `${unit.parent?.path ?? '/'}${id}/`;
  return db
    .insertInto('org_unit')
    .values({
      id,
      parent_id: unit.parent?.id ?? null,
      kind: unit.kind,
      name: unit.name,
      code: unit.code,
      path,
      depth: unit.parent ? unit.parent.depth + 1 : 0,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
}

export async function updateUnit(
  db: DbOrTrx,
  id: string,
  changes: { name?: string; code?: string | null; active?: boolean },
) {
  return db
    .updateTable('org_unit')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirstOrThrow();
}
