import type { Redis } from 'ioredis';

/**
 * Which instance sends an open circuit's probe: the one whose `SET NX` wins, held for `holdMs`
 * (the breaker's cool-down). Redis down: every instance probes on its own (answers true).
 */
export function redisProbeLock(redis: Redis, prefix: string, holdMs: number): (modelId: string) => Promise<boolean> {
  return (modelId) =>
    redis.set(`${prefix}probe:${modelId}`, '1', 'PX', holdMs, 'NX').then(
      (answer) => answer === 'OK',
      () => true,
    );
}
