import { z } from 'zod';
import { RoleName, Username } from '../auth/contract.js';
import { PASSWORD_MAX_LENGTH } from '../auth/password-policy.js';

export const userActions = [
  'user.list',
  'user.read',
  'user.create',
  'user.update',
  'user.assignRole',
  'user.revokeRole',
  'user.resetTotp',
  'user.resetPassword',
  'session.list',
  'session.revoke',
] as const;
export type UserAction = (typeof userActions)[number];

export const RoleAssignment = z.object({
  id: z.uuid(),
  role: RoleName,
  unitId: z.uuid(),
  unitName: z.string(),
});
export type RoleAssignment = z.infer<typeof RoleAssignment>;

export const UserSummary = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  homeUnitId: z.uuid(),
  homeUnitName: z.string(),
  active: z.boolean(),
  totpEnrolled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  roles: z.array(RoleAssignment),
  actions: z.array(z.enum(userActions)),
});
export type UserSummary = z.infer<typeof UserSummary>;

export const UserList = z.object({ users: z.array(UserSummary), total: z.number().int() });
export type UserList = z.infer<typeof UserList>;

export const UserListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  unitId: z.uuid().optional(),
  role: RoleName.optional(),
  active: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

export const RoleAssignmentInput = z.object({ role: RoleName, unitId: z.uuid() });
export type RoleAssignmentInput = z.infer<typeof RoleAssignmentInput>;

const DisplayName = z.string().trim().min(2).max(120);
const Email = z.email().max(254);

export const CreateUserRequest = z.object({
  username: Username,
  displayName: DisplayName,
  email: Email.optional(),
  homeUnitId: z.uuid(),
  /** Initial password, handed over out of band; the policy is checked on the server. */
  password: z.string().max(PASSWORD_MAX_LENGTH * 4),
  roles: z.array(RoleAssignmentInput).max(20).default([]),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z
  .object({
    displayName: DisplayName.optional(),
    email: Email.nullable().optional(),
    homeUnitId: z.uuid().optional(),
    active: z.boolean().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { message: 'empty_update' });
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const ResetPasswordRequest = z.object({ password: z.string().max(PASSWORD_MAX_LENGTH * 4) });
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequest>;

export const SessionSummary = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  absoluteExpiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  mfa: z.boolean(),
  current: z.boolean(),
});
export type SessionSummary = z.infer<typeof SessionSummary>;

export const SessionList = z.object({ sessions: z.array(SessionSummary) });
export type SessionList = z.infer<typeof SessionList>;

export const RevokeSessionsResponse = z.object({ revoked: z.number().int() });
export type RevokeSessionsResponse = z.infer<typeof RevokeSessionsResponse>;
