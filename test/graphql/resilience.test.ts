import { afterEach, describe, expect, it } from 'vitest';
import type { FakeUpstream } from '../fakes/fake-upstream.js';
import { fixture, fixtureJson, OPENAI_TEST_KEY, startOpenAIFake } from '../fakes/vendors.js';
import { CircuitQuery, CreateApiKey, GenerateRouted, PoolsQuery, SetModelPool } from '../helpers/documents.js';
import { expectData, expectError } from '../helpers/graphql.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import type { Clock } from '../../src/core/ports/clock.js';
import { systemClock } from '../../src/util/system-clock.js';

const fakes: FakeUpstream[] = [];
let t: TestApp | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
  await Promise.all(fakes.splice(0).map((f) => f.dispose()));
});

const unavailable = { type: 'json' as const, status: 503, body: fixtureJson('openai/error-500.json') };
const completionCalls = (fake: FakeUpstream) => fake.calls.filter((c) => c.path === '/v1/chat/completions').length;

/**
 * Two OpenAI-format upstreams, A and B, as models gpt-a and gpt-b, and the pool `both` over them.
 * Time is a ManualClock unless a test asks for the system's: cool-downs end when the test
 * advances it, and back-off waits take no time (they are recorded in `clock.sleeps`).
 */
async function start<C extends Clock = ManualClock>(
  routing: Record<string, unknown> = {},
  extra: { models?: Record<string, unknown>; env?: Record<string, string> } = {},
  clock: C = new ManualClock() as unknown as C,
) {
  const a = await startOpenAIFake();
  const b = await startOpenAIFake();
  fakes.push(a, b);
  t = await startTestApp({
    env: { OPENAI_API_KEY: OPENAI_TEST_KEY, ...extra.env },
    file: {
      security: { allowPrivateEndpoints: true },
      routing: { retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 }, ...routing },
      models: [
        { id: 'gpt-a', provider: 'openai', upstreamModel: 'gpt-4', baseUrl: `${a.url}/v1`, ...extra.models },
        { id: 'gpt-b', provider: 'openai', upstreamModel: 'gpt-4', baseUrl: `${b.url}/v1` },
      ],
      pools: [{ name: 'both', strategy: 'ROUND_ROBIN', members: [{ modelId: 'gpt-a' }, { modelId: 'gpt-b' }] }],
    },
    overrides: { clock },
  });
  return { a, b, t, clock };
}

