import type { PolicyTable } from '../../platform/policy.js';
import type { selfActions } from '@rusfag/core';

/** Every logged-in user may see and secure their own account. */
export const authPolicy: PolicyTable<(typeof selfActions)[number]> = {
  'self.read': { roles: 'authenticated', scope: 'global' },
  'self.changePassword': { roles: 'authenticated', scope: 'global' },
  'self.enrolTotp': { roles: 'authenticated', scope: 'global' },
};
