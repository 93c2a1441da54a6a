import type { Redis } from 'ioredis';
import type { Clock } from '../core/ports/clock.js';
import { redisScripts } from './redis-scripts.js';
import type { RateResult, RateStore, WindowLimits, WindowUsage } from '../core/ports/stores.js';
import { WINDOW_MS } from '../routing/rate-limiter.js';

const BUCKET_MS = 1_000;

/**
 * Drops the buckets that left the window and sums the rest. KEYS: requests hash, tokens hash
 * (field: bucket start ms). ARGV[1]: now. Leaves `requests`, `tokens` and `oldest` set.
 */
const WINDOW = `
local horizon = tonumber(ARGV[1]) - ${WINDOW_MS}
local requests, tokens, oldest = 0, 0, nil
local fields = redis.call('HGETALL', KEYS[1])
for i = 1, #fields, 2 do
  local start = tonumber(fields[i])
  if start + ${BUCKET_MS} <= horizon then
    redis.call('HDEL', KEYS[1], fields[i])
    redis.call('HDEL', KEYS[2], fields[i])
  else
    requests = requests + tonumber(fields[i + 1])
    tokens = tokens + tonumber(redis.call('HGET', KEYS[2], fields[i]) or '0')
    if not oldest or start < oldest then oldest = start end
  end
end
`;

/**
 * One request and ARGV[2] tokens, if they fit ARGV[3] requests / ARGV[4] tokens per minute (-1:
 * none). Answers {1, bucket} or {0, retryAfterMs}.
 */
const RESERVE = `${WINDOW}
local limitRequests, limitTokens, want = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[2])
if (limitRequests >= 0 and requests + 1 > limitRequests) or (limitTokens >= 0 and tokens > 0 and tokens + want > limitTokens) then
  local wait = ${BUCKET_MS}
  if oldest then wait = math.max(1, oldest + ${BUCKET_MS} + ${WINDOW_MS} - tonumber(ARGV[1])) end
  return {0, wait}
end
local bucket = tostring(math.floor(tonumber(ARGV[1]) / ${BUCKET_MS}) * ${BUCKET_MS})
redis.call('HINCRBY', KEYS[1], bucket, 1)
redis.call('HINCRBY', KEYS[2], bucket, want)
redis.call('PEXPIRE', KEYS[1], ${WINDOW_MS + 2 * BUCKET_MS})
redis.call('PEXPIRE', KEYS[2], ${WINDOW_MS + 2 * BUCKET_MS})
return {1, tonumber(bucket)}
`;

const USAGE = `${WINDOW}
local reset = 0
if oldest then reset = math.max(0, oldest + ${BUCKET_MS} + ${WINDOW_MS} - tonumber(ARGV[1])) end
return {requests, tokens, reset}
`;

/** Replaces a reservation's tokens in its bucket (if the bucket is still in the window). ARGV: bucket, delta. */
const SETTLE = `
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then redis.call('HINCRBY', KEYS[2], ARGV[1], ARGV[2]) end
return 1
`;

/**
 * The RateStore of several instances, in Redis: per key a sliding one-minute window of 1 s
 * buckets (two hashes, requests and tokens), checked and counted by one Lua script, so the
 * instances share each key's and each model's limits. When Redis does not answer the store
 * follows `failOpen`: true lets the request through (counted, logged), false refuses it as rate
 * limited for a second.
 */
export class RedisRateStore implements RateStore {
  readonly #scripts: Record<'rateReserve' | 'rateUsage' | 'rateSettle', (...args: string[]) => Promise<unknown>>;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    private readonly clock: Pick<Clock, 'now'>,
    private readonly failOpen: boolean,
    private readonly onUnavailable: (error: unknown) => void,
  ) {
    this.#scripts = redisScripts(redis, {
      rateReserve: { keys: 2, lua: RESERVE },
      rateUsage: { keys: 2, lua: USAGE },
      rateSettle: { keys: 2, lua: SETTLE },
    });
  }

  async tryReserve(key: string, limits: WindowLimits, tokens: number): Promise<RateResult> {
    const keys = this.#keys(key);
    let answer: number[];
    try {
      answer = (await this.#scripts.rateReserve(
        ...keys,
        String(this.clock.now()),
        String(Math.max(0, Math.round(tokens))),
        String(limits.requestsPerMinute ?? -1),
        String(limits.tokensPerMinute ?? -1),
      )) as number[];
    } catch (error) {
      this.onUnavailable(error);
      return this.failOpen ? { ok: true, reservation: { settle: () => undefined } } : { ok: false, retryAfterMs: 1_000 };
    }
    if (answer[0] !== 1) return { ok: false, retryAfterMs: Number(answer[1]) };
    const bucket = String(answer[1]);
    let open = true;
    return {
      ok: true,
      reservation: {
        settle: (actual) => {
          if (!open) return;
          open = false;
          const delta = Math.round(actual) - Math.round(tokens);
          if (delta !== 0) this.#scripts.rateSettle(...keys, bucket, String(delta)).catch(() => undefined);
        },
      },
    };
  }

  async usage(key: string): Promise<WindowUsage> {
    const [requests, tokens, resetMs] = (await this.#scripts.rateUsage(...this.#keys(key), String(this.clock.now()))) as number[];
    return { requests: Number(requests), tokens: Number(tokens), resetMs: Number(resetMs) };
  }

  #keys(key: string): [string, string] {
    const base = `${this.prefix}rate:${key}`;
    return [`${base}:r`, `${base}:t`];
  }
}