describe('pools, retries and fallbacks', () => {
  it('should answer every request from the healthy member when the other answers 503', async () => {
    const { a, b, t } = await start();
    a.respond('POST /v1/chat/completions', unavailable);
    for (let i = 0; i < 6; i++) {
      const { generate } = expectData(await t.run(GenerateRouted, { input: { pool: 'both', prompt: `p${i}` } }));
      expect(generate).toMatchObject({ status: 'SUCCEEDED', modelId: 'gpt-b', poolName: 'both' });
    }
    expect(completionCalls(b)).toBe(6);
    expect(completionCalls(a)).toBe(3); // round robin sent every other request to A first; each fell back to B
    const { generations } = await t.app.services.generationRepository.page({}, 10).then((p) => ({ generations: p.items }));
    const fallenBack = generations.filter((g) => g.attempts.length === 2);
    expect(fallenBack).toHaveLength(3);
    expect(fallenBack[0]?.attempts).toMatchObject([
      { modelId: 'gpt-a', outcome: 'FAILED', httpStatus: 503, errorCode: 'UPSTREAM_ERROR' },
      { modelId: 'gpt-b', outcome: 'SUCCEEDED' },
    ]);
    const metrics = await t.app.services.metrics.registry.metrics();
    expect(metrics).toContain('switchyard_fallbacks_total{from="gpt-a",to="gpt-b"} 3');
  });

  it('should honour Retry-After on a 429 and succeed on the retry', async () => {
    const { a, t, clock } = await start();
    a.respond(
      'POST /v1/chat/completions',
      { type: 'json', status: 429, body: fixtureJson('openai/error-429.json'), headers: { 'retry-after-ms': '250' } },
      { type: 'sse', body: (await import('../fakes/vendors.js')).fixture('openai/chat-text.sse') },
    );
    const { generate } = expectData(await t.run(GenerateRouted, { input: { model: 'gpt-a', prompt: 'x' } }));
    expect(generate.status).toBe('SUCCEEDED');
    expect(generate.attempts).toMatchObject([
      { outcome: 'FAILED', httpStatus: 429, errorCode: 'RATE_LIMITED' },
      { outcome: 'SUCCEEDED', modelId: 'gpt-a' },
    ]);
    expect(generate.attempts[1]?.delayMs).toBeGreaterThanOrEqual(250);
    expect(clock.sleeps).toEqual([generate.attempts[1]?.delayMs]); // the wait went through the clock
  });

  it('should never retry a 400, and fail RETRY_EXHAUSTED with the attempts when every try fails', async () => {
    const { a, b, t } = await start();
    a.respond('POST /v1/chat/completions', { type: 'json', status: 400, body: fixtureJson('openai/error-400.json') });
    expect(expectError(await t.run(GenerateRouted, { input: { model: 'gpt-a', prompt: 'x' } })).code).toBe('UPSTREAM_ERROR');
    expect(completionCalls(a)).toBe(1);

    a.respond('POST /v1/chat/completions', unavailable);
    b.respond('POST /v1/chat/completions', unavailable);
    const error = expectError(await t.run(GenerateRouted, { input: { pool: 'both', prompt: 'x' } }));
    expect(error.code).toBe('RETRY_EXHAUSTED');
    expect(error.extensions.attempts).toHaveLength(3);
    expect((error.extensions.attempts as { modelId: string }[]).map((x) => x.modelId)).toEqual(['gpt-b', 'gpt-a', 'gpt-b']); // next member before reusing one
  });

  it('should fall back to a model’s configured fallbacks', async () => {
    const { a, b, t } = await start({}, { models: { fallbacks: ['gpt-b'] } });
    a.respond('POST /v1/chat/completions', unavailable);
    expect(expectData(await t.run(GenerateRouted, { input: { model: 'gpt-a', prompt: 'x' } })).generate.modelId).toBe('gpt-b');
    expect(completionCalls(b)).toBe(1);
  });

  it('should fit maxTokens and the cost limit on the pool member it then calls', async () => {
    const a = await startOpenAIFake();
    const b = await startOpenAIFake();
    fakes.push(a, b);
    // Two draws per WEIGHTED order of two members: 0.1 picks gpt-a first, 0.9 picks gpt-b first.
    const draws = [0.1, 0.5, 0.9, 0.5];
    let n = 0;
    t = await startTestApp({
      env: { OPENAI_API_KEY: OPENAI_TEST_KEY },
      file: {
        security: { allowPrivateEndpoints: true },
        models: [
          { id: 'gpt-a', provider: 'openai', upstreamModel: 'gpt-4', baseUrl: `${a.url}/v1`, pricing: { input: 0, output: 1 } }, // 1 micro-USD a token
          { id: 'gpt-b', provider: 'openai', upstreamModel: 'gpt-4', baseUrl: `${b.url}/v1`, pricing: { input: 0, output: 10 } }, // 10 micro-USD a token
        ],
        pools: [{ name: 'priced', strategy: 'WEIGHTED', members: [{ modelId: 'gpt-a' }, { modelId: 'gpt-b' }] }],
      },
      overrides: { random: () => draws[n++ % draws.length] as number },
    });
    const answered: Array<[string, number]> = [];
    for (let i = 0; i < 4; i++) {
      const { generate } = expectData(await t.run(GenerateRouted, { input: { pool: 'priced', prompt: 'x', costLimit: 0.0001 } }));
      answered.push([generate.modelId, generate.maxTokens]);
    }
    // $0.0001 buys 100 tokens on gpt-a and 10 on gpt-b: each request carries the figure of the model that answered it.
    expect(answered).toEqual([
      ['gpt-a', 100],
      ['gpt-b', 10],
      ['gpt-a', 100],
      ['gpt-b', 10],
    ]);
  });

  it('should send nothing to a member drained by weight 0', async () => {
    const { a, b, t } = await start();
    expectData(
      await t.run(SetModelPool, {
        input: {
          name: 'drain',
          strategy: 'WEIGHTED',
          members: [
            { modelId: 'gpt-a', weight: 1 },
            { modelId: 'gpt-b', weight: 0 },
          ],
        },
      }),
    );
    for (let i = 0; i < 5; i++) expectData(await t.run(GenerateRouted, { input: { pool: 'drain', prompt: 'x' } }));
    expect(completionCalls(a)).toBe(5);
    expect(completionCalls(b)).toBe(0);
    const { pools } = expectData(await t.run(PoolsQuery));
    expect(pools.map((p) => [p.name, p.source])).toEqual([
      ['both', 'CONFIG'],
      ['drain', 'API'],
    ]);
  });

  it('should refuse a pool with an unknown member, naming it', async () => {
    await start();
    const error = expectError(
      await t!.run(SetModelPool, { input: { name: 'bad', members: [{ modelId: 'gpt-a' }, { modelId: 'ghost' }] } }),
    );
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message: 'input.members[1].modelId: no model "ghost" is registered' });
  });
});

