import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/**
 * The Redis the multi-instance tests use: SWITCHYARD_TEST_REDIS_URL, else this machine kind's
 * (127.0.0.1:6379). Each test takes a prefix of its own, so runs never hear each other. Outside
 * CI a machine without it skips those tests with a warning; in CI they must run.
 */
export const REDIS_URL = process.env.SWITCHYARD_TEST_REDIS_URL || 'redis://127.0.0.1:6379';

let reachable: Promise<boolean> | undefined;

export function redisReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2_000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
      return true;
    } catch (error) {
      if (process.env.CI) throw new Error(`Redis at ${REDIS_URL} is required in CI: ${String(error)}`);
      console.warn(`Redis tests skipped: ${REDIS_URL} does not answer (${String(error)})`);
      return false;
    } finally {
      client.disconnect();
    }
  })();
  return reachable;
}

/** A key and channel prefix no other test uses. */
export const redisPrefix = () => `sy-test-${randomBytes(6).toString('hex')}:`;
