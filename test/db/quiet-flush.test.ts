import { afterEach, describe, expect, it } from 'vitest';
import { quietFlushState } from '../../src/db/quiet-flush.js';
import { ModelsQuery, RegisterModel } from '../helpers/documents.js';
import { expectData } from '../helpers/graphql.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

describe('flushQuietly', () => {
  it('should leave no AsyncLocalStorage that a flush entered enabled (promise hooks off between flushes), and still store what it flushed', async () => {
    t = await startTestApp(); // syncing the config's models flushes
    expectData(await t.run(RegisterModel, { input: { id: 'mock-quiet', provider: 'MOCK' } }));
    const state = quietFlushState();
    expect(state.storages).toBeGreaterThan(0); // MikroORM's unit of work was seen entering its storage
    expect(state.enabled).toBe(0);
    expect(expectData(await t.run(ModelsQuery)).models.map((m) => m.id)).toContain('mock-quiet');
  });
});