describe('circuit breaker', () => {
  it('should open after the threshold, leave routing, and close after a good probe', async () => {
    const { a, b, t, clock } = await start({ circuitBreaker: { minRequests: 2, errorRateThreshold: 0.5, coolDownMs: 200 } });
    a.respond('POST /v1/chat/completions', unavailable);
    const events: string[] = [];
    const subscription = t.app.services.bus.subscribe('modelEvents');
    void (async () => {
      for await (const event of subscription) if (event.type === 'CIRCUIT_CHANGED') events.push(`${event.model.id}:${event.circuit}`);
    })();
    for (let i = 0; i < 4; i++) expectData(await t.run(GenerateRouted, { input: { pool: 'both', prompt: 'x' } }));
    const open = expectData(await t.run(CircuitQuery)).models.find((m) => m.id === 'gpt-a');
    expect(open?.circuit).toMatchObject({ state: 'OPEN', requests: 2, errorRate: 1 });
    expect(Date.parse(open?.circuit.reopensAt ?? '') - Date.parse(open?.circuit.openedAt ?? '')).toBe(200);
    const callsWhileOpen = completionCalls(a);
    for (let i = 0; i < 4; i++) expectData(await t.run(GenerateRouted, { input: { pool: 'both', prompt: 'x' } }));
    expect(completionCalls(a)).toBe(callsWhileOpen); // out of routing
    expect(completionCalls(b)).toBeGreaterThanOrEqual(8);

    clock.advance(Date.parse(open?.circuit.reopensAt ?? '') - clock.now() - 1);
    await t.app.services.healthMonitor.tick(); // 1 ms before the cool-down ends: still open, no probe
    expect(expectData(await t.run(CircuitQuery)).models.find((m) => m.id === 'gpt-a')?.circuit.state).toBe('OPEN');
    clock.advance(1); // the cool-down is over
    await t.app.services.healthMonitor.tick(); // the probe (GET /models) succeeds
    expect(expectData(await t.run(CircuitQuery)).models.find((m) => m.id === 'gpt-a')?.circuit.state).toBe('CLOSED');
    expect(events).toEqual(['gpt-a:OPEN', 'gpt-a:HALF_OPEN', 'gpt-a:CLOSED']);
    await subscription.return?.();
    const metrics = await t.app.services.metrics.registry.metrics();
    expect(metrics).toContain('switchyard_circuit_state{model="gpt-a"} 0');
  });
});

describe('an upstream dying under load', () => {
  it('should answer every request from the survivor, open the dead one’s circuit, and close it when it comes back', async () => {
    // Time stands still during the load: no probe runs while A is still dead, however slow the machine.
    const { a, b, t, clock } = await start({
      circuitBreaker: { minRequests: 3, errorRateThreshold: 0.2, coolDownMs: 1_000 },
      retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    });
    const port = Number(new URL(a.url).port);
    const events: string[] = [];
    const subscription = t.app.services.bus.subscribe('modelEvents');
    void (async () => {
      for await (const event of subscription) if (event.type === 'CIRCUIT_CHANGED') events.push(`${event.model.id}:${event.circuit}`);
    })();

    let killed = false;
    const outcomes: string[] = [];
    const worker = async (w: number) => {
      for (let i = 0; i < 10; i++) {
        if (w === 0 && i === 3 && !killed) {
          killed = true;
          await a.dispose(); // mid-load: connections refused from now on
        }
        const result = await t.run(GenerateRouted, { input: { pool: 'both', prompt: `w${w} r${i}` } });
        outcomes.push(result.errors ? `error:${JSON.stringify(result.errors)}` : (result.data?.generate.status ?? 'none'));
      }
    };
    await Promise.all([0, 1, 2, 3].map(worker));
    expect(outcomes).toHaveLength(40);
    expect(outcomes.filter((o) => o !== 'SUCCEEDED')).toEqual([]);
    expect(expectData(await t.run(CircuitQuery)).models.find((m) => m.id === 'gpt-a')?.circuit.state).toBe('OPEN');
    expect(completionCalls(b)).toBeGreaterThan(20); // B carried the load once A was gone

    const revived = await startOpenAIFake(port); // back on the same address
    fakes.push(revived);
    clock.advance(1_000); // the back-offs of the load took a few ms of it already: the cool-down is over
    await t.app.services.healthMonitor.tick();
    expect(expectData(await t.run(CircuitQuery)).models.find((m) => m.id === 'gpt-a')?.circuit.state).toBe('CLOSED');
    expect(events).toEqual(['gpt-a:OPEN', 'gpt-a:HALF_OPEN', 'gpt-a:CLOSED']);
    await subscription.return?.();
    for (let i = 0; i < 4; i++) expectData(await t.run(GenerateRouted, { input: { pool: 'both', prompt: 'again' } }));
    expect(revived.calls.filter((c) => c.path === '/v1/chat/completions').length).toBe(2); // back in rotation
  });
});

