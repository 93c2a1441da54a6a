import { expect, it } from 'vitest';
import type { BudgetStore, CircuitStore, RateStore, StickyStore } from '../../src/core/ports/stores.js';
import type { ManualClock } from '../helpers/manual-clock.js';

/**
 * What every RateStore must do, whatever keeps its counters: a later implementation shared by
 * several gateways runs these same cases (give it a factory over the clock it must obey).
 */
export function rateStoreContract(make: (clock: ManualClock) => RateStore, clockAt: () => ManualClock): void {
  it('should admit up to requestsPerMinute, then answer how long to wait, and admit again a minute later', async () => {
    const clock = clockAt();
    const rates = make(clock);
    const limits = { requestsPerMinute: 2 };
    expect((await rates.tryReserve('m', limits, 0)).ok).toBe(true);
    expect((await rates.tryReserve('m', limits, 0)).ok).toBe(true);
    const refused = await rates.tryReserve('m', limits, 0);
    expect(refused).toMatchObject({ ok: false });
    expect(refused.ok ? 0 : refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.ok ? 0 : refused.retryAfterMs).toBeLessThanOrEqual(61_000);
    expect((await rates.tryReserve('other', limits, 0)).ok).toBe(true); // keys are apart
    clock.advance(61_000);
    expect((await rates.tryReserve('m', limits, 0)).ok).toBe(true);
  });

  it('should hold reserved tokens until settled, and settle a reservation once', async () => {
    const rates = make(clockAt());
    const limits = { tokensPerMinute: 100 };
    const first = await rates.tryReserve('m', limits, 90);
    if (!first.ok) throw new Error('the first reservation must pass');
    expect((await rates.tryReserve('m', limits, 20)).ok).toBe(false); // 90 held + 20 > 100
    first.reservation.settle(10);
    first.reservation.settle(90); // a second settle changes nothing
    await expect.poll(async () => (await rates.usage('m')).tokens).toBe(10);
    expect((await rates.tryReserve('m', limits, 20)).ok).toBe(true); // 10 + 20
  });

  it('should tell what a window holds and when its oldest request leaves it', async () => {
    const clock = clockAt();
    const rates = make(clock);
    expect(await rates.usage('m')).toEqual({ requests: 0, tokens: 0, resetMs: 0 });
    await rates.tryReserve('m', {}, 30);
    clock.advance(10_000);
    await rates.tryReserve('m', {}, 5);
    const usage = await rates.usage('m');
    expect(usage).toMatchObject({ requests: 2, tokens: 35 });
    expect(usage.resetMs).toBeGreaterThan(49_000); // the first leaves the window a minute after it came
    expect(usage.resetMs).toBeLessThanOrEqual(51_000);
    expect(await rates.usage('other')).toEqual({ requests: 0, tokens: 0, resetMs: 0 });
    clock.advance(61_000);
    expect(await rates.usage('m')).toEqual({ requests: 0, tokens: 0, resetMs: 0 });
  });

  it('should never admit more than the limit across many concurrent requests', async () => {
    const rates = make(clockAt());
    const results = await Promise.all(Array.from({ length: 50 }, () => rates.tryReserve('burst', { requestsPerMinute: 10 }, 0)));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
  });
}

/** What every CircuitStore must do (opening on errors, one half-open probe after the cool-down). */
export function circuitStoreContract(
  make: (clock: ManualClock, config: { coolDownMs: number; minRequests: number; errorRateThreshold: number }) => CircuitStore,
  clockAt: () => ManualClock,
): void {
  it('should open on the error rate, refuse during the cool-down, let one probe through after it, and close on its success', () => {
    const clock = clockAt();
    const circuits = make(clock, { coolDownMs: 1_000, minRequests: 2, errorRateThreshold: 0.5 });
    expect(circuits.acquire('m')).toEqual({ granted: true });
    expect(circuits.record('m', false, 5)).toBeUndefined();
    expect(circuits.record('m', false, 5)).toBe('OPEN');
    expect(circuits.isAvailable('m')).toBe(false);
    expect(circuits.acquire('m')).toEqual({ granted: false });
    expect(circuits.isAvailable('other')).toBe(true); // models are apart
    clock.advance(1_000);
    expect(circuits.acquire('m')).toEqual({ granted: true, changedTo: 'HALF_OPEN' });
    expect(circuits.acquire('m')).toEqual({ granted: false }); // one probe at a time
    expect(circuits.record('m', true, 5)).toBe('CLOSED');
    expect(circuits.snapshot('m')).toMatchObject({ state: 'CLOSED', requests: 0, openedAt: null });
  });
}

/**
 * What every BudgetStore must do, in one process or shared: spend loaded once from the database's
 * sum, a hold only when it fits what is left (atomically: never more holds than the budget takes),
 * settling and releasing once, and a new UTC day starting from that day's spend. `spentSince` is
 * the database's answer the store loads from.
 */
