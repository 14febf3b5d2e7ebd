import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { checkPassword, ROLES, type Role } from '@rusfag/core';
import { sql } from 'kysely';
import { backup, restore } from './db/backup.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { DataDirLockedError } from './db/pglite-lock.js';
import { seedDemoIfEmpty } from './demo/seed.js';
import { demoTotpSecret, demoUsers } from './demo/users.js';
import { verifyChain } from './modules/audit/service.js';
import { recordAudit } from './platform/audit.js';
import { ConfigError, loadConfig, type Config } from './platform/config.js';
import { hashPassword } from './platform/password.js';
import { currentTotpCode, totpUri } from './platform/totp.js';

const HELP = `Rusfag – administrasjon fra kommandolinjen

  npm run cli -- <kommando> [valg]

Kommandoer:
  migrate                         kjør databasemigreringer
  seed-demo                       last inn demodata (bare i demomodus, bare i tom database)
  create-user --username U --name "Navn" --unit KODE|ID [--role ROLLE@KODE|ID ...] [--email E]
                                  opprett en bruker; passordet leses fra standard inn
  backup [--file FIL]             ta sikkerhetskopi (PGlite: datakatalog; PostgreSQL: pg_dump)
  restore --file FIL              gjenopprett fra sikkerhetskopi (serveren må være stoppet)
  audit-verify                    kontroller hash-kjeden i tilgangsloggen
  totp-code <brukernavn>          gjeldende engangskode for en demobruker (bare demomodus)
  totp-secret <brukernavn>        TOTP-hemmelighet og otpauth-lenke for en demobruker

Roller: ${ROLES.join(', ')}
`;

async function readPassword(): Promise<string> {
  if (process.env.RUSFAG_PASSWORD) return process.env.RUSFAG_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdin.isTTY ? process.stdout : undefined, terminal: false });
  if (process.stdin.isTTY) process.stdout.write('Passord (minst 12 tegn): ');
  for await (const line of rl) {
    rl.close();
    return line;
  }
  throw new Error('Fikk ikke noe passord på standard inn');
}

