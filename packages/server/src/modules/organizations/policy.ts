import type { organizationActions } from '@rusfag/core';
import type { PolicyTable } from '../../platform/policy.js';

export const organizationsPolicy: PolicyTable<(typeof organizationActions)[number]> = {
  // The organisation tree is not secret: every logged-in user needs it to pick units.
  'organization.read': { roles: 'authenticated', scope: 'global' },
  'organization.create': { roles: ['admin'], scope: 'subtree' },
  'organization.update': { roles: ['admin'], scope: 'subtree' },
};
