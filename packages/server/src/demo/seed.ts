import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { recordAudit } from '../platform/audit.js';
import { hashPassword } from '../platform/password.js';
import { todayInOslo } from '../platform/time.js';
import { seedDemoDirectory } from './directory-seed.js';
import { seedDemoPlans } from './plans/seed.js';
import { demoOrganization, type DemoUnit } from './organizations.js';
import { DEMO_PASSWORD, demoTotpSecret, demoUsers } from './users.js';

/** Loads the demo organisation and users in one transaction. Returns false if data already exists. */
export async function seedDemoIfEmpty(db: Db): Promise<boolean> {
  const existing = await db.selectFrom('org_unit').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  if (existing.n > 0) return false;
  await seedDemo(db);
  return true;
}

export async function seedDemo(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    const ids = new Map<string, string>();
    const insert = async (unit: DemoUnit, parent: { id: string; path: string; depth: number } | null) => {
      const id = (await sql<{ id: string }>`select gen_random_uuid() as id`.execute(trx)).rows[0]!.id;
      const path = `${parent?.path ?? '/'}${id}/`;
      const depth = parent ? parent.depth + 1 : 0;
      await trx
        .insertInto('org_unit')
        .values({ id, parent_id: parent?.id ?? null, kind: unit.kind, name: unit.name, code: unit.code ?? null, path, depth })
        .execute();
      ids.set(unit.key, id);
      for (const child of unit.children ?? []) await insert(child, { id, path, depth });
    };
    await insert(demoOrganization, null);

    const users = new Map<string, string>();
    for (const user of demoUsers) {
      const homeUnitId = ids.get(user.home);
      if (!homeUnitId) throw new Error(`Demo user ${user.username}: unknown unit ${user.home}`);
      const { id } = await trx
        .insertInto('app_user')
        .values({
          username: user.username,
          display_name: user.displayName,
          email: null,
          home_unit_id: homeUnitId,
          password_hash: passwordHash,
          totp_secret: demoTotpSecret(user.username),
          totp_enabled_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      users.set(user.username, id);
      for (const grant of user.roles) {
        await trx.insertInto('role_assignment').values({ user_id: id, role: grant.role, unit_id: ids.get(grant.unit)! }).execute();
      }
    }
    await seedDemoPlans(trx, ids, users, todayInOslo());
    await seedDemoDirectory(trx, ids, users.get('redaktor') ?? null, 'Randi Redaktør', todayInOslo());
    await recordAudit(trx, { actorUserId: null, requestId: null, ip: null }, { action: 'demo.seed', details: { users: demoUsers.length } });
  });
}

export function printDemoLogins(seededNow: boolean): void {
  const lines = [
    '',
    seededNow ? 'Demodata er lastet inn.' : 'Demomodus (demodata fra før).',
    `Demobrukere — passord for alle: ${DEMO_PASSWORD}`,
    ...demoUsers.map((u) => `  ${u.username.padEnd(20)} ${u.description}`),
    '',
    'Innloggingen krever en engangskode (TOTP). Hent gjeldende kode med',
    '  npm run cli -- totp-code <brukernavn>',
    'eller legg hemmeligheten inn i en autentiseringsapp: npm run cli -- totp-secret <brukernavn>',
    '',
  ];
  console.log(lines.join('\n'));
}
