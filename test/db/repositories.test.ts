import { countTokens } from '../../src/providers/token-estimate.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshPostgres, postgresReachable } from '../helpers/postgres.js';
import type { GenerationRecord } from '../../src/core/records/generation.js';
import { createOrm, type Orm } from '../../src/db/orm.js';
import { CostRepository } from '../../src/modules/costs/cost-repository.js';
import { ENTITIES } from '../../src/modules/entities.js';
import { GenerationRepository } from '../../src/modules/generations/generation-repository.js';
import { GenerationWriter } from '../../src/modules/generations/generation-writer.js';
import { ApiKeyRepository } from '../../src/modules/keys/api-key-repository.js';
import { ModelRepository } from '../../src/modules/models/model-repository.js';
import { PoolRepository } from '../../src/modules/pools/pool-repository.js';
import { fitHistory } from '../../src/modules/sessions/session-history.js';
import { SessionRepository } from '../../src/modules/sessions/session-repository.js';
import { HISTORY_PAGE_BYTES, SessionService, type SessionServiceDeps } from '../../src/modules/sessions/session-service.js';

/**
 * Every repository query, run against a database built by the migrations alone (no schema
 * generated from the entities), on each engine — SQLite and PostgreSQL, each with its own
 * migration set: a column renamed in a migration, an entity or a raw query without the others,
 * or SQL one engine does not speak, fails here, not at run time.
 */
