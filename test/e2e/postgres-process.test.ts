import { afterEach, describe, expect, it } from 'vitest';
import { CostsQuery, CreateSession, GenerateInSession, SessionQuery, SwitchModel } from '../helpers/documents.js';
import { execute, expectData } from '../helpers/graphql.js';
import { killStartedProcesses, startProcess } from '../helpers/gateway-process.js';
import { freshPostgres, postgresReachable } from '../helpers/postgres.js';

const postgres = await postgresReachable();
const drops: (() => Promise<void>)[] = [];
afterEach(async () => {
  killStartedProcesses();
  for (const drop of drops.splice(0)) await drop();
});

describe.skipIf(!postgres)('the switchyard process on PostgreSQL', () => {
  it('should run the product on DATABASE_URL=postgres://… and keep everything across a restart', async () => {
    const fresh = await freshPostgres();
    drops.push(fresh.drop);
    const first = startProcess([], { PORT: '0', DATABASE_URL: fresh.url });
    const url = await first.ready;
    const run = <T, V>(document: Parameters<typeof execute<T, V>>[1], variables?: V) =>
      execute<T, V>(fetch, document, variables, { url: `${url}/graphql` });
    const session = expectData(await run(CreateSession, { input: { modelId: 'mock-fast' } })).createSession;
    expectData(await run(GenerateInSession, { input: { sessionId: session.id, prompt: 'one' } }));
    expectData(await run(SwitchModel, { input: { sessionId: session.id, modelId: 'mock-slow' } }));
    const second = expectData(await run(GenerateInSession, { input: { sessionId: session.id, prompt: 'two' } })).generate;
    expect(second.modelId).toBe('mock-slow');
    const chat = await fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'mock-fast', messages: [{ role: 'user', content: 'Hi' }] }),
    });
    expect(chat.status).toBe(200);
    const costs = expectData(await run(CostsQuery, { groupBy: 'DAY' })).costs;
    expect(costs.totals.requests).toBe(3);
    expect(costs.groups.map((g) => g.key)).toEqual([new Date().toISOString().slice(0, 10)]);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const again = startProcess([], { PORT: '0', DATABASE_URL: fresh.url });
    const url2 = await again.ready;
    const after = <T, V>(document: Parameters<typeof execute<T, V>>[1], variables?: V) =>
      execute<T, V>(fetch, document, variables, { url: `${url2}/graphql` });
    expect(expectData(await after(CostsQuery, { groupBy: 'MODEL' })).costs.totals).toMatchObject({
      requests: 3,
      costMicroUsd: costs.totals.costMicroUsd,
    });
    const stored = expectData(await after(SessionQuery, { id: session.id })).session;
    expect(stored).toMatchObject({ revision: 2, model: { id: 'mock-slow' } });
    expect(stored?.messages.map((m) => m.content).filter((_c, i) => i % 2 === 0)).toEqual(['one', 'two']);
  }, 60_000);
});
