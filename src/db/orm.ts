import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, type Options, SqliteDriver } from '@mikro-orm/sqlite';
import type { EntitySchema } from '@mikro-orm/core';
import type { DatabaseConfig } from '../config/config.js';
import type { Logger } from '../observability/logger.js';
import { MIGRATIONS } from './migrations/index.js';

export type Orm = MikroORM;

/** The ORM's options; `entities` is the modules' list (src/modules/entities.ts), given by the caller so this layer imports no module. */
export function ormOptions(database: DatabaseConfig, entities: readonly EntitySchema[], logger?: Logger): Options {
  return {
    logger: (message: string) => logger?.debug({ component: 'orm' }, message),
    driver: SqliteDriver,
    dbName: database.dbName,
    entities: [...entities],
    extensions: [Migrator],
    allowGlobalContext: false,
    debug: false,
    discovery: { warnWhenNoEntities: false },
    migrations: {
      migrationsList: MIGRATIONS,
      path: 'src/db/migrations',
      pathTs: 'src/db/migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      fileName: (timestamp, name) => `Migration${timestamp}${(name ?? '').replace(/(^|[^A-Za-z0-9])([A-Za-z0-9])/g, (_m, _s, c: string) => c.toUpperCase())}`,
    },
  };
}

/**
 * Opens the database and brings its schema up to date by applying the committed migrations, so a
 * fresh file, an in-memory database and one made by an earlier version all come up the same.
 * File databases run in WAL mode (readers do not block the writer) with synchronous = NORMAL.
 */
export async function createOrm(database: DatabaseConfig, entities: readonly EntitySchema[], logger?: Logger): Promise<Orm> {
  const inMemory = database.dbName === ':memory:';
  if (!inMemory) mkdirSync(dirname(database.dbName), { recursive: true });
  const orm = await MikroORM.init(ormOptions(database, entities, logger));
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
