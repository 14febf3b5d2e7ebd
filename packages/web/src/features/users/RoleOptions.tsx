import { ROLES } from '@rusfag/core';
import { useI18n } from '../../app/i18n';
import { roleLabel } from './roles';

/** <option>s for a role picker: every role, by its name, in the order of ROLES. */
export function RoleOptions() {
  const { t } = useI18n();
  return (
    <>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {roleLabel(t, role)}
        </option>
      ))}
    </>
  );
}
