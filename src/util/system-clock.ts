import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../core/ports/clock.js';

/** The Clock of a running gateway: wall time and Node's timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleep(ms, undefined, signal ? { signal } : undefined),
  every(ms, tick) {
    const timer = setInterval(tick, ms);
    timer.unref();
    return { stop: () => clearInterval(timer) };
  },
};
