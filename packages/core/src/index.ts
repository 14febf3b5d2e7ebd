export * from './common/contract.js';
export * from './auth/roles.js';
export * from './auth/password-policy.js';
export * from './auth/contract.js';
export * from './organizations/contract.js';
export * from './users/contract.js';
export * from './audit/contract.js';
export * from './access/actions.js';
