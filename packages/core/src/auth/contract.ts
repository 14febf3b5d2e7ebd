import { z } from 'zod';
import { ROLES } from './roles.js';
import { PASSWORD_MAX_LENGTH } from './password-policy.js';

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, { message: 'username_format' });

export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/** What the client must do next: nothing, give a TOTP code, or enrol a TOTP authenticator first. */
export const LoginStep = z.enum(['done', 'totp', 'totp_enrolment']);
export type LoginStep = z.infer<typeof LoginStep>;

export const LoginResponse = z.object({
  step: LoginStep,
  csrfToken: z.string(),
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const TotpCode = z.string().trim().regex(/^\d{6}$/, { message: 'totp_format' });
export const TotpRequest = z.object({ code: TotpCode });
export type TotpRequest = z.infer<typeof TotpRequest>;

export const TotpEnrolmentResponse = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrSvg: z.string(),
});
export type TotpEnrolmentResponse = z.infer<typeof TotpEnrolmentResponse>;

/** Where this browser's login stands: no session, a code owed (after a reload), or logged in. */
export const LoginState = z.object({ step: z.enum(['none', 'totp', 'totp_enrolment', 'done']) });
export type LoginState = z.infer<typeof LoginState>;

export const CsrfResponse = z.object({ csrfToken: z.string() });
export type CsrfResponse = z.infer<typeof CsrfResponse>;

export const RoleName = z.enum(ROLES);

export const MeRoleAssignment = z.object({
  role: RoleName,
  unitId: z.uuid(),
  unitName: z.string(),
});

export const MeResponse = z.object({
  user: z.object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    homeUnit: z.object({ id: z.uuid(), name: z.string(), districtName: z.string().nullable() }),
    totpEnrolled: z.boolean(),
  }),
  roles: z.array(MeRoleAssignment),
  /** Actions the actor may perform somewhere: the web app builds its navigation from these. */
  permissions: z.array(z.string()),
  csrfToken: z.string(),
  session: z.object({
    idleExpiresAt: z.string(),
    absoluteExpiresAt: z.string(),
    idleTimeoutSeconds: z.number().int(),
  }),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: z.string().max(PASSWORD_MAX_LENGTH * 4),
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const OkResponse = z.object({ ok: z.literal(true) });
export type OkResponse = z.infer<typeof OkResponse>;
