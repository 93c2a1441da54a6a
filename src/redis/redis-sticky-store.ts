import type { Redis } from 'ioredis';
import type { StickyStore } from '../core/ports/stores.js';

/**
 * The StickyStore the instances share: one Redis key per stickiness key (`<prefix>sticky:<key>`,
 * the member's id as its value, its TTL in Redis), so every instance sends a conversation to the
 * same member. Redis down or slow (the connection's 1 s command timeout): `member` answers
 * undefined and `remember` does nothing — the pool's strategy picks, the request goes on.
 */
export class RedisStickyStore implements StickyStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  async member(key: string): Promise<string | undefined> {
    try {
      return (await this.redis.get(`${this.prefix}sticky:${key}`)) ?? undefined;
    } catch (error) {
      this.onError(error);
      return undefined;
    }
  }

  async remember(key: string, modelId: string, ttlMs: number): Promise<void> {
    try {
      await this.redis.set(`${this.prefix}sticky:${key}`, modelId, 'PX', Math.max(1, Math.round(ttlMs)));
    } catch (error) {
      this.onError(error);
    }
  }
}
