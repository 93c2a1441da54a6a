import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createOrm } from '../../src/db/orm.js';
import { PG_MIGRATIONS } from '../../src/db/migrations/postgresql/index.js';
import { ENTITIES } from '../../src/modules/entities.js';
import { freshPostgres, postgresReachable } from '../helpers/postgres.js';

/** The PostgreSQL engine's own migration set, applied under a lock. */
const postgres = await postgresReachable();
const drops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const drop of drops.splice(0)) await drop();
});

describe.skipIf(!postgres)('PostgreSQL migrations', () => {
  it('should apply every registered migration, in order, and produce exactly the schema the entities describe', async () => {
    const fresh = await freshPostgres();
    drops.push(fresh.drop);
    const orm = await createOrm(fresh.database, ENTITIES);
    const files = readdirSync(new URL('../../src/db/migrations/postgresql/', import.meta.url))
      .filter((f) => /^Migration.*\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(PG_MIGRATIONS.map((m) => m.name)).toEqual(files);
    expect(files.length).toBeGreaterThan(0);
    expect((await orm.getMigrator().getExecutedMigrations()).map((m) => m.name)).toEqual(files);
    expect(await orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
    await orm.close();
  });

  it('should let instances starting together take turns: the migrations run once', async () => {
    const fresh = await freshPostgres();
    drops.push(fresh.drop);
    const orms = await Promise.all([1, 2, 3].map(() => createOrm(fresh.database, ENTITIES)));
    const [rows] = await Promise.all([
      orms[0]?.em.getConnection().execute<{ name: string }[]>('select name from mikro_orm_migrations order by id'),
    ]);
    expect(rows?.map((r) => r.name)).toEqual(PG_MIGRATIONS.map((m) => m.name));
    await Promise.all(orms.map((o) => o.close()));
  });
});
