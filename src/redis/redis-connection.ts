import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Gauge } from 'prom-client';

/** The Redis connections of one instance: one for commands and publishing, one for subscriptions. */
export interface RedisConnections {
  readonly publisher: Redis;
  readonly subscriber: Redis;
  /** Resolves when Redis answers a PING within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the instance's Redis connections. ioredis reconnects by itself (backing off up to 2 s)
 * and resubscribes; commands issued while it is down fail at once instead of queueing (a request
 * never waits on a dead Redis). The gauge `switchyard_redis_connected` and a log line follow the
 * connection's state.
 */
export function openRedis(url: string, logger: Logger, connected: Gauge): RedisConnections {
  const retryStrategy = (attempt: number) => Math.min(attempt * 200, 2_000);
  // Commands fail at once while disconnected, and after 1 s without an answer: a request never waits on a dead Redis.
  const publisher = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1_000,
    retryStrategy,
    connectionName: 'switchyard',
  });
  // The subscriber keeps its PSUBSCRIBE queued across reconnects (however long Redis is away).
  const subscriber = new Redis(url, {
    enableOfflineQueue: true,
    maxRetriesPerRequest: null,
    retryStrategy,
    connectionName: 'switchyard-events',
  });
  const ready = { publisher: false, subscriber: false };
  let up = false;
  const update = (error?: Error) => {
    const now = ready.publisher && ready.subscriber;
    connected.set(now ? 1 : 0);
    if (now && !up) logger.info('redis: connected');
    if (!now && up) logger.warn({ err: error }, 'redis: connection lost; reconnecting (events from other instances are missed meanwhile)');
    up = now;
  };
  for (const [name, client] of [
    ['publisher', publisher],
    ['subscriber', subscriber],
  ] as const) {
    client.on('ready', () => {
      ready[name] = true;
      update();
    });
    client.on('close', () => {
      ready[name] = false;
      update();
    });
    client.on('error', (error: Error) => {
      if (client.status !== 'ready') {
        ready[name] = false;
        update(error);
      }
    });
  }
  connected.set(0);
  return {
    publisher,
    subscriber,
    async ping(timeoutMs = 1_000) {
      if (subscriber.status !== 'ready') throw new Error('redis: the event connection is down');
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          publisher.ping(),
          new Promise((_resolve, reject) => (timer = setTimeout(() => reject(new Error('redis: no answer')), timeoutMs))),
        ]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
