import { auditActions } from '../audit/contract.js';
import { directoryActions } from '../directory/contract.js';
import { organizationActions } from '../organizations/contract.js';
import { planActions } from '../plans/contract.js';
import { userActions } from '../users/contract.js';

/** Actions that concern only the actor themself (any logged-in user). */
export const selfActions = ['self.read', 'self.changePassword', 'self.enrolTotp'] as const;

/** Every action the policy engine knows. A new module adds its list here. */
export const ALL_ACTIONS = [...selfActions, ...organizationActions, ...userActions, ...auditActions, ...planActions, ...directoryActions] as const;
export type Action = (typeof ALL_ACTIONS)[number];
