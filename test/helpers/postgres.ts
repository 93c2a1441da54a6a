import { randomBytes } from 'node:crypto';
import type { DatabaseConfig } from '../../src/config/config.js';

/**
 * The PostgreSQL server the database tests also run on: SWITCHYARD_TEST_POSTGRES_URL (`.ci/run`
 * creates a fresh database for each run and drops it after), else this machine kind's server
 * (127.0.0.1:5432, trust auth, database `test`). Each suite makes a database of its own on it.
 * Outside CI, a machine without the server skips those tests with a warning; in CI they must run.
 */
export const POSTGRES_URL = process.env.SWITCHYARD_TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test';

let reachable: Promise<boolean> | undefined;

/** Whether the server answers (once per test file). */
export function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch (error) {
      if (process.env.CI) throw new Error(`PostgreSQL at ${POSTGRES_URL} is required in CI: ${String(error)}`);
      console.warn(`PostgreSQL tests skipped: ${POSTGRES_URL} does not answer (${String(error)})`);
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return reachable;
}

/** A new, empty database on the test server, and a function that drops it. */
export async function freshPostgres(): Promise<{
  database: Extract<DatabaseConfig, { driver: 'postgresql' }>;
  url: string;
  drop(): Promise<void>;
}> {
  const { default: pg } = await import('pg');
  const name = `sy_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    database: { driver: 'postgresql', clientUrl: url.toString(), dbName: name },
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}
