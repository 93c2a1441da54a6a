import { describe, expect, it } from 'vitest';
import { ViewerCache } from '../../src/modules/keys/viewer-cache.js';
import type { Viewer } from '../../src/modules/keys/viewer.js';

const viewer = (keyId: string): Viewer => ({
  kind: 'key',
  keyId,
  scopes: ['client'],
  requestsPerMinute: null,
  budget: { dailyMicroUsd: null, monthlyMicroUsd: null },
  models: null,
});

describe('ViewerCache', () => {
  it('should answer a stored viewer until its time is up', () => {
    let now = 0;
    const cache = new ViewerCache(5_000, 10, () => now);
    cache.set('h1', viewer('a'), cache.generation);
    now = 4_999;
    expect(cache.get('h1')?.keyId).toBe('a');
    now = 5_000;
    expect(cache.get('h1')).toBeUndefined();
  });

  it('should forget everything on clear, and not take a lookup that began before the clear', () => {
    const cache = new ViewerCache();
    cache.set('h1', viewer('a'), cache.generation);
    const before = cache.generation;
    cache.clear();
    expect(cache.get('h1')).toBeUndefined();
    cache.set('h1', viewer('a'), before); // a lookup that raced the clear
    expect(cache.get('h1')).toBeUndefined();
    cache.set('h1', viewer('a'), cache.generation);
    expect(cache.get('h1')?.keyId).toBe('a');
  });

  it('should keep at most maxEntries, dropping the oldest', () => {
    const cache = new ViewerCache(5_000, 2);
    for (const id of ['a', 'b', 'c']) cache.set(id, viewer(id), cache.generation);
    expect([cache.get('a'), cache.get('b')?.keyId, cache.get('c')?.keyId]).toEqual([undefined, 'b', 'c']);
  });
});
