import { describe, expect, it } from 'vitest';
import { BoundedMap } from '../../src/util/bounded-map.js';
import { CIRCUITS_KEPT, InProcessCircuits } from '../../src/routing/in-process-stores.js';

describe('BoundedMap', () => {
  it('should let the least recently used entry go when full, a get counting as use', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2);
    expect(map.get('a')).toBe(1);
    map.set('c', 3);
    expect([map.has('a'), map.has('b'), map.has('c')]).toEqual([true, false, true]);
    expect(map.size).toBe(2);
  });

  it('should refuse a capacity that is not a whole number of at least 1', () => {
    expect(() => new BoundedMap(0)).toThrow(/capacity must be a whole number ≥ 1, got 0/);
  });
});

describe('InProcessCircuits', () => {
  it('should stay within its bound as made-up names come and go, keeping the circuits still in use', () => {
    const circuits = new InProcessCircuits(
      { windowMs: 60_000, buckets: 6, minRequests: 2, errorRateThreshold: 0.5, latencyThresholdMs: null, coolDownMs: 60_000 },
      () => 0,
    );
    for (const name of ['openai/gpt-4o', 'openai/left-alone']) {
      circuits.record(name, false, 10);
      circuits.record(name, false, 10);
      expect(circuits.snapshot(name).state).toBe('OPEN');
    }
    for (let i = 0; i < CIRCUITS_KEPT * 2; i++) {
      circuits.isAvailable(`openai/made-up-${i}`);
      if (i % 1000 === 0) circuits.isAvailable('openai/gpt-4o');
    }
    expect(circuits.snapshot('openai/gpt-4o').state).toBe('OPEN');
    // The one nobody asked for again was let go: the store stayed within its bound.
    expect(circuits.snapshot('openai/left-alone').state).toBe('CLOSED');
  });
});
