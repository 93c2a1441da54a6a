import { afterAll, describe, expect, it } from 'vitest';
import { REDIS_URL, redisPrefix, redisReachable } from '../helpers/redis.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { MOCK_MODEL } from '../helpers/test-config.js';

/**
 * Two gateways on one Redis (REDIS_URL, one prefix) share the response cache: an answer one
 * stored serves the same request on the other. In-process apps, not processes: the cache is all
 * that is shared here.
 */
const redis = await redisReachable();
const apps: TestApp[] = [];
afterAll(async () => {
  await Promise.all(apps.map((a) => a.dispose()));
});

describe.skipIf(!redis)('response cache shared through Redis', () => {
  it('serves on one instance the answer the other stored, and counts the lookups in switchyard_cache_lookups_total', async () => {
    const env = { REDIS_URL, REDIS_PREFIX: redisPrefix() };
    const file = { cache: { mode: 'exact', scope: 'shared' }, models: [MOCK_MODEL] };
    for (let i = 0; i < 2; i++) apps.push(await startTestApp({ env, file }));
    const [one, two] = await Promise.all(apps.map((a) => a.listen()));
    const ask = (base: string | undefined) =>
      fetch(`${base}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'mock-a', messages: [{ role: 'user', content: 'asked on one, answered on both' }] }),
      });
    const first = await ask(one);
    expect(first.headers.get('x-switchyard-cache')).toBe('miss');
    const answer = (await first.json()) as { choices: Array<{ message: { content: string } }> };
    const second = await ask(two);
    expect(second.headers.get('x-switchyard-cache')).toBe('hit');
    expect(((await second.json()) as typeof answer).choices[0]?.message.content).toBe(answer.choices[0]?.message.content);

    const metrics = await (await fetch(`${two}/metrics`)).text();
    expect(metrics).toMatch(/switchyard_cache_lookups_total\{result="hit"\} 1\b/);
    expect(metrics).not.toMatch(/switchyard_cache_lookups_total\{result="miss"\}/);
  });
});