describe('rate limits', () => {
  it('should skip a member at its limit, and refuse with RATE_LIMITED and retryAfter when none is left', async () => {
    const { a, b, t } = await start({}, { models: { limits: { requestsPerMinute: 2 } } });
    for (let i = 0; i < 2; i++) expectData(await t.run(GenerateRouted, { input: { model: 'gpt-a', prompt: 'x' } }));
    const refused = expectError(await t.run(GenerateRouted, { input: { model: 'gpt-a', prompt: 'x' } }));
    expect(refused.code).toBe('RATE_LIMITED');
    expect(refused.extensions.retryAfterMs).toBeGreaterThan(0);
    expect(completionCalls(a)).toBe(2);
    expectData(
      await t.run(SetModelPool, {
        input: { name: 'a-first', strategy: 'ROUND_ROBIN', members: [{ modelId: 'gpt-a' }, { modelId: 'gpt-b' }] },
      }),
    );
    expect(expectData(await t.run(GenerateRouted, { input: { pool: 'a-first', prompt: 'x' } })).generate.modelId).toBe('gpt-b');
    expect(completionCalls(b)).toBe(1); // A refusal by a model's own limit is counted under scope "model" (the pool's turn put gpt-b first, so gpt-a was not tried again).
    const metrics = await t.app.services.metrics.registry.metrics();
    expect(metrics).toContain('switchyard_rate_limited_total{scope="model"} 1');
    expect(metrics).not.toContain('switchyard_rate_limited_total{scope="api_key"}');
  });

  it('should count against tokens per minute what a failed attempt had the vendor process', async () => {
    // One attempt only; the first answer fails after its first token ("Partial"), having processed the prompt.
    const { a, t } = await start({ retry: { attempts: 1 } }, { models: { limits: { tokensPerMinute: 60 } } });
    a.respond('POST /v1/chat/completions', { type: 'sse', body: fixture('openai/chat-error-midstream.sse') });
    const input = { input: { model: 'gpt-a', prompt: 'x', params: { maxTokens: 50 } } }; // reserves ~8 + 50 of the 60
    expect(expectError(await t.run(GenerateRouted, input)).code).toBe('UPSTREAM_ERROR');
    // The failed attempt's ~9 tokens (prompt and "Partial") stay in the window: ~9 + ~58 > 60. Settled at 0, it would pass.
    const refused = expectError(await t.run(GenerateRouted, input));
    expect(refused.code).toBe('RATE_LIMITED');
    expect(completionCalls(a)).toBe(1);
  });

  it('should reserve tokens per minute by the cl100k count of the prompt plus maxTokens', async () => {
    const { a, t } = await start({}, { models: { limits: { tokensPerMinute: 60 } } });
    const emoji = '😀'.repeat(20); // 40 cl100k tokens in 40 UTF-16 units (a chars/4 guess would say 10)
    const input = (prompt: string) => ({ input: { model: 'gpt-a', prompt, params: { maxTokens: 1 } } });
    expectData(await t.run(GenerateRouted, input(emoji))); // settles at the vendor's 17 (12 in, 5 out)
    // 17 + (40 + 3 + 3 + 1) = 64 > 60: refused; a short prompt (17 + 8) still fits.
    expect(expectError(await t.run(GenerateRouted, input(emoji))).code).toBe('RATE_LIMITED');
    expectData(await t.run(GenerateRouted, input('x')));
    expect(completionCalls(a)).toBe(2);
  });

  it('should not let a request refused by its key’s limit take a round-robin turn', async () => {
    const admin = 'limits-admin-key-0123456789';
    const { t, clock } = await start({}, { env: { SWITCHYARD_ADMIN_KEY: admin } });
    const { key } = expectData(
      await t.run(CreateApiKey, { input: { name: 'slow', scopes: ['CLIENT'], requestsPerMinute: 1 } }, admin),
    ).createApiKey;
    const served: string[] = [];
    for (let i = 0; i < 3; i++) {
      served.push(expectData(await t.run(GenerateRouted, { input: { pool: 'both', prompt: 'x' } }, key)).generate.modelId);
      expect(expectError(await t.run(GenerateRouted, { input: { pool: 'both', prompt: 'x' } }, key)).code).toBe('RATE_LIMITED');
      clock.advance(61_000);
    }
    expect(served).toEqual(['gpt-b', 'gpt-a', 'gpt-b']); // in turn, as if the refusals had not happened
  });

  it('should hold an API key to its requests per minute', async () => {
    const admin = 'limits-admin-key-0123456789';
    const { t } = await start({}, { env: { SWITCHYARD_ADMIN_KEY: admin } });
    const { key } = expectData(
      await t.run(CreateApiKey, { input: { name: 'slow', scopes: ['CLIENT'], requestsPerMinute: 1 } }, admin),
    ).createApiKey;
    expectData(await t.run(GenerateRouted, { input: { model: 'gpt-b', prompt: 'x' } }, key));
    const refused = expectError(await t.run(GenerateRouted, { input: { model: 'gpt-b', prompt: 'x' } }, key));
    expect(refused.code).toBe('RATE_LIMITED');
    expect(refused.message).toMatch(/^this API key may send 1 requests per minute; retry after \d+ ms$/);
  });
});

