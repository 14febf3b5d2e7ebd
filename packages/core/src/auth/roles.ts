/**
 * The roles of Rusfag. A role is always held within a unit subtree (role_assignment.unit_id):
 * a caseworker in Alna rusteam acts on Alna rusteam's records, an admin at Oslo kommune on all.
 */
export const ROLES = [
  'admin',
  'planner',
  'unit_leader',
  'caseworker',
  'analyst',
  'directory_editor',
  'course_admin',
  'privacy_officer',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Roles that can see client data (or the access log about clients) must log in with a second
 * factor (ASVS 2.x; Normen). Admin is included because an admin can grant those roles.
 */
export const TOTP_REQUIRED_ROLES: readonly Role[] = ['admin', 'unit_leader', 'caseworker', 'privacy_officer'];

export function requiresTotp(roles: readonly Role[]): boolean {
  return roles.some((role) => TOTP_REQUIRED_ROLES.includes(role));
}
