/**
 * Writes a new migration with the difference between the entities and the schema the committed
 * migrations produce: into src/db/migrations/ (SQLite), or with `--postgres` into
 * src/db/migrations/postgresql/ (against SWITCHYARD_TEST_POSTGRES_URL's server, in a scratch
 * database dropped afterwards). Give the class its file's name, add a down(), and register it in
 * that folder's index.ts afterwards. Usage: npm run migration:create -- <name> [--postgres]
 */
import pg from 'pg';
import { MikroORM } from '@mikro-orm/core';
import { ormOptions } from '../src/db/orm.js';
import type { DatabaseConfig } from '../src/config/config.js';
import { ENTITIES } from '../src/modules/entities.js';

const postgres = process.argv.includes('--postgres');
const name = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'change';
let database: DatabaseConfig = { driver: 'sqlite', dbName: ':memory:' };
let dropScratch: () => Promise<void> = async () => {};
if (postgres) {
  const server = process.env.SWITCHYARD_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const scratch = `sy_migration_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database "${scratch}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${scratch}`;
  database = { driver: 'postgresql', clientUrl: url.toString(), dbName: scratch };
  dropScratch = async () => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    await client.query(`drop database "${scratch}"`);
    await client.end();
  };
}
const orm = await MikroORM.init(ormOptions(database, ENTITIES));
const migrator = orm.getMigrator();
await migrator.up();
const result = await migrator.createMigration(undefined, false, false, name);
console.log(
  result.fileName ? `wrote ${postgres ? 'src/db/migrations/postgresql' : 'src/db/migrations'}/${result.fileName}` : 'no schema changes',
);
await orm.close();
await dropScratch();