const postgres = await postgresReachable();
describe.each([
  ['SQLite', false],
  ['PostgreSQL', !postgres],
] as const)('repositories on %s', (engine, skip) => {
  let orm: Orm;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (skip) return;
    if (engine === 'SQLite') orm = await createOrm({ driver: 'sqlite', dbName: ':memory:' }, ENTITIES);
    else {
      const fresh = await freshPostgres();
      drop = fresh.drop;
      orm = await createOrm(fresh.database, ENTITIES);
    }
  });
  afterAll(async () => {
    await orm?.close();
    await drop?.();
  });
  if (skip) it.skip('PostgreSQL is not reachable', () => undefined);
  else {
    const at = (iso: string) => new Date(iso);

    function generation(id: string, fields: Partial<GenerationRecord> = {}): GenerationRecord {
      return {
        id,
        modelId: 'm1',
        provider: 'openai',
        upstreamModel: 'gpt-4',
        apiKeyId: 'k1',
        sessionId: null,
        requestId: `req-${id}`,
        poolName: null,
        droppedMessages: 0,
        status: 'SUCCEEDED',
        stream: false,
        finishReason: 'stop',
        text: `answer ${id}`,
        toolCalls: [],
        cachedInputTokens: 0,
        cacheWriteTokens: 0,
        reasoningTokens: 0,
        maxTokens: 100,
        inputTokens: 10,
        outputTokens: 20,
        usageEstimated: false,
        costMicroUsd: 30,
        latencyMs: 5,
        timeToFirstTokenMs: 2,
        errorCode: null,
        errorMessage: null,
        attempts: [{ modelId: 'm1', provider: 'openai', outcome: 'SUCCEEDED', durationMs: 5 }],
        request: null,
        cached: false,
        savedMicroUsd: null,
        traceId: null,
        createdAt: at('2026-12-01T10:00:00Z'),
        completedAt: at('2026-12-01T10:00:01Z'),
        ...fields,
      };
    }

    describe('GenerationWriter', () => {
      it('should store a record written in reaction to the last batch, and one written while an insert runs', async () => {
        const writer = new GenerationWriter(orm);
        // The second write runs in a reaction to the first one's commit, before the writer has noted that it finished.
        await writer.write(generation('w1')).then(() => writer.write(generation('w2')));
        await Promise.all([writer.write(generation('w3')), writer.write(generation('w4'))]);
        await writer.drain();
        const stored = await orm.em
          .fork()
          .getConnection()
          .execute<{ id: string }[]>("select id from generations where id in ('w1', 'w2', 'w3', 'w4') order by id");
        expect(stored.map((r) => r.id)).toEqual(['w1', 'w2', 'w3', 'w4']);
        await orm.em.fork().getConnection().execute("delete from generations where id in ('w1', 'w2', 'w3', 'w4')"); // the next tests count rows
      });

      it('should fail only the bad record of a batch, storing the others', async () => {
        const writer = new GenerationWriter(orm);
        const first = writer.write(generation('b1')); // runs alone; the next three wait and go together
        const rest = [writer.write(generation('b2')), writer.write(generation('b1')), writer.write(generation('b3'))].map((p) =>
          p.then(
            () => 'stored',
            () => 'failed',
          ),
        );
        await first;
        expect(await Promise.all(rest)).toEqual(['stored', 'failed', 'stored']); // b1 again: its primary key is taken
        const stored = await orm.em
          .fork()
          .getConnection()
          .execute<{ id: string }[]>("select id from generations where id in ('b1', 'b2', 'b3') order by id");
        expect(stored.map((r) => r.id)).toEqual(['b1', 'b2', 'b3']);
        await orm.em.fork().getConnection().execute("delete from generations where id in ('b1', 'b2', 'b3')");
      });
    });

    describe('GenerationRepository and CostRepository', () => {
      it('should write records in one batch, read them back whole, page them, sum spend and report costs', async () => {
        const generations = new GenerationRepository(orm);
        const rows = [
          generation('g1'),
          generation('g2', {
            createdAt: at('2026-12-01T11:00:00Z'),
            modelId: 'm2',
            provider: 'anthropic',
            costMicroUsd: 70,
            sessionId: 's1',
            poolName: 'p',
          }),
          generation('g3', {
            createdAt: at('2026-11-30T09:00:00Z'),
            status: 'FAILED',
            errorCode: 'UPSTREAM_ERROR',
            errorMessage: 'boom',
            finishReason: null,
            timeToFirstTokenMs: null,
            apiKeyId: 'k2',
            costMicroUsd: 0,
          }),
        ];
        await Promise.all(rows.map((r) => generations.save(r)));
        expect(await generations.get('g2')).toEqual(rows[1]);
        expect(await generations.get('missing')).toBeUndefined();

        const first = await generations.page({}, 2);
        expect(first.items.map((g) => g.id)).toEqual(['g2', 'g1']);
        expect(first.hasNextPage).toBe(true);
        const second = await generations.page({}, 2, first.cursor(first.items[1] as GenerationRecord));
        expect(second.items.map((g) => g.id)).toEqual(['g3']);
        const filtered = await generations.page(
          { modelId: 'm1', status: ['FAILED'], apiKeyId: 'k2', since: at('2026-11-30T00:00:00Z'), until: at('2026-12-01T00:00:00Z') },
          10,
        );
        expect(filtered.items.map((g) => g.id)).toEqual(['g3']);

        expect(await generations.spentSince('k1', at('2026-12-01T00:00:00Z'))).toBe(100);
        // One snapshot: the sums and the recent generations they include (completed since the given time).
        const snapshot = await generations.spendSnapshot(
          'k1',
          at('2026-12-01T00:00:00Z'),
          at('2026-11-01T00:00:00Z'),
          at('2026-12-01T09:00:00Z'),
        );
        expect({ ...snapshot, recent: [...snapshot.recent].sort() }).toEqual({ day: 100, month: 100, recent: ['g1', 'g2'] });
        expect(
          (await generations.spendSnapshot('k1', at('2026-12-01T00:00:00Z'), at('2026-11-01T00:00:00Z'), at('2026-12-01T10:30:00Z')))
            .recent,
        ).toEqual([]);
        expect(await generations.spentSince('k1', at('2026-12-01T10:30:00Z'))).toBe(70);

        const costs = new CostRepository(orm);
        const byModel = await costs.report({}, 'MODEL');
        expect(byModel.groups).toEqual([
          {
            key: 'm2',
            requests: 1,
            failures: 0,
            inputTokens: 10,
            outputTokens: 20,
            costMicroUsd: 70,
            unpricedRequests: 0,
            cachedRequests: 0,
            savedMicroUsd: 0,
          },
          {
            key: 'm1',
            requests: 2,
            failures: 1,
            inputTokens: 20,
            outputTokens: 40,
            costMicroUsd: 30,
            unpricedRequests: 0,
            cachedRequests: 0,
            savedMicroUsd: 0,
          },
        ]);
        expect(byModel.totals).toMatchObject({ requests: 3, failures: 1, costMicroUsd: 100 });
        expect((await costs.report({}, 'DAY')).groups.map((g) => g.key)).toEqual(['2026-12-01', '2026-11-30']);
        expect((await costs.report({}, 'PROVIDER')).groups.map((g) => g.key)).toEqual(['anthropic', 'openai']);
        expect((await costs.report({}, 'SESSION')).groups.map((g) => g.key)).toEqual(['s1', null]);
        expect(
          (
            await costs.report(
              { apiKeyId: 'k2', provider: 'openai', modelId: 'm1', since: at('2026-11-30T00:00:00Z'), until: at('2026-12-02T00:00:00Z') },
              'API_KEY',
            )
          ).groups,
        ).toEqual([
          {
            key: 'k2',
            requests: 1,
            failures: 1,
            inputTokens: 10,
            outputTokens: 20,
            costMicroUsd: 0,
            unpricedRequests: 0,
            cachedRequests: 0,
            savedMicroUsd: 0,
          },
        ]);
      });
    });

    describe('SessionRepository', () => {
      it('should store a session, page it, append turns in order, swap its target by revision and log the switch', async () => {
        const sessions = new SessionRepository(orm);
        const base = {
          apiKeyId: 'k1',
          modelId: 'm1',
          poolName: null,
          params: { maxTokens: 5 },
          revision: 1,
          createdAt: at('2026-12-01T10:00:00Z'),
          updatedAt: at('2026-12-01T10:00:00Z'),
        };
        await sessions.insert({ id: 'a0000000-0000-4000-8000-000000000000', ...base });
        await sessions.insert({ id: 'b0000000-0000-4000-8000-000000000000', ...base, apiKeyId: null });
        const id = 'a0000000-0000-4000-8000-000000000000';
        expect(await sessions.find(id)).toEqual({ id, ...base });
        expect((await sessions.page(undefined, 10)).map((s) => s.id)).toHaveLength(2);
        expect((await sessions.page('k1', 10)).map((s) => s.apiKeyId)).toEqual(['k1']);
        expect((await sessions.page(null, 10)).map((s) => s.apiKeyId)).toEqual([null]);
        expect((await sessions.page(undefined, 10, id)).map((s) => s.id)).toEqual(['b0000000-0000-4000-8000-000000000000']);

        await sessions.appendMessages(
          id,
          [
            { role: 'user', content: 'q' },
            { role: 'assistant', content: 'a' },
          ],
          'g1',
          at('2026-12-01T10:01:00Z'),
        );
        // A message that is more than role and text (parts, tool calls, signed reasoning, a tool result) comes back whole.
        const image = { type: 'image' as const, url: 'data:image/png;base64,AAAA', detail: 'low' as const };
        const call = { id: 'c1', name: 'f', arguments: '{"x":1}' };
        const rich = [
          { role: 'user' as const, content: [{ type: 'text' as const, text: 'q2' }, image] },
          { role: 'assistant' as const, content: '', toolCalls: [call], reasoning: [{ text: 'hm', signature: 'sig' }] },
          { role: 'tool' as const, toolCallId: 'c1', content: 'r' },
        ];
        await sessions.appendMessages(id, rich, 'g2', at('2026-12-01T10:02:00Z'));
        const second = at('2026-12-01T10:02:00Z');
        expect(await sessions.history(id)).toEqual([
          {
            role: 'user',
            content: 'q',
            message: { role: 'user', content: 'q' },
            generationId: 'g1',
            createdAt: at('2026-12-01T10:01:00Z'),
          },
          {
            role: 'assistant',
            content: 'a',
            message: { role: 'assistant', content: 'a' },
            generationId: 'g1',
            createdAt: at('2026-12-01T10:01:00Z'),
          },
          { role: 'user', content: 'q2', message: rich[0], generationId: 'g2', createdAt: second },
          { role: 'assistant', content: '', message: rich[1], generationId: 'g2', createdAt: second },
          { role: 'tool', content: 'r', message: rich[2], generationId: 'g2', createdAt: second },
        ]);

        const change = { modelId: null, poolName: 'p', revision: 2, updatedAt: at('2026-12-01T10:03:00Z'), params: { temperature: 1 } };
        expect(await sessions.swapTarget(id, 1, change)).toBe(true);
        expect(await sessions.swapTarget(id, 1, { ...change, revision: 3 })).toBe(false); // a stale revision changes nothing
        expect(await sessions.find(id)).toMatchObject({
          modelId: null,
          poolName: 'p',
          revision: 2,
          params: { temperature: 1 },
          updatedAt: change.updatedAt,
        });
        const entry = {
          id: 'w1',
          sessionId: id,
          revision: 2,
          fromTarget: 'm1',
          toTarget: 'p',
          latencyMs: 0.5,
          switchedAt: change.updatedAt,
        };
        await sessions.logSwitch(entry);
        expect(await sessions.switches(id)).toEqual([entry]);
      });
    });

    describe('SessionService history', () => {
      const system = { role: 'system' as const, content: 'You answer about railway yards.' };
      /** A service over the repository alone: fittedHistory, appendTurn and droppedCount use nothing else. */
      const serviceOf = (repository: SessionRepository, bounds = { maxHistoryMessages: 1000, maxHistoryBytes: 1 << 30 }) =>
        new SessionService({
          repository,
          clock: { now: () => Date.parse('2026-12-01T10:00:00Z') },
          historyBounds: () => bounds,
        } as unknown as SessionServiceDeps);
      async function newSession(repository: SessionRepository, id: string): Promise<string> {
        await repository.insert({
          id,
          apiKeyId: null,
          modelId: 'm1',
          poolName: null,
          params: {},
          revision: 1,
          createdAt: at('2026-12-01T10:00:00Z'),
          updatedAt: at('2026-12-01T10:00:00Z'),
        });
        return id;
      }
      /** What the session's history queries load: rows and content characters, by spying on the connection they run on. */
      function countReads() {
        const connection = orm.em.getConnection();
        const execute = connection.execute.bind(connection) as (...args: unknown[]) => Promise<unknown>;
        const loaded = { rows: 0, chars: 0 };
        const spy = vi.spyOn(connection, 'execute').mockImplementation((async (...args: unknown[]) => {
          const result = await execute(...args);
          if (/from session_messages/.test(String(args[0])) && Array.isArray(result)) {
            loaded.rows += result.length;
            for (const row of result as Array<{ content?: string }>) loaded.chars += row.content?.length ?? 0;
          }
          return result;
        }) as never);
        return { loaded, restore: () => spy.mockRestore() };
      }

      it('should fit a turn exactly as fitHistory does over the whole history, for every window', async () => {
        const repository = new SessionRepository(orm);
        const service = serviceOf(repository);
        const id = await newSession(repository, 'c0000000-0000-4000-8000-000000000001');
        await repository.appendMessages(
          id,
          [system, { role: 'user', content: 'first question' }, { role: 'assistant', content: 'first answer' }],
          'g0',
          at('2026-12-01T10:00:00Z'),
        );
        for (let i = 1; i <= 30; i++) {
          const words = 'signal points junction '.repeat(1 + ((i * 7) % 13));
          const turn = [
            { role: 'user' as const, content: `question ${i}: ${words}` },
            ...(i % 10 === 0 ? [{ role: 'system' as const, content: `rule ${i}` }] : []),
            { role: 'assistant' as const, content: `answer ${i}: ${words}` },
          ];
          await repository.appendMessages(id, turn, `g${i}`, at('2026-12-01T10:00:00Z'));
        }
        const whole = await repository.history(id);
        const fresh = [{ role: 'user' as const, content: 'and the next one?' }];
        // Counting is exact within a CPU budget (TokenCounter): warm the tokenizer first, so that a
        // cold start (JIT, merge cache) does not push one side of the comparison into estimating.
        countTokens('signal points junction question answer rule '.repeat(2_000));
        for (const window of [null, 20, 120, 300, 1000, 2500, 5000, 100_000]) {
          const expected = fitHistory(
            whole.map((m) => m.message),
            fresh,
            window,
            50,
          );
          const fitted = await service.fittedHistory(id, fresh, window, 50);
          expect({ window, ...fitted, messages: fitted.messages.map(({ role, content }) => ({ role, content })) }).toEqual({
            window,
            ...expected,
            messages: expected.messages.map(({ role, content }) => ({ role, content })),
          });
        }
      });

      it('should read a bounded amount per turn however long the session grows', async () => {
        const repository = new SessionRepository(orm);
        const service = serviceOf(repository);
        const id = await newSession(repository, 'c0000000-0000-4000-8000-000000000002');
        const long = 'the quick brown fox jumps over the lazy dog '.repeat(2_000); // 88 KB, ~18,000 tokens
        const fresh = [{ role: 'user' as const, content: 'go on' }];
        const reads: Array<{ rows: number; chars: number; dropped: number }> = [];
        for (let turn = 1; turn <= 60; turn++) {
          const n = String(turn).padStart(2, '0');
          await repository.appendMessages(
            id,
            [
              { role: 'user', content: `${n} ${long}` },
              { role: 'assistant', content: `${n} ${long}` },
            ],
            `g${turn}`,
            at('2026-12-01T10:00:00Z'),
          );
          if (turn !== 5 && turn !== 60) continue;
          const { loaded, restore } = countReads();
          const fitted = await service.fittedHistory(id, fresh, 64_000, 1000); // the window takes 3 of these messages
          restore();
          reads.push({ ...loaded, dropped: fitted.dropped });
          expect(fitted.messages).toHaveLength(4);
        }
        // 120 stored messages (10.5 MB) or 10: a turn loads the same few pages of rows either way.
        expect(reads.map((r) => r.dropped)).toEqual([7, 117]);
        expect(reads[1]?.rows).toBe(reads[0]?.rows);
        expect(reads[1]?.chars).toBe(reads[0]?.chars);
        // What the window takes (3 messages) and at most a page's bytes more: not the 10.5 MB stored.
        expect(reads[1]?.chars).toBeLessThanOrEqual(3 * (long.length + 3) + HISTORY_PAGE_BYTES);
      });

      it('should drop the oldest whole turns past the bounds, keep the newest turn, and count what it dropped', async () => {
        const repository = new SessionRepository(orm);
        const bounds = { maxHistoryMessages: 5, maxHistoryBytes: 1000 };
        const service = serviceOf(repository, bounds);
        const id = await newSession(repository, 'c0000000-0000-4000-8000-000000000003');
        const contents = async () => (await repository.history(id)).map((m) => `${m.generationId}:${m.content.slice(0, 12)}`);
        await service.appendTurn(id, [system, { role: 'user', content: 'q1' }, { role: 'assistant', content: 'a1' }], 'g1');
        await service.appendTurn(
          id,
          [
            { role: 'user', content: 'q2' },
            { role: 'assistant', content: 'a2' },
          ],
          'g2',
        );
        expect(await contents()).toEqual(['g1:You answer a', 'g1:q1', 'g1:a1', 'g2:q2', 'g2:a2']);
        expect(await service.droppedCount(id)).toBe(0);
        // A sixth message: the whole first turn goes (its system message with it), not one message of it.
        await service.appendTurn(
          id,
          [
            { role: 'user', content: 'q3' },
            { role: 'assistant', content: 'a3' },
          ],
          'g3',
        );
        expect(await contents()).toEqual(['g2:q2', 'g2:a2', 'g3:q3', 'g3:a3']);
        expect(await service.droppedCount(id)).toBe(3);
        // Past the bytes (UTF-8: 'é' is two): older turns go; the newest turn stays even when it alone is over.
        await service.appendTurn(
          id,
          [
            { role: 'user', content: 'é'.repeat(300) },
            { role: 'assistant', content: 'a4' },
          ],
          'g4',
        );
        expect(await contents()).toEqual(['g3:q3', 'g3:a3', `g4:${'é'.repeat(12)}`, 'g4:a4']);
        await service.appendTurn(
          id,
          [
            { role: 'user', content: 'x'.repeat(2000) },
            { role: 'assistant', content: 'a5' },
          ],
          'g5',
        );
        expect(await contents()).toEqual([`g5:${'x'.repeat(12)}`, 'g5:a5']);
        expect(await service.droppedCount(id)).toBe(9);
        // The numbering goes on after a trim (the 2 KB turn before it is over the bytes: it goes).
        await service.appendTurn(id, [{ role: 'user', content: 'q6' }], 'g6');
        expect((await repository.conversationBefore(id, null, 10)).messages.map((m) => m.seq)).toEqual([12]);
        expect(await service.droppedCount(id)).toBe(11);
      });
    });

    describe('ModelRepository', () => {
      it('should create, find, change and list models in units of work', async () => {
        const models = new ModelRepository(orm);
        const work = models.begin();
        const created = work.create({ id: 'cfg', provider: 'mock', status: 'PENDING', source: 'CONFIG', configHash: 'h1' });
        created.upstreamModel = 'up';
        work.create({ id: 'api', provider: 'mock', status: 'DISABLED', source: 'API', configHash: null });
        await work.flush();

        const next = models.begin();
        const found = await next.find('cfg');
        expect(found).toMatchObject({
          id: 'cfg',
          upstreamModel: 'up',
          status: 'PENDING',
          configHash: 'h1',
          capabilities: [],
          defaults: {},
          limits: {},
        });
        expect((await next.all()).map((m) => m.id).sort()).toEqual(['api', 'cfg']);
        expect((await next.configManaged()).map((m) => m.id)).toEqual(['cfg']);
        expect((await next.inService()).map((m) => m.id)).toEqual(['cfg']);
        (found as NonNullable<typeof found>).status = 'HEALTHY';
        next.discard(); // a refused change is not stored
        await next.flush();
        expect((await models.begin().find('cfg'))?.status).toBe('PENDING');
        const last = models.begin();
        const entity = await last.find('cfg');
        (entity as NonNullable<typeof entity>).status = 'HEALTHY';
        await last.flush();
        expect((await models.begin().find('cfg'))?.status).toBe('HEALTHY');
        expect(await models.begin().find('none')).toBeNull();
      });
    });

    describe('PoolRepository', () => {
      it('should create, replace, find, list and delete pools', async () => {
        const pools = new PoolRepository(orm);
        const pool = {
          name: 'p1',
          strategy: 'WEIGHTED' as const,
          members: [{ modelId: 'm1', weight: 2 }],
          retry: null,
          sticky: false,
          stickyTtlSeconds: null,
          source: 'CONFIG' as const,
          configHash: 'h',
          updatedAt: at('2026-12-01T10:00:00Z'),
        };
        expect(await pools.save(pool)).toMatchObject({ name: 'p1', members: [{ modelId: 'm1', weight: 2 }], retry: {} });
        await pools.save({
          ...pool,
          strategy: 'ROUND_ROBIN',
          retry: { attempts: 2 },
          sticky: true,
          stickyTtlSeconds: 600,
          configHash: null,
          source: 'API',
        });
        expect(await pools.find('p1')).toEqual({
          record: expect.objectContaining({
            strategy: 'ROUND_ROBIN',
            retry: { attempts: 2 },
            sticky: true,
            stickyTtlSeconds: 600,
            source: 'API',
          }),
          configHash: null,
        });
        expect((await pools.all()).map((p) => p.record.name)).toEqual(['p1']);
        expect(await pools.delete('p1')).toMatchObject({ name: 'p1' });
        expect(await pools.delete('p1')).toBeUndefined();
        expect(await pools.find('p1')).toBeUndefined();
      });
    });

    describe('ApiKeyRepository', () => {
      it('should store keys by hash, list and find them, set budgets, revoke, and keep the bootstrap key in step', async () => {
        const keys = new ApiKeyRepository(orm);
        const key = await keys.insert({
          id: 'k1',
          name: 'one',
          prefix: 'sy_abc',
          secretHash: 'a'.repeat(64),
          scopes: ['client'],
          requestsPerMinute: 5,
          models: ['mock-a', 'openai/*'],
          budget: { dailyMicroUsd: 10, monthlyMicroUsd: null },
          createdAt: at('2026-12-01T09:00:00Z'),
        });
        expect(key).toMatchObject({
          id: 'k1',
          createdAt: at('2026-12-01T09:00:00Z'),
          scopes: ['client'],
          requestsPerMinute: 5,
          models: ['mock-a', 'openai/*'],
          budget: { dailyMicroUsd: 10, monthlyMicroUsd: null },
          revokedAt: null,
        });
        expect(await keys.findBySecretHash('a'.repeat(64))).toEqual(key);
        expect(await keys.findMany(['none', 'k1'])).toEqual([null, key]);
        expect(await keys.setBudget('k1', { monthlyMicroUsd: 99 })).toMatchObject({ budget: { dailyMicroUsd: 10, monthlyMicroUsd: 99 } });
        expect(await keys.setBudget('k1', { dailyMicroUsd: null })).toMatchObject({ budget: { dailyMicroUsd: null, monthlyMicroUsd: 99 } });
        expect(await keys.setBudget('none', { dailyMicroUsd: 1 })).toBeUndefined();
        const revoked = await keys.revoke('k1', at('2026-12-01T10:00:00Z'));
        expect(revoked?.revokedAt).toEqual(at('2026-12-01T10:00:00Z'));
        expect((await keys.revoke('k1', at('2026-12-02T00:00:00Z')))?.revokedAt).toEqual(at('2026-12-01T10:00:00Z')); // the first time stays
        expect(await keys.revoke('none', at('2026-12-01T10:00:00Z'))).toBeUndefined();

        await keys.syncBootstrap('boot', 'bootstrap', { hash: 'b'.repeat(64), prefix: 'boot12' }, at('2026-12-01T10:00:00Z'));
        await keys.syncBootstrap('boot', 'bootstrap', { hash: 'c'.repeat(64), prefix: 'boot34' }, at('2026-12-01T10:00:00Z')); // rotated
        expect(await keys.findBySecretHash('b'.repeat(64))).toBeUndefined();
        expect(await keys.findBySecretHash('c'.repeat(64))).toMatchObject({
          id: 'boot',
          prefix: 'boot34',
          scopes: ['admin'],
          revokedAt: null,
        });
        await keys.syncBootstrap('boot', 'bootstrap', null, at('2026-12-01T11:00:00Z')); // the variable is gone
        expect((await keys.findBySecretHash('c'.repeat(64)))?.revokedAt).toEqual(at('2026-12-01T11:00:00Z'));
        expect((await keys.list()).map((k) => k.id)).toEqual(expect.arrayContaining(['k1', 'boot']));
      });
    });
  }
});
