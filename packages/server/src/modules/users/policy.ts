import type { UserAction } from '@rusfag/core';
import type { PolicyTable } from '../../platform/policy.js';

/** Administrators manage the accounts whose home unit lies in their subtree. */
export const usersPolicy: PolicyTable<UserAction> = {
  'user.list': { roles: ['admin'], scope: 'subtree' },
  'user.read': { roles: ['admin'], scope: 'subtree' },
  'user.create': { roles: ['admin'], scope: 'subtree' },
  'user.update': { roles: ['admin'], scope: 'subtree' },
  'user.assignRole': { roles: ['admin'], scope: 'subtree' },
  'user.revokeRole': { roles: ['admin'], scope: 'subtree' },
  'user.resetTotp': { roles: ['admin'], scope: 'subtree' },
  'user.resetPassword': { roles: ['admin'], scope: 'subtree' },
  'session.list': { roles: ['admin'], scope: 'subtree' },
  'session.revoke': { roles: ['admin'], scope: 'subtree' },
};
