import type { auditActions } from '@rusfag/core';
import type { PolicyTable } from '../../platform/policy.js';

export const auditPolicy: PolicyTable<(typeof auditActions)[number]> = {
  // A privacy officer sees the events of actors whose home unit lies in their subtree.
  'audit.search': { roles: ['privacy_officer'], scope: 'subtree' },
  // Checking the hash chain reads every event but reveals none of them.
  'audit.verify': { roles: ['privacy_officer', 'admin'], scope: 'global' },
};
