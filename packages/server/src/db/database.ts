import path from 'node:path';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  PostgresDialect,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely';
import { KyselyPGlite } from 'kysely-pglite';
import pg from 'pg';
import type { Config, Engine } from '../platform/config.js';
import { acquireDataDirLock, type DataDirLock } from './pglite-lock.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  engine: Engine;
  /** PostgreSQL only: the connection URL, for the change listener's own connection. */
  url?: string;
  /** The embedded database itself, for data-directory dumps. */
  pglite?: PGlite;
  /** Runs `fn` while no query or transaction is in flight (PGlite only; PostgreSQL runs it at once). */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Both engines hand back the same JavaScript types: int8 as number (counts and audit ids stay
// far below 2^53), date as 'YYYY-MM-DD' text (a JS Date would shift it by the time zone).
const INT8 = 20;
const DATE = 1082;
pg.types.setTypeParser(INT8, (value: string) => Number(value));
pg.types.setTypeParser(DATE, (value: string) => value);
const pgliteParsers = {
  [INT8]: (value: string) => Number(value),
  [DATE]: (value: string) => value,
  [pgliteTypes.TIMESTAMPTZ]: (value: string) => new Date(value),
};

/**
 * PGlite is one connection. kysely-pglite hands that one connection to every caller, so a query
 * from one request could land inside another request's open transaction. This driver lets one
 * caller (a single query, or a whole transaction) hold the connection at a time.
 */
const PGLITE_BUSY_MESSAGE =
  'PGlite-tilkoblingen var opptatt i 30 sekunder. Kjører en spørring med db i stedet for trx inne i en transaksjon?';

export class SerialPGliteDriver implements Driver {
  #queue: Promise<void> = Promise.resolve();
  #release: (() => void) | undefined;

  constructor(
    private readonly inner: Driver,
    private readonly waitLimitMs = 30_000,
  ) {}

  async init(): Promise<void> {
    await this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#queue;
    let release!: () => void;
    this.#queue = new Promise<void>((resolve) => {
      release = resolve;
    });
    // A query made with `db` inside someone's transaction would wait for itself forever: fail
    // loudly instead, and still pass the turn on when it comes.
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        previous,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(PGLITE_BUSY_MESSAGE)), this.waitLimitMs);
          timer.unref();
        }),
      ]);
    } catch (error) {
      void previous.then(release);
      throw error;
    } finally {
      clearTimeout(timer);
    }
    this.#release = release;
    return withAffectedRows(await this.inner.acquireConnection());
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('BEGIN'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('COMMIT'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await this.inner.releaseConnection(connection);
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }

  /** Waits for the connection like a query would, then runs `fn` alone. */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const connection = await this.acquireConnection();
    try {
      return await fn();
    } finally {
      await this.releaseConnection(connection);
    }
  }

  async destroy(): Promise<void> {
    await this.inner.destroy();
  }
}

/**
 * PGlite reports `affectedRows`; Kysely reads `numAffectedRows`. Without this, every
 * `numUpdatedRows` on PGlite would be 0.
 */
function withAffectedRows(connection: DatabaseConnection): DatabaseConnection {
  return {
    async executeQuery<R>(query: Parameters<DatabaseConnection['executeQuery']>[0]): Promise<QueryResult<R>> {
      const result = (await connection.executeQuery<R>(query)) as QueryResult<R> & { affectedRows?: number };
      return {
        rows: result.rows,
        ...(result.affectedRows !== undefined ? { numAffectedRows: BigInt(result.affectedRows) } : {}),
      };
    },
    streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
  };
}

function pgliteDialect(client: PGlite): { dialect: Dialect; driver: SerialPGliteDriver } {
  // kysely-pglite is built against an older Kysely; its connection only passes SQL text and
  // parameters through, so the types are bridged here.
  const inner = new KyselyPGlite(client).dialect.createDriver() as unknown as Driver;
  const driver = new SerialPGliteDriver(inner);
  return {
    driver,
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  };
}

export interface PgliteOptions {
  /** Directory for the database files; omitted = in memory (tests). */
  dataDir?: string;
  /** A data-directory dump to start from (tests start from a migrated template). */
  loadDataDir?: Blob;
}

export async function openPglite(options: PgliteOptions = {}): Promise<DatabaseHandle> {
  let lock: DataDirLock | undefined;
  if (options.dataDir) lock = acquireDataDirLock(options.dataDir);
  try {
    const client = await PGlite.create({
      ...(options.dataDir ? { dataDir: path.join(options.dataDir, 'pgdata') } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      parsers: pgliteParsers,
      // pg_trgm: typo-tolerant search in the service directory (PostgreSQL ships it as a contrib module).
      extensions: { pg_trgm },
    });
    const { dialect, driver } = pgliteDialect(client);
    const db = new Kysely<Database>({ dialect });
    let closed = false;
    return {
      db,
      engine: 'pglite',
      pglite: client,
      exclusive: (fn) => driver.exclusive(fn),
      async close() {
        if (closed) return;
        closed = true;
        try {
          // Flush everything to the data directory before closing: PGlite runs with fsync off.
          if (options.dataDir) await driver.exclusive(() => client.exec('CHECKPOINT').then(() => undefined));
          await db.destroy();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

export function openPostgres(url: string, poolSize = 10): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'rusfag' });
  // An idle connection dropped by the server (restart, failover) must not crash the process;
  // the pool replaces it on the next checkout.
  pool.on('error', (error: Error & { code?: string }) => {
    console.error(JSON.stringify({ level: 50, msg: 'idle database connection lost', code: error.code ?? null }));
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    db,
    engine: 'postgres',
    url,
    exclusive: (fn) => fn(),
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

export async function openDatabase(config: Pick<Config, 'engine' | 'databaseUrl' | 'dataDir' | 'databasePoolSize'>): Promise<DatabaseHandle> {
  if (config.engine === 'postgres') {
    if (!config.databaseUrl) throw new Error('DATABASE_URL mangler');
    return openPostgres(config.databaseUrl, config.databasePoolSize);
  }
  return openPglite({ dataDir: config.dataDir });
}
