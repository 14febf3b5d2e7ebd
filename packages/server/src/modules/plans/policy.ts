import { ROLES, type PlanAction } from '@rusfag/core';
import type { PolicyTable } from '../../platform/policy.js';

/**
 * Plans belong to a district or agency (the owner). Everyone in that organisation reads them;
 * planners write them; unit leaders report status on the measures their unit is responsible
 * for. The resource of a measure is [owner path, responsible unit paths…] (any match counts).
 */
export const plansPolicy: PolicyTable<PlanAction> = {
  'plan.read': { roles: ROLES, scope: 'related' },
  'plan.create': { roles: ['planner'], scope: 'subtree' },
  'plan.update': { roles: ['planner'], scope: 'subtree' },
  'plan.publish': { roles: ['planner'], scope: 'subtree' },
  'measure.updateStatus': { roles: ['planner', 'unit_leader'], scope: 'subtree' },
  'report.create': { roles: ['planner'], scope: 'subtree' },
  'report.approve': { roles: ['planner', 'unit_leader'], scope: 'related' },
};