export function budgetStoreContract(
  make: (clock: ManualClock, spentSince: (keyId: string, since: Date) => Promise<number>) => BudgetStore | Promise<BudgetStore>,
  clockAt: () => ManualClock,
): void {
  const key = () => `k-${Math.random().toString(36).slice(2)}`;
  it('should load the spend once, hold only what fits, and settle or release each hold once', async () => {
    const clock = clockAt();
    let loads = 0;
    const store = await make(clock, async () => {
      loads++;
      return 30;
    });
    const k = key();
    const budget = { dailyMicroUsd: 100, monthlyMicroUsd: 1_000 };
    expect(await store.status(k, budget)).toEqual({
      spentTodayMicroUsd: 30,
      spentThisMonthMicroUsd: 30,
      reservedMicroUsd: 0,
      remainingMicroUsd: 70,
      binding: 'daily',
    });
    const hold = await store.tryReserve(k, budget, 50);
    if (!hold.ok) throw new Error('50 of 70 must fit');
    const refused = await store.tryReserve(k, budget, 30); // 30 + 50 held + 30 > 100
    expect(refused).toEqual({ ok: false, status: expect.objectContaining({ reservedMicroUsd: 50, remainingMicroUsd: 20 }) });
    hold.reservation.settle(10);
    hold.reservation.settle(40); // a second settle changes nothing
    expect(await store.status(k, budget)).toMatchObject({ spentTodayMicroUsd: 40, reservedMicroUsd: 0, remainingMicroUsd: 60 });
    const released = await store.tryReserve(k, budget, 60);
    if (!released.ok) throw new Error('60 of 60 must fit');
    released.reservation.release();
    expect(await store.status(k, budget)).toMatchObject({ spentTodayMicroUsd: 40, reservedMicroUsd: 0 });
    expect(loads).toBeLessThanOrEqual(4); // today's and this month's sums, once
  });

  it('should charge a settle at most what was held, so that no mix of settles passes the budget', async () => {
    const store = await make(clockAt(), async () => 0);
    const k = key();
    const budget = { dailyMicroUsd: 100, monthlyMicroUsd: null };
    const holds = await Promise.all([store.tryReserve(k, budget, 60), store.tryReserve(k, budget, 40)]);
    for (const hold of holds) if (!hold.ok) throw new Error('60 + 40 of 100 must fit');
    const [first, second] = holds.map((h) => (h.ok ? h.reservation : undefined));
    expect([first?.amountMicroUsd, second?.amountMicroUsd]).toEqual([60, 40]);
    first?.settle(75); // more than held (a vendor counting more tokens than the hold's estimate)
    second?.settle(45);
    await expect.poll(async () => (await store.status(k, budget)).reservedMicroUsd).toBe(0);
    expect(await store.status(k, budget)).toMatchObject({ spentTodayMicroUsd: 100, remainingMicroUsd: 0 });
  });

  it('should never hold more than the budget across many concurrent requests', async () => {
    const store = await make(clockAt(), async () => 0);
    const k = key();
    const budget = { dailyMicroUsd: 100, monthlyMicroUsd: null };
    const results = await Promise.all(Array.from({ length: 50 }, () => store.tryReserve(k, budget, 10)));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
  });

  it('should start a new UTC day from that day’s spend, and keep the month’s', async () => {
    const clock = clockAt();
    clock.advance(14 * 86_400_000); // mid-month, so the day's and the month's sums differ
    // The database: 500 this month (from the 1st), 20 of it on the 15th, nothing yet on the 16th.
    const store = await make(clock, async (_key, since) => (since.getUTCDate() === 1 ? 500 : since.getUTCDate() === 15 ? 20 : 0));
    const k = key();
    const budget = { dailyMicroUsd: 100, monthlyMicroUsd: 10_000 };
    const hold = await store.tryReserve(k, budget, 50);
    if (!hold.ok) throw new Error('must fit');
    hold.reservation.settle(50);
    expect(await store.status(k, budget)).toMatchObject({ spentTodayMicroUsd: 70, spentThisMonthMicroUsd: 550 });
    clock.advance(86_400_000);
    expect(await store.status(k, budget)).toMatchObject({ spentTodayMicroUsd: 0, spentThisMonthMicroUsd: 550 });
  });
}

/** What every StickyStore does (its TTL is checked where each one keeps time: the gateway's clock, or Redis). */
export function stickyStoreContract(make: () => StickyStore): void {
  it('should answer the member remembered for a key, the latest one, and nothing for a key it never saw', async () => {
    const store = make();
    expect(await store.member('pool:session:a')).toBeUndefined();
    await store.remember('pool:session:a', 'model-1', 60_000);
    await store.remember('pool:session:b', 'model-2', 60_000);
    expect(await store.member('pool:session:a')).toBe('model-1');
    await store.remember('pool:session:a', 'model-3', 60_000);
    expect([await store.member('pool:session:a'), await store.member('pool:session:b')]).toEqual(['model-3', 'model-2']);
  });
}
