import { buildApp } from './app.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { DataDirLockedError } from './db/pglite-lock.js';
import { seedDemoIfEmpty, printDemoLogins } from './demo/seed.js';
import { ConfigError, loadConfig } from './platform/config.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }

  let database;
  try {
    database = await openDatabase(config);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(75); // EX_TEMPFAIL
    }
    throw error;
  }

  await migrateToLatest(database.db);
  const seeded = config.demoMode ? await seedDemoIfEmpty(database.db) : false;

  const app = await buildApp({ config, database });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    // Stop taking requests, let those in flight finish, then close (and CHECKPOINT) the database.
    const timer = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 15_000);
    try {
      await app.close();
      await database.close();
    } finally {
      clearTimeout(timer);
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const engineText =
    config.engine === 'pglite' ? `innebygd PGlite i ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  console.log(`\nRusfag kjører på ${config.baseUrl}  (database: ${engineText})`);
  if (config.demoMode) printDemoLogins(seeded);
}

main().catch((error: unknown) => {
  console.error('Rusfag kunne ikke starte:', error instanceof Error ? error.message : error);
  process.exit(1);
});
