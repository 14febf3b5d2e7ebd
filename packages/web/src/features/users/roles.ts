import { ROLES, type PasswordProblem, type Role } from '@rusfag/core';
import type { MessageKey, Translate } from '../../app/i18n';

const ROLE_KEY: Record<Role, MessageKey> = {
  admin: 'role.admin',
  planner: 'role.planner',
  unit_leader: 'role.unit_leader',
  caseworker: 'role.caseworker',
  analyst: 'role.analyst',
  directory_editor: 'role.directory_editor',
  course_admin: 'role.course_admin',
  privacy_officer: 'role.privacy_officer',
};

export function roleLabel(t: Translate, role: Role): string {
  return t(ROLE_KEY[role]);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

const PASSWORD_KEY: Record<PasswordProblem, MessageKey> = {
  too_short: 'password.tooShort',
  too_long: 'password.tooLong',
  too_common: 'password.tooCommon',
  contains_username: 'password.containsUsername',
};

export function passwordMessage(t: Translate, problem: PasswordProblem): string {
  return t(PASSWORD_KEY[problem]);
}
