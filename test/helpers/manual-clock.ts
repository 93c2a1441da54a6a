import type { Clock } from '../../src/core/ports/clock.js';

/**
 * A Clock the test drives: time stands still until `advance(ms)` moves it (running the `every`
 * ticks that fall due), so a test decides when a cool-down ends, not how busy the machine is. A
 * `sleep` (a back-off, a Retry-After wait) resolves at once and moves time on by its length, as
 * if it had been waited.
 */
export class ManualClock implements Clock {
  #now: number;
  readonly #intervals = new Set<{ ms: number; next: number; tick: () => void }>();
  /** Every sleep asked for, in ms (tests assert the waits the router chose). */
  readonly sleeps: number[] = [];

  constructor(start = Date.now()) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.sleeps.push(ms);
    this.advance(ms);
  }

  every(ms: number, tick: () => void): { stop(): void } {
    const interval = { ms, next: this.#now + ms, tick };
    this.#intervals.add(interval);
    return { stop: () => this.#intervals.delete(interval) };
  }

  /** Moves time on by `ms`, running each `every` tick that falls due on the way. */
  advance(ms: number): void {
    const until = this.#now + ms;
    for (;;) {
      const due = [...this.#intervals].filter((i) => i.next <= until).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      this.#now = due.next;
      due.next += due.ms;
      due.tick();
    }
    this.#now = until;
  }
}