/** Retries as above, with a Retry-After cap of 1 s. */
const CAPPED = { retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 1000 } };

describe('one request, bounded', () => {
  it('should fail at once with the vendor’s retryAfterMs when its Retry-After passes maxRetryAfterMs', async () => {
    // A back-off of 10 s: failing "at once" means without it.
    const { a, t, clock } = await start({ retry: { ...CAPPED.retry, baseDelayMs: 10_000, maxDelayMs: 10_000 } });
    a.respond('POST /v1/chat/completions', {
      type: 'json',
      status: 429,
      headers: { 'retry-after': '120' },
      body: fixtureJson('openai/error-429.json'),
    });
    const error = expectError(await t.run(GenerateRouted, { input: { model: 'gpt-a', prompt: 'hi' } }));
    expect(clock.sleeps).toEqual([]); // no back-off was waited
    expect(error).toMatchObject({ code: 'RATE_LIMITED', extensions: { retryAfterMs: 120_000 } });
    expect(completionCalls(a)).toBe(1);
  });

  it('should move to another pool member instead when the vendor asks for a wait past the cap', async () => {
    const { a, b, t } = await start(CAPPED);
    a.respond('POST /v1/chat/completions', {
      type: 'json',
      status: 503,
      headers: { 'retry-after': '600' },
      body: fixtureJson('openai/error-500.json'),
    });
    b.respond('POST /v1/chat/completions', {
      type: 'json',
      status: 503,
      headers: { 'retry-after': '600' },
      body: fixtureJson('openai/error-500.json'),
    });
    const error = expectError(await t.run(GenerateRouted, { input: { pool: 'both', prompt: 'hi' } }));
    expect(error).toMatchObject({ code: 'UPSTREAM_ERROR', extensions: { retryAfterMs: 600_000 } });
    expect([completionCalls(a), completionCalls(b)]).toEqual([1, 1]); // each once, neither retried
  });

  it('should give a request one deadline: a stalled stream is not given totalMs again on each retry', async () => {
    // The system clock: the vendor's stall is real time (the transport's own timeout), and so must be the deadline.
    const { a, t } = await start(CAPPED, { models: { timeouts: { totalMs: 400 } } }, systemClock);
    a.respond('POST /v1/chat/completions', { type: 'hang' });
    const error = expectError(await t.run(GenerateRouted, { input: { model: 'gpt-a', prompt: 'hi' } }));
    expect(error.message).toContain('no complete answer within');
    expect(completionCalls(a)).toBe(1); // three attempts of 400 ms each before the fix
  });

  it('should not retry a redirect, and say what to fix', async () => {
    const { a, t } = await start(CAPPED);
    a.respond('POST /v1/chat/completions', {
      type: 'json',
      status: 302,
      headers: { location: 'https://elsewhere.example/v1/chat/completions' },
      body: {},
    });
    const error = expectError(await t.run(GenerateRouted, { input: { model: 'gpt-a', prompt: 'hi' } }));
    expect(error).toMatchObject({
      code: 'UPSTREAM_ERROR',
      message:
        "openai answered 302, a redirect to https://elsewhere.example/v1/chat/completions; set the model's baseUrl to the API's own address",
    });
    expect(completionCalls(a)).toBe(1);
  });
});
