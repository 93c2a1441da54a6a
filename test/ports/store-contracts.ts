import { expect, it } from 'vitest';
import type { CircuitStore, RateStore } from '../../src/core/ports/stores.js';
import type { ManualClock } from '../helpers/manual-clock.js';

/**
 * What every RateStore must do, whatever keeps its counters: a later implementation shared by
 * several gateways runs these same cases (give it a factory over the clock it must obey).
 */
export function rateStoreContract(make: (clock: ManualClock) => RateStore, clockAt: () => ManualClock): void {
  it('should admit up to requestsPerMinute, then answer how long to wait, and admit again a minute later', () => {
    const clock = clockAt();
    const rates = make(clock);
    const limits = { requestsPerMinute: 2 };
    expect(rates.tryReserve('m', limits, 0).ok).toBe(true);
    expect(rates.tryReserve('m', limits, 0).ok).toBe(true);
    const refused = rates.tryReserve('m', limits, 0);
    expect(refused).toMatchObject({ ok: false });
    expect(refused.ok ? 0 : refused.retryAfterMs).toBeGreaterThan(0);
    expect(rates.tryReserve('other', limits, 0).ok).toBe(true); // keys are apart
    clock.advance(61_000);
    expect(rates.tryReserve('m', limits, 0).ok).toBe(true);
  });

  it('should hold reserved tokens until settled, and settle a reservation once', () => {
    const rates = make(clockAt());
    const limits = { tokensPerMinute: 100 };
    const first = rates.tryReserve('m', limits, 90);
    if (!first.ok) throw new Error('the first reservation must pass');
    expect(rates.tryReserve('m', limits, 20).ok).toBe(false); // 90 held + 20 > 100
    first.reservation.settle(10);
    first.reservation.settle(90); // a second settle changes nothing
    expect(rates.tryReserve('m', limits, 20).ok).toBe(true); // 10 + 20
  });

  it('should tell what a window holds and when its oldest request leaves it', () => {
    const clock = clockAt();
    const rates = make(clock);
    expect(rates.usage('m')).toEqual({ requests: 0, tokens: 0, resetMs: 0 });
    rates.tryReserve('m', {}, 30);
    clock.advance(10_000);
    rates.tryReserve('m', {}, 5);
    const usage = rates.usage('m');
    expect(usage).toMatchObject({ requests: 2, tokens: 35 });
    expect(usage.resetMs).toBeGreaterThan(49_000); // the first leaves the window a minute after it came
    expect(usage.resetMs).toBeLessThanOrEqual(51_000);
    expect(rates.usage('other')).toEqual({ requests: 0, tokens: 0, resetMs: 0 });
    clock.advance(61_000);
    expect(rates.usage('m')).toEqual({ requests: 0, tokens: 0, resetMs: 0 });
  });
}

/** What every CircuitStore must do (opening on errors, one half-open probe after the cool-down). */
export function circuitStoreContract(make: (clock: ManualClock, config: { coolDownMs: number; minRequests: number; errorRateThreshold: number }) => CircuitStore, clockAt: () => ManualClock): void {
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
