import {
  organizationActions,
  type CreateOrgUnitRequest,
  type OrgUnit,
  type OrgUnitKind,
  type UpdateOrgUnitRequest,
} from '@rusfag/core';
import { audit, authorize, inTransaction, type ActorContext, type RequestContext } from '../../platform/context.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import type { Actor } from '../../platform/policy.js';
import * as repo from './repository.js';

type UnitRow = Awaited<ReturnType<typeof repo.findUnit>> & {};

function present(ctx: RequestContext & { actor: Actor }, row: UnitRow): OrgUnit {
  return {
    id: row.id,
    parentId: row.parent_id,
    kind: row.kind,
    name: row.name,
    code: row.code,
    depth: row.depth,
    active: row.active,
    actions: ctx.policy.permitted(ctx.actor, organizationActions, { unitPaths: [row.path] }),
  };
}

/** Which kinds of unit may sit under which: districts and agencies under the municipality, units below those. */
const ALLOWED_PARENT: Record<Exclude<OrgUnitKind, 'municipality'>, readonly OrgUnitKind[]> = {
  district: ['municipality'],
  agency: ['municipality'],
  unit: ['district', 'agency', 'unit'],
};

/** For other modules: a unit by id, without an access check (the caller checks scope itself). */
export async function findUnitById(db: RequestContext['db'], id: string) {
  return repo.findUnit(db, id);
}

export async function listUnits(ctx: ActorContext): Promise<OrgUnit[]> {
  authorize(ctx, 'organization.read', 'list');
  const rows = await repo.listUnits(ctx.db);
  return rows.map((row) => present(ctx, row));
}

export async function getUnit(ctx: ActorContext, id: string): Promise<OrgUnit> {
  const row = await repo.findUnit(ctx.db, id);
  if (!row) throw notFound();
  authorize(ctx, 'organization.read', { unitPaths: [row.path] });
  return present(ctx, row);
}

export async function createUnit(ctx: ActorContext, input: CreateOrgUnitRequest): Promise<OrgUnit> {
  return inTransaction(ctx, async (trx) => {
    const parent = await repo.findUnit(trx, input.parentId);
    // A parent outside the admin's subtree is reported like a missing one.
    if (!parent || !ctx.policy.can(ctx.actor, 'organization.create', { unitPaths: [parent.path] })) {
      throw fieldError('parentId', 'unit_not_found', 404);
    }
    if (!ALLOWED_PARENT[input.kind].includes(parent.kind)) throw fieldError('parentId', 'org_invalid_parent');
    if (!parent.active) throw fieldError('parentId', 'org_parent_inactive');
    if (await repo.nameTakenAmongSiblings(trx, parent.id, input.name)) throw fieldError('name', 'org_name_taken', 409);
    if (input.code && (await repo.codeTaken(trx, input.code))) throw fieldError('code', 'org_code_taken', 409);
    const row = await repo.insertUnit(trx, { parent, kind: input.kind, name: input.name, code: input.code ?? null });
    await audit(ctx, trx, {
      action: 'organization.create',
      resourceType: 'org_unit',
      resourceId: row.id,
      details: { parentId: parent.id, kind: row.kind },
    });
    return present(ctx, row);
  });
}

export async function updateUnit(ctx: ActorContext, id: string, input: UpdateOrgUnitRequest): Promise<OrgUnit> {
  return inTransaction(ctx, async (trx) => {
    const existing = await repo.findUnit(trx, id);
    if (!existing) throw notFound();
    authorize(ctx, 'organization.update', { unitPaths: [existing.path] });
    // Deactivating a unit switches off every role held in its subtree: not the admin's own.
    if (input.active === false && ctx.actor.grants.some((g) => g.role === 'admin' && g.unitPath.startsWith(existing.path))) {
      throw new AppError(409, 'cannot_change_self');
    }
    if (input.name && (await repo.nameTakenAmongSiblings(trx, existing.parent_id, input.name, id))) {
      throw fieldError('name', 'org_name_taken', 409);
    }
    if (input.code && (await repo.codeTaken(trx, input.code, id))) throw fieldError('code', 'org_code_taken', 409);
    const row = await repo.updateUnit(trx, id, input);
    await audit(ctx, trx, {
      action: 'organization.update',
      resourceType: 'org_unit',
      resourceId: id,
      details: { fields: Object.keys(input) },
    });
    return present(ctx, row);
  });
}