async function withDatabase<T>(config: Config, fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const handle = await openDatabase(config);
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

async function findUnit(db: Awaited<ReturnType<typeof openDatabase>>['db'], ref: string) {
  const unit = await db
    .selectFrom('org_unit')
    .select(['id', 'name'])
    .where((eb) =>
      /^[0-9a-f-]{36}$/i.test(ref) ? eb('id', '=', ref) : eb(sql`lower(code)`, '=', ref.toLowerCase()),
    )
    .executeTakeFirst();
  if (!unit) throw new Error(`Fant ingen enhet med kode eller id «${ref}»`);
  return unit;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(HELP);
    return command ? 0 : 64;
  }
  const config = loadConfig();

  switch (command) {
    case 'migrate': {
      await withDatabase(config, async ({ db }) => {
        const result = await migrateToLatest(db);
        const applied = result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
        console.log(applied.length ? `Kjørte ${applied.length} migrering(er): ${applied.join(', ')}` : 'Databasen er allerede oppdatert.');
      });
      return 0;
    }
    case 'seed-demo': {
      if (!config.demoMode) {
        console.error('Demodata lastes bare i demomodus (DEMO_MODE=true). Demobrukerne har kjente passord og koder.');
        return 1;
      }
      await withDatabase(config, async ({ db }) => {
        await migrateToLatest(db);
        console.log((await seedDemoIfEmpty(db)) ? 'Demodata er lastet inn.' : 'Databasen har allerede data; ingenting ble endret.');
      });
      return 0;
    }
    case 'create-user': {
      const { values } = parseArgs({
        args: rest,
        options: {
          username: { type: 'string' },
          name: { type: 'string' },
          unit: { type: 'string' },
          email: { type: 'string' },
          role: { type: 'string', multiple: true },
        },
      });
      if (!values.username || !values.name || !values.unit) {
        console.error('Mangler --username, --name eller --unit.\n');
        console.error(HELP);
        return 64;
      }
      const username = values.username.trim().toLowerCase();
      const roles = (values.role ?? []).map((spec) => {
        const [role, unit] = spec.split('@');
        if (!role || !unit || !ROLES.includes(role as Role)) throw new Error(`Ugyldig rolle «${spec}»: bruk ROLLE@ENHET, f.eks. admin@OSLO`);
        return { role: role as Role, unit };
      });
      const password = await readPassword();
      const problem = checkPassword(password, username);
      if (problem) {
        console.error(`Passordet kan ikke brukes (${problem}): minst 12 tegn, ikke et vanlig passord, ikke brukernavnet.`);
        return 1;
      }
      const passwordHash = await hashPassword(password);
      await withDatabase(config, async ({ db }) => {
        await migrateToLatest(db);
        await db.transaction().execute(async (trx) => {
          const home = await findUnit(trx, values.unit!);
          const { id } = await trx
            .insertInto('app_user')
            .values({ username, display_name: values.name!, email: values.email ?? null, home_unit_id: home.id, password_hash: passwordHash })
            .returning('id')
            .executeTakeFirstOrThrow();
          for (const grant of roles) {
            const unit = await findUnit(trx, grant.unit);
            await trx.insertInto('role_assignment').values({ user_id: id, role: grant.role, unit_id: unit.id }).execute();
          }
          await recordAudit(trx, { actorUserId: null, requestId: null, ip: null }, {
            action: 'user.create',
            resourceType: 'user',
            resourceId: id,
            details: { via: 'cli', roles: roles.map((r) => r.role) },
          });
          console.log(`Opprettet ${username} (${id}) ved ${home.name}.`);
        });
      });
      return 0;
    }
    case 'backup': {
      const { values } = parseArgs({ args: rest, options: { file: { type: 'string' } } });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const file = values.file ?? `backups/rusfag-${stamp}.${config.engine === 'pglite' ? 'tar.gz' : 'dump'}`;
      console.log(`Sikkerhetskopi skrevet til ${await backup(config, file)}`);
      return 0;
    }
    case 'restore': {
      const { values } = parseArgs({ args: rest, options: { file: { type: 'string' } } });
      if (!values.file) {
        console.error('Mangler --file');
        return 64;
      }
      const result = await restore(config, values.file);
      console.log(`Gjenopprettet fra ${values.file}.`);
      if (result.keptPrevious) console.log(`Den forrige datakatalogen er beholdt i ${result.keptPrevious}`);
      return 0;
    }
    case 'audit-verify': {
      return withDatabase(config, async ({ db }) => {
        const result = await verifyChain(db);
        if (result.firstBrokenId === null) {
          console.log(`Tilgangsloggen er urørt: ${result.checked} hendelser kontrollert. Siste hash: ${result.headHash ?? '(tom)'}`);
          return 0;
        }
        console.error(`Tilgangsloggen er endret: hendelse ${result.firstBrokenId} stemmer ikke med hash-kjeden (${result.checked} kontrollert).`);
        return 2;
      });
    }
    case 'totp-code':
    case 'totp-secret': {
      const username = rest[0];
      if (!config.demoMode) {
        console.error('Bare tilgjengelig i demomodus.');
        return 1;
      }
      if (!username || !demoUsers.some((u) => u.username === username)) {
        console.error(`Ukjent demobruker. Velg en av: ${demoUsers.map((u) => u.username).join(', ')}`);
        return 64;
      }
      const secret = demoTotpSecret(username);
      if (command === 'totp-code') console.log(currentTotpCode(secret));
      else console.log(`${secret}\n${totpUri(secret, username)}`);
      return 0;
    }
    default:
      console.error(`Ukjent kommando «${command}».\n`);
      console.error(HELP);
      return 64;
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof DataDirLockedError) console.error(error.message);
    else console.error('Feil:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
