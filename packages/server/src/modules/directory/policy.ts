import type { DirectoryAction } from '@rusfag/core';
import type { PolicyTable } from '../../platform/policy.js';

/**
 * The public reads only the published snapshot (no policy: public routes). Staff read and edit the
 * working copy of the organisations their unit stewards: a directory editor at Velferdsetaten keeps
 * the city's services and the user organisations' records, one in a district keeps the district's.
 * The resource of a directory record is [steward unit path].
 */
export const directoryPolicy: PolicyTable<DirectoryAction> = {
  'directory.read': { roles: ['directory_editor'], scope: 'subtree' },
  'directory.edit': { roles: ['directory_editor'], scope: 'subtree' },
  'directory.publish': { roles: ['directory_editor'], scope: 'subtree' },
  'directory.organization.create': { roles: ['directory_editor'], scope: 'subtree' },
  'directory.import': { roles: ['directory_editor'], scope: 'subtree' },
};
