import { describe, expect, it } from 'vitest';
import type { UsageEvent } from '../../src/core/ports/event-bus.js';
import { InProcessEventBus } from '../../src/events/in-process-bus.js';

const usage = (n: number): UsageEvent => ({
  apiKeyId: 'k',
  generationId: `g${n}`,
  modelId: 'm',
  sessionId: null,
  status: 'SUCCEEDED',
  costMicroUsd: n,
  at: new Date(0),
});

describe('InProcessEventBus (the EventBus port, in one process)', () => {
  it('should deliver what is published after a subscription, in order, to every subscriber of the topic only', async () => {
    const bus = new InProcessEventBus();
    bus.publish('usageUpdated', usage(0)); // before anyone listens: nobody gets it
    const one = bus.subscribe('usageUpdated');
    const two = bus.subscribe('usageUpdated');
    const other = bus.subscribe('apiKeyRevoked');
    bus.publish('usageUpdated', usage(1));
    bus.publish('usageUpdated', usage(2));
    for (const sub of [one, two]) {
      expect((await sub.next()).value).toEqual(usage(1));
      expect((await sub.next()).value).toEqual(usage(2));
    }
    bus.publish('apiKeyRevoked', { apiKeyId: 'k', at: new Date(0) });
    expect((await other.next()).value).toEqual({ apiKeyId: 'k', at: new Date(0) });
    await Promise.all([one.return?.(), two.return?.(), other.return?.()]);
  });

  it('should forget a subscription once it is returned', async () => {
    const bus = new InProcessEventBus();
    const sub = bus.subscribe('usageUpdated');
    expect(bus.subscribers('usageUpdated')).toBe(1);
    await sub.return?.();
    expect(bus.subscribers('usageUpdated')).toBe(0);
    bus.publish('usageUpdated', usage(1));
    expect(await sub.next()).toEqual({ done: true, value: undefined });
  });

  it('should never fail the publisher or the other subscribers when one subscription falls far behind', async () => {
    const bus = new InProcessEventBus();
    const stalled = bus.subscribe('usageUpdated'); // not read while 3,000 events go by
    const live = bus.subscribe('usageUpdated');
    const received: number[] = [];
    const reading = (async () => {
      for await (const event of live) {
        received.push(event.costMicroUsd ?? 0);
        if (received.length === 3000) break;
      }
    })();
    for (let n = 1; n <= 3000; n++) {
      expect(() => bus.publish('usageUpdated', usage(n))).not.toThrow();
      if (n % 500 === 0) await new Promise((resolve) => setImmediate(resolve)); // the live reader keeps up
    }
    await reading;
    expect(received).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
    // The stalled one kept the first MAX_UNREAD_EVENTS and missed the rest; it still reads them in order.
    expect((await stalled.next()).value?.costMicroUsd).toBe(1);
    await stalled.return?.();
    expect(bus.subscribers('usageUpdated')).toBe(0);
  });

  it('should queue only what its filter accepts, answer reads made while waiting in order, and end them all on return', async () => {
    const bus = new InProcessEventBus();
    const even = bus.subscribe('usageUpdated', (e) => (e.costMicroUsd ?? 1) % 2 === 0);
    const first = even.next();
    const second = even.next(); // two reads waiting at once
    for (let n = 1; n <= 4; n++) bus.publish('usageUpdated', usage(n));
    expect([(await first).value?.costMicroUsd, (await second).value?.costMicroUsd]).toEqual([2, 4]);
    const waiting = even.next();
    await even.return?.();
    expect(await waiting).toEqual({ done: true, value: undefined });
  });

  it('should stop listening when a subscription is returned before it was ever read', async () => {
    const bus = new InProcessEventBus();
    const never = bus.subscribe('modelSwitched', () => true);
    expect(bus.subscribers('modelSwitched')).toBe(1);
    await never.return?.();
    expect(bus.subscribers('modelSwitched')).toBe(0);
  });
});
