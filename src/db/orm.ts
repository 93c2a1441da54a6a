import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, type Options } from '@mikro-orm/core';
import type { AbstractSqlDriver, SqlEntityManager } from '@mikro-orm/knex';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { SqliteDriver } from '@mikro-orm/sqlite';
import type { EntitySchema } from '@mikro-orm/core';
import type { DatabaseConfig } from '../config/config.js';
import type { Logger } from '../observability/logger.js';
import { MIGRATIONS } from './migrations/index.js';
import { PG_MIGRATIONS } from './migrations/postgresql/index.js';

/** The ORM on either engine: a SQL driver, its EntityManager with query builders and knex. */
export type Orm = MikroORM<AbstractSqlDriver, SqlEntityManager>;

/** Whatever PostgreSQL advisory lock key the gateway's migrations take (a constant: one per database). */
const MIGRATION_LOCK = 7_305_071_101;

/**
 * The ORM's options; `entities` is the modules' list (src/modules/entities.ts), given by the
 * caller so this layer imports no module. Each engine has its own committed migration set
 * (src/db/migrations/ for SQLite, src/db/migrations/postgresql/ for PostgreSQL).
 */
export function ormOptions(database: DatabaseConfig, entities: readonly EntitySchema[], logger?: Logger): Options {
  const postgres = database.driver === 'postgresql';
  const folder = postgres ? 'src/db/migrations/postgresql' : 'src/db/migrations';
  return {
    logger: (message: string) => logger?.debug({ component: 'orm' }, message),
    ...(postgres
      ? {
          driver: PostgreSqlDriver,
          clientUrl: database.clientUrl,
          pool: { min: 0, max: 10 },
          // A database that stops answering fails requests within seconds instead of holding them.
          driverOptions: {
            connection: { connectionTimeoutMillis: 5_000, statement_timeout: 30_000, query_timeout: 35_000 },
            acquireConnectionTimeout: 10_000,
          },
        }
      : { driver: SqliteDriver, dbName: database.dbName }),
    entities: [...entities],
    extensions: [Migrator],
    allowGlobalContext: false,
    debug: false,
    discovery: { warnWhenNoEntities: false },
    migrations: {
      migrationsList: postgres ? PG_MIGRATIONS : MIGRATIONS,
      path: folder,
      pathTs: folder,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      fileName: (timestamp, name) =>
        `Migration${timestamp}${(name ?? '').replace(/(^|[^A-Za-z0-9])([A-Za-z0-9])/g, (_m, _s, c: string) => c.toUpperCase())}`,
    },
  } as Options;
}

/**
 * Opens the database and brings its schema up to date by applying the committed migrations, so a
 * fresh database and one made by an earlier version come up the same. SQLite files run in WAL
 * mode (readers do not block the writer) with synchronous = NORMAL. PostgreSQL migrates under an
 * advisory lock: instances starting together take turns, and the later ones find nothing to do.
 */
export async function createOrm(database: DatabaseConfig, entities: readonly EntitySchema[], logger?: Logger): Promise<Orm> {
  if (database.driver === 'postgresql') {
    const orm = (await MikroORM.init(ormOptions(database, entities, logger))) as Orm;
    await migrateUnderLock(orm);
    return orm;
  }
  const inMemory = database.dbName === ':memory:';
  if (!inMemory) mkdirSync(dirname(database.dbName), { recursive: true });
  const orm = (await MikroORM.init(ormOptions(database, entities, logger))) as Orm;
  const connection = orm.em.getConnection();
  if (!inMemory) {
    await connection.execute('pragma journal_mode = wal');
    // In WAL mode NORMAL never corrupts the database; it only skips the fsync per commit (a power
    // loss can undo the last commits). FULL made every generation record wait for the disk.
    await connection.execute('pragma synchronous = normal');
  }
  await connection.execute('pragma busy_timeout = 5000');
  await orm.getMigrator().up();
  return orm;
}

/** Runs the pending migrations while holding the start-up lock. */
function migrateUnderLock(orm: Orm): Promise<void> {
  return withStartupLock(orm, async () => void (await orm.getMigrator().up()));
}

/**
 * Runs `work` while holding a PostgreSQL session advisory lock on one pooled connection, so that
 * instances starting together do their start-up writes (migrations, the config's models and
 * pools, the bootstrap key) one after the other. SQLite has one process: it just runs `work`.
 */
export async function withStartupLock<T>(orm: Orm, work: () => Promise<T>): Promise<T> {
  if (orm.config.get('driver')?.name !== 'PostgreSqlDriver') return work();
  const client = orm.em.getConnection().getKnex().client as {
    acquireConnection(): Promise<PgClient>;
    releaseConnection(c: PgClient): Promise<void>;
  };
  const connection = await client.acquireConnection();
  try {
    await connection.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      return await work();
    } finally {
      await connection.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await client.releaseConnection(connection);
  }
}

interface PgClient {
  query(sql: string, params: unknown[]): Promise<unknown>;
}
