import type { StoredAttempt } from '../core/records/generation.js';

/**
 * The attempts of one request, in order. The router appends an attempt when it sends it and
 * closes it once, when its outcome is known (a stream's only when it ends); readers get frozen
 * copies, so nothing outside the router changes what was recorded.
 */
export class AttemptLog {
  readonly #entries: StoredAttempt[] = [];

  /** Opens an attempt; answers its position. */
  open(attempt: StoredAttempt): number {
    this.#entries.push({ ...attempt });
    return this.#entries.length - 1;
  }

  /** Sets the outcome of the attempt at `index`. */
  close(index: number, outcome: Partial<StoredAttempt>): void {
    const entry = this.#entries[index];
    if (entry) this.#entries[index] = { ...entry, ...outcome };
  }

  get length(): number {
    return this.#entries.length;
  }

  /** The model of the latest attempt, if any. */
  lastModelId(): string | undefined {
    return this.#entries.at(-1)?.modelId;
  }

  /** A frozen copy of every attempt so far. */
  entries(): readonly StoredAttempt[] {
    return Object.freeze(this.#entries.map((entry) => Object.freeze({ ...entry })));
  }
}
