import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/sqlite';
import { describe, expect, it } from 'vitest';
import { createOrm, ormOptions } from '../../src/db/orm.js';
import { ModelsQuery, RegisterModel, UpdateModel, DisableModel, RetireModel } from '../helpers/documents.js';
import { expectData } from '../helpers/graphql.js';
import { startTestApp } from '../helpers/test-app.js';
import { MOCK_MODEL, testConfig } from '../helpers/test-config.js';
import { LOCAL_VIEWER } from '../../src/modules/keys/viewer.js';
import { ENTITIES } from '../../src/modules/entities.js';
import { MIGRATIONS } from '../../src/db/migrations/index.js';

function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'sy-db-')), 'nested', 'switchyard.db');
}

async function boot(dbPath: string, models: unknown[]) {
  return startTestApp({ config: testConfig({ file: { database: { url: dbPath }, models } }) });
}

describe('persistence', () => {
  it('should create a fresh file database (and its folder) in WAL mode with every migration applied', async () => {
    const path = tempDb();
    const orm = await createOrm({ driver: 'sqlite', dbName: path }, ENTITIES);
    const [mode] = await orm.em.getConnection().execute<{ journal_mode: string }[]>('pragma journal_mode');
    expect(mode?.journal_mode).toBe('wal');
    const executed = await orm.getMigrator().getExecutedMigrations();
    // Every migration file in the folder is registered, and every registered one ran, in order.
    const files = readdirSync(new URL('../../src/db/migrations/', import.meta.url))
      .filter((f) => /^Migration.*\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(MIGRATIONS.map((m) => m.name)).toEqual(files);
    expect(executed.map((m) => m.name)).toEqual(files);
    expect(await orm.getMigrator().getPendingMigrations()).toEqual([]);
    await orm.close();
  });

  it('should have migrations that produce exactly the schema the entities describe', async () => {
    const orm = await createOrm({ driver: 'sqlite', dbName: ':memory:' }, ENTITIES);
    expect(await orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
    await orm.close();
  });

  it('should bring up a database made by an earlier version (migrated, with data) and keep its rows', async () => {
    const path = tempDb();
    // An "earlier version": the database as the first migration left it, with a row written then.
    const old = await MikroORM.init({ ...ormOptions({ driver: 'sqlite', dbName: path }, ENTITIES), debug: false });
    await old.getMigrator().up({ to: 'Migration20261125000000-initial' });
    await old.em
      .getConnection()
      .execute(
        `insert into models (id, provider, capabilities, defaults, limits, status, source, circuit_state, created_at, updated_at) values ('legacy', 'mock', '["chat"]', '{}', '{}', 'HEALTHY', 'API', 'CLOSED', ${Date.now()}, ${Date.now()})`,
      );
    await old.close();

    const app = await boot(path, [MOCK_MODEL]);
    const ids = expectData(await app.run(ModelsQuery)).models.map((m) => m.id);
    expect(ids).toEqual(['legacy', 'mock-a']);
    await app.dispose();
  });

  it('should restart twice without duplicating models or losing API changes', async () => {
    const path = tempDb();
    const vendor = { id: 'gpt-4', provider: 'openai', pricing: { input: 30, output: 60 } };
    const first = await boot(path, [MOCK_MODEL, vendor]);
    expectData(await first.run(RegisterModel, { input: { id: 'api-only', provider: 'MOCK', version: 'v1' } }));
    expectData(await first.run(UpdateModel, { input: { id: 'api-only', version: 'v2' } }));
    expectData(await first.run(UpdateModel, { input: { id: 'gpt-4', version: 'edited-by-api' } }));
    expectData(await first.run(DisableModel, { id: 'mock-a' }));
    await first.dispose();

    for (let restart = 0; restart < 2; restart++) {
      const app = await boot(path, [MOCK_MODEL, vendor]);
      const { models } = expectData(await app.run(ModelsQuery, { filter: { includeRetired: true } }));
      expect(models.map((m) => [m.id, m.status, m.source])).toEqual([
        ['api-only', 'HEALTHY', 'API'],
        ['gpt-4', 'UNHEALTHY', 'CONFIG'],
        ['mock-a', 'DISABLED', 'CONFIG'],
      ]);
      expect(app.app.services.models.find('api-only')?.version).toBe('v2');
      expect(app.app.services.models.find('gpt-4')?.version).toBe('edited-by-api');
      const [count] = await app.app.services.orm.em.getConnection().execute<{ n: number }[]>('select count(*) as n from models');
      expect(count?.n).toBe(3);
      await app.dispose();
    }
  });

  it('should apply a changed file entry, retire a removed model and bring it back when re-added', async () => {
    const path = tempDb();
    const extra = { id: 'mock-extra', provider: 'mock' };
    await (await boot(path, [MOCK_MODEL, extra])).dispose();

    const changed = await boot(path, [{ ...MOCK_MODEL, pricing: { input: 5, output: 6 } }]);
    const after = expectData(await changed.run(ModelsQuery, { filter: { includeRetired: true } })).models;
    expect(after.find((m) => m.id === 'mock-a')?.pricing).toEqual({ input: 5, output: 6 });
    expect(after.find((m) => m.id === 'mock-extra')).toMatchObject({ status: 'RETIRED' });
    await changed.dispose();

    const readded = await boot(path, [MOCK_MODEL, extra]);
    expect(readded.app.services.models.find('mock-extra')?.status).toBe('HEALTHY');
    await readded.dispose();
  });

  it('should keep a model retired through the API retired across restarts', async () => {
    const path = tempDb();
    const first = await boot(path, [MOCK_MODEL]);
    expectData(await first.run(RetireModel, { id: 'mock-a' }));
    await first.dispose();
    const second = await boot(path, [MOCK_MODEL]);
    expect(second.app.services.models.find('mock-a')?.status).toBe('RETIRED');
    await second.dispose();
  });
});

describe('session history storage', () => {
  it('should number each turn after the last, also for turns appended at once, on a file database', async () => {
    const t = await startTestApp({ config: testConfig({ file: { database: { url: tempDb() }, models: [MOCK_MODEL] } }) });
    try {
      const { sessions, orm } = t.app.services;
      const session = await sessions.create({ modelId: 'mock-a' }, LOCAL_VIEWER);
      await sessions.appendTurn(
        session.id,
        [
          { role: 'user', content: 'q0' },
          { role: 'assistant', content: 'a0' },
        ],
        'g0',
      );
      await Promise.all(
        [1, 2, 3, 4].map((n) =>
          sessions.appendTurn(
            session.id,
            [
              { role: 'user', content: `q${n}` },
              { role: 'assistant', content: `a${n}` },
            ],
            `g${n}`,
          ),
        ),
      );
      const rows = await orm.em
        .getConnection()
        .execute<{ seq: number; content: string }[]>('select seq, content from session_messages where session_id = ? order by seq', [
          session.id,
        ]);
      expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      // Each turn's two messages are adjacent: q then a of the same turn.
      for (let i = 0; i < rows.length; i += 2) expect(rows[i + 1]?.content).toBe(rows[i]?.content.replace('q', 'a'));
      const history = await sessions.history(session.id);
      expect(history[0]).toEqual({
        role: 'user',
        content: 'q0',
        message: { role: 'user', content: 'q0' },
        generationId: 'g0',
        createdAt: expect.any(Date),
      });
      expect(Math.abs((history[0]?.createdAt.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    } finally {
      await t.dispose();
    }
  });
});

describe('session switches from two gateways on one database', () => {
  it('should apply every switch once, each on the revision before it (compare-and-swap)', async () => {
    const path = tempDb();
    const config = testConfig({ file: { database: { url: path }, models: [MOCK_MODEL, { ...MOCK_MODEL, id: 'mock-b' }] } });
    const one = await startTestApp({ config });
    const two = await startTestApp({ config });
    try {
      const session = await one.app.services.sessions.create({ modelId: 'mock-a' }, LOCAL_VIEWER);
      // Ten rounds of a switch from each gateway at the same moment: one wins each race, the other
      // reads the session again and applies on the new revision.
      const applied = [];
      for (let i = 0; i < 10; i++) {
        const modelId = i % 2 ? 'mock-a' : 'mock-b';
        applied.push(
          ...(await Promise.all(
            [one, two].map((t) => t.app.services.sessions.switchModel({ sessionId: session.id, modelId }, LOCAL_VIEWER, performance.now())),
          )),
        );
      }
      expect(applied.map((a) => a.revision).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
      const stored = await two.app.services.sessions.get(session.id, LOCAL_VIEWER);
      expect(stored.revision).toBe(21);
    } finally {
      await one.dispose();
      await two.dispose();
    }
  });
});
