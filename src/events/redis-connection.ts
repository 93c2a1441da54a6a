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
  const options = { lazyConnect: false, enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: (attempt: number) => Math.min(attempt * 200, 2_000) };
  const publisher = new Redis(url, { ...options, connectionName: 'switchyard' });
  // The subscriber's PSUBSCRIBE is sent when it connects (the offline queue holds only that).
  const subscriber = new Redis(url, { ...options, enableOfflineQueue: true, connectionName: 'switchyard-events' });
  let up = false;
  publisher.on('ready', () => {
    connected.set(1);
    if (!up) logger.info('redis: connected');
    up = true;
  });
  const down = (error?: Error) => {
    connected.set(0);
    if (up) logger.warn({ err: error }, 'redis: connection lost; reconnecting (events from other instances are missed meanwhile)');
    up = false;
  };
  publisher.on('error', (error: Error) => {
    if (up) down(error);
  });
  publisher.on('close', () => down());
  subscriber.on('error', () => undefined); // the publisher's state is the one reported
  connected.set(0);
  return {
    publisher,
    subscriber,
    async ping(timeoutMs = 1_000) {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([publisher.ping(), new Promise((_resolve, reject) => (timer = setTimeout(() => reject(new Error('redis: no answer')), timeoutMs)))]);
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
