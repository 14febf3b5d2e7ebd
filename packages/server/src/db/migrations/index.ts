import type { Migration } from 'kysely';
import * as m20261123T1200 from './20261123T1200_foundation.js';
import * as m20261123T1500 from './20261123T1500_auth_change_notify.js';
import * as m20261124T0900 from './20261124T0900_plans.js';
import * as m20261126T0900 from './20261126T0900_directory.js';
import * as m20261125T0900 from './20261125T0900_plan_partners.js';
import * as m20261127T0900 from './20261127T0900_directory_import.js';

/**
 * Every migration, in order. Listed statically (not read from the folder) so the same list works
 * from TypeScript sources (tests, CLI) and the compiled build. Names sort in time order.
 */
export const migrations: Record<string, Migration> = {
  '20261123T1200_foundation': m20261123T1200,
  '20261123T1500_auth_change_notify': m20261123T1500,
  '20261124T0900_plans': m20261124T0900,
  '20261125T0900_plan_partners': m20261125T0900,
  '20261126T0900_directory': m20261126T0900,
  '20261127T0900_directory_import': m20261127T0900,
};
