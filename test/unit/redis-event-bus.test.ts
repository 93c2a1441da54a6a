import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventTopics, Topic } from '../../src/core/ports/event-bus.js';
import { decodeEvent, encodeEvent } from '../../src/redis/event-codec.js';
import { RedisEventBus } from '../../src/redis/redis-event-bus.js';
import { REDIS_URL, redisPrefix, redisReachable } from '../helpers/redis.js';

const redis = await redisReachable();
const opened: Redis[] = [];
afterEach(() => {
  for (const client of opened.splice(0)) client.disconnect();
});

function connection(): Redis {
  const client = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  opened.push(client);
  return client;
}

function instance(prefix: string, onRemote?: <T extends Topic>(topic: T, event: EventTopics[T]) => void) {
  return new RedisEventBus(connection(), connection(), prefix, { logger: pino({ level: 'silent' }), ...(onRemote ? { onRemote } : {}) });
}

describe('event codec', () => {
  it('should carry Dates through JSON as Dates, anywhere in an event, and leave date-like text alone', () => {
    const event = {
      at: new Date(1_700_000_000_123),
      model: { createdAt: new Date(0), lastHealthCheck: { checkedAt: new Date(5) } },
      list: [new Date(7)],
      text: '2026-12-01T00:00:00.000Z',
    };
    expect(decodeEvent(encodeEvent(event))).toEqual(event);
  });
});

describe.skipIf(!redis)('RedisEventBus', () => {
  it('should deliver each instance’s events to the other instances’ subscribers in order, Dates intact, and to its own at once', async () => {
    const prefix = redisPrefix();
    const remote: string[] = [];
    const a = instance(prefix);
    const b = instance(prefix, (topic, event) => remote.push(`${topic}:${(event as { apiKeyId?: string }).apiKeyId}`));
    const elsewhere = instance(redisPrefix());
    const onB = b.subscribe('apiKeyRevoked');
    const onA = a.subscribe('apiKeyRevoked');
    const onElsewhere = elsewhere.subscribe('apiKeyRevoked');
    await Promise.all([a.subscribed, b.subscribed, elsewhere.subscribed]);
    for (let i = 0; i < 20; i++) a.publish('apiKeyRevoked', { apiKeyId: `k${i}`, at: new Date(i) });
    const got = [];
    for (let i = 0; i < 20; i++) got.push((await onB.next()).value);
    expect(got).toEqual(Array.from({ length: 20 }, (_, i) => ({ apiKeyId: `k${i}`, at: new Date(i) })));
    expect(remote).toEqual(Array.from({ length: 20 }, (_, i) => `apiKeyRevoked:k${i}`)); // the registries' hook, for remote events only
    expect((await onA.next()).value).toEqual({ apiKeyId: 'k0', at: new Date(0) }); // its own: once, not again from Redis
    b.publish('apiKeyRevoked', { apiKeyId: 'from-b', at: new Date(99) });
    const fromB = [];
    for (let i = 1; i < 21; i++) fromB.push((await onA.next()).value?.apiKeyId);
    expect(fromB.at(-1)).toBe('from-b');
    expect(fromB.filter((id) => id === 'k0')).toEqual([]); // no duplicate of its own first event
    // Another prefix (another deployment, another test) hears nothing.
    const race = await Promise.race([onElsewhere.next(), new Promise((resolve) => setTimeout(() => resolve('nothing'), 300))]);
    expect(race).toBe('nothing');
    await Promise.all([onA.return?.(), onB.return?.(), onElsewhere.return?.()]);
  });
});
