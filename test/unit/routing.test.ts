import { describe, expect, it } from 'vitest';
import { RateLimitedError, UpstreamError, InvalidInputError } from '../../src/core/errors.js';
import { CircuitBreaker, DEFAULT_BREAKER } from '../../src/routing/circuit-breaker.js';
import { LatencyTracker, orderPoolMembers } from '../../src/routing/pool-selection.js';
import { SlidingWindowLimiter } from '../../src/routing/rate-limiter.js';
import { DEFAULT_RETRY_POLICY, retryDelayMs, shouldRetry } from '../../src/routing/retry-policy.js';

/** A seeded PRNG so distribution tests are exact and repeatable. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

const ctx = (overrides: Partial<Parameters<typeof orderPoolMembers>[3]> = {}) => ({
  random: seeded(7),
  turn: 0,
  latency: () => undefined,
  ...overrides,
});

describe('orderPoolMembers', () => {
  const members = [
    { modelId: 'a', weight: 70 },
    { modelId: 'b', weight: 20 },
    { modelId: 'c', weight: 10 },
  ];

  it('should pick by weight within statistical bounds', () => {
    const random = seeded(42);
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    const n = 20_000;
    for (let i = 0; i < n; i++) counts[orderPoolMembers(members, 'WEIGHTED', () => true, ctx({ random }))[0] as string]! += 1;
    // Binomial standard deviation at n = 20,000 is under 0.0033 for these shares: 4 sigma bounds.
    expect(Math.abs(counts.a! / n - 0.7)).toBeLessThan(0.014);
    expect(Math.abs(counts.b! / n - 0.2)).toBeLessThan(0.012);
    expect(Math.abs(counts.c! / n - 0.1)).toBeLessThan(0.009);
  });

  it('should list every eligible member once, and never a drained (weight 0) or ineligible one', () => {
    const order = orderPoolMembers([...members, { modelId: 'd', weight: 0 }], 'WEIGHTED', (id) => id !== 'b', ctx());
    expect([...order].sort()).toEqual(['a', 'c']);
  });

  it('should rotate round robin by the turn over the eligible members', () => {
    const rr = (turn: number, eligible = (_: string) => true) => orderPoolMembers(members, 'ROUND_ROBIN', eligible, ctx({ turn }));
    expect(rr(0)).toEqual(['a', 'b', 'c']);
    expect(rr(1)).toEqual(['b', 'c', 'a']);
    expect(rr(2)).toEqual(['c', 'a', 'b']);
    expect(rr(3)).toEqual(['a', 'b', 'c']);
    expect(rr(1, (id) => id !== 'b')).toEqual(['c', 'a']);
  });

  it('should order least latency fastest first, unmeasured before all', () => {
    const latency = (id: string) => ({ a: 300, b: 50 })[id as 'a' | 'b'];
    expect(orderPoolMembers(members, 'LEAST_LATENCY', () => true, ctx({ latency }))).toEqual(['c', 'b', 'a']);
  });

  it('should track latency as an EWMA', () => {
    const tracker = new LatencyTracker(0.5);
    tracker.record('a', 100);
    tracker.record('a', 200);
    expect(tracker.get('a')).toBe(150);
    expect(tracker.get('b')).toBeUndefined();
  });
});

describe('CircuitBreaker', () => {
  function breaker(overrides = {}) {
    let now = 1_000_000;
    const b = new CircuitBreaker(
      { ...DEFAULT_BREAKER, minRequests: 20, errorRateThreshold: 0.05, coolDownMs: 30_000, ...overrides },
      () => now,
    );
    return { b, advance: (ms: number) => (now += ms) };
  }

  it('should take the state another instance’s breaker moved to: open from then, its probe in flight, closed', () => {
    const { b, advance } = breaker();
    b.adopt('OPEN', 1_000_000 - 10_000); // opened elsewhere 10 s ago
    expect([b.state, b.isAvailable(), b.acquire()]).toEqual(['OPEN', false, false]);
    advance(20_000); // the cool-down (30 s from the other's opening) is over
    b.adopt('HALF_OPEN', 1_020_000); // the other instance took the probe
    expect([b.isAvailable(), b.acquire()]).toEqual([false, false]);
    b.adopt('CLOSED', 1_020_100);
    expect([b.state, b.acquire(), b.snapshot().requests]).toEqual(['CLOSED', true, 0]);
    // A probe adopted from an instance that never reports its outcome is given up after a cool-down: this one probes.
    b.adopt('HALF_OPEN', 1_020_100);
    expect(b.isAvailable()).toBe(false);
    advance(30_100); // a cool-down after the adoption
    expect([b.isAvailable(), b.acquire(), b.state]).toEqual([true, true, 'HALF_OPEN']);
    // That probe is cancelled by its caller: no outcome; the next request probes.
    b.releaseProbe();
    expect([b.state, b.isAvailable(), b.acquire()]).toEqual(['OPEN', true, true]);
  });

  it('should stay closed at exactly the threshold and open just past it, once the minimum is reached', () => {
    const { b } = breaker();
    for (let i = 0; i < 19; i++) b.record(true, 10);
    expect(b.record(false, 10)).toBeUndefined(); // 1/20 = 5%: not past the threshold
    expect(b.state).toBe('CLOSED');
    expect(b.record(false, 10)).toBe('OPEN'); // 2/21 > 5%
    expect(b.snapshot()).toMatchObject({ state: 'OPEN', requests: 21, openedAt: 1_000_000, reopensAt: 1_030_000 });
  });

  it('should not open below the minimum number of requests', () => {
    const { b } = breaker();
    for (let i = 0; i < 19; i++) b.record(false, 10);
    expect(b.state).toBe('CLOSED');
  });

  it('should refuse while open, let one probe through after the cool-down, and close on its success', () => {
    const { b, advance } = breaker({ minRequests: 2 });
    b.record(false, 1);
    b.record(false, 1);
    expect(b.acquire()).toBe(false);
    advance(29_999);
    expect(b.isAvailable()).toBe(false);
    advance(1);
    expect(b.acquire()).toBe(true);
    expect(b.state).toBe('HALF_OPEN');
    expect(b.acquire()).toBe(false); // one probe at a time
    expect(b.record(true, 5)).toBe('CLOSED');
    expect(b.snapshot()).toMatchObject({ state: 'CLOSED', requests: 0, openedAt: null });
  });

  it('should open again when the probe fails', () => {
    const { b, advance } = breaker({ minRequests: 1 });
    b.record(false, 1);
    advance(30_000);
    expect(b.acquire()).toBe(true);
    expect(b.record(false, 1)).toBe('OPEN');
    expect(b.snapshot().reopensAt).toBe(1_060_000);
  });

  it('should forget outcomes older than the window (to the bucket)', () => {
    const { b, advance } = breaker({ minRequests: 3 });
    b.record(false, 1);
    b.record(false, 1);
    advance(60_000 + 6_000); // a window plus one bucket (windowMs / buckets)
    b.record(false, 1);
    expect(b.state).toBe('CLOSED');
    expect(b.snapshot().requests).toBe(1);
  });

  it('should open on sustained latency above its threshold', () => {
    const { b } = breaker({ minRequests: 3, latencyThresholdMs: 1000 });
    b.record(true, 1500);
    b.record(true, 1500);
    expect(b.record(true, 1500)).toBe('OPEN');
  });
});

describe('retry policy', () => {
  it.each([
    [new UpstreamError('x', { status: 500 }), true],
    [new UpstreamError('x', { status: 529 }), true],
    [new UpstreamError('x', { status: 408 }), true],
    [new UpstreamError('x', { status: 409 }), true],
    [new RateLimitedError('x', { status: 429 }), true],
    [new UpstreamError('x', { reason: 'connect', retryable: true }), true],
    [new UpstreamError('x', { reason: 'timeout', retryable: true }), true],
    [new UpstreamError('x', { status: 400 }), false],
    [new UpstreamError('x', { status: 401 }), false],
    [new UpstreamError('x', { status: 403 }), false],
    [new UpstreamError('x', { status: 404 }), false],
    [new UpstreamError('x', { status: 422 }), false],
    [InvalidInputError.forField('a', 'b'), false],
  ])('should decide retry for %s: %s', (error, expected) => {
    expect(shouldRetry(error)).toBe(expected);
  });

  it('should say in its contract every status it retries', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(new URL('../../src/routing/retry-policy.ts', import.meta.url), 'utf8');
    const contract = /\/\*\*([\s\S]*?)\*\/\s*export function shouldRetry/.exec(source)?.[1] ?? '';
    const retried = [408, 409, 429, 500, 503, 529].filter((status) => shouldRetry(new UpstreamError('x', { status })));
    expect(retried).toEqual([408, 409, 429, 500, 503, 529]);
    for (const status of [408, 409, 429, 529]) expect(contract).toContain(String(status));
    expect(contract).toContain('5xx');
  });

  it('should back off exponentially with jitter, bounded, honouring Retry-After within the cap', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000 };
    expect(retryDelayMs(2, policy, () => 0)).toBe(50);
    expect(retryDelayMs(2, policy, () => 0.999999)).toBe(100);
    expect(retryDelayMs(3, policy, () => 0.999999)).toBe(200);
    expect(retryDelayMs(10, policy, () => 0.999999)).toBe(1000);
    expect(retryDelayMs(2, policy, () => 0, 3000)).toBe(3000);
    expect(retryDelayMs(2, policy, () => 0, 60_000)).toBe(50); // beyond the cap: not waited for
  });
});

describe('SlidingWindowLimiter', () => {
  it('should admit up to the requests per minute, then say how long to wait', () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter(() => now);
    expect(limiter.tryReserve({ requestsPerMinute: 2 }, 0).ok).toBe(true);
    now = 10_000;
    expect(limiter.tryReserve({ requestsPerMinute: 2 }, 0).ok).toBe(true);
    now = 20_000;
    expect(limiter.tryReserve({ requestsPerMinute: 2 }, 0)).toEqual({ ok: false, retryAfterMs: 41_000 }); // the first second's bucket leaves at 61 s
    now = 60_999;
    expect(limiter.tryReserve({ requestsPerMinute: 2 }, 0).ok).toBe(false);
    now = 61_000;
    expect(limiter.tryReserve({ requestsPerMinute: 2 }, 0).ok).toBe(true);
  });

  it('should reserve tokens at admission and settle them with the real usage', () => {
    const limiter = new SlidingWindowLimiter(() => 0);
    const first = limiter.tryReserve({ tokensPerMinute: 1000 }, 800);
    expect(first.ok).toBe(true);
    expect(limiter.tryReserve({ tokensPerMinute: 1000 }, 300).ok).toBe(false);
    if (first.ok) limiter.settle(first.reservation, 100);
    expect(limiter.tryReserve({ tokensPerMinute: 1000 }, 300).ok).toBe(true);
  });
});
