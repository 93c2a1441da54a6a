import { isAsyncIterable } from '../util/async-iterable.js';

/**
 * One source read once for many readers: the readers that join under the same key while its
 * source runs share it, and each receives every value the source yields after it joined. The
 * source starts with the first reader and is closed (`return()`) when the last one leaves; when
 * it ends or fails, every reader ends or fails with it and the next reader starts a new one.
 *
 * Each reader has its own queue, so a slow reader delays nobody else. Nothing here knows what
 * the values are; the WebSocket server uses it to execute a broadcast subscription once per
 * distinct question instead of once per subscriber.
 */
export class SharedStreams<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #onSizeChange: (size: number) => void;

  /** `onSizeChange` hears how many sources run after each start and end (for a gauge). */
  constructor(onSizeChange: (size: number) => void = () => undefined) {
    this.#onSizeChange = onSizeChange;
  }

  /** How many sources are running (or starting). */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * Joins the stream of `key`, starting it with `start` when none runs. `start` answers the source,
   * or anything else (an error result) that is handed as is to every reader that waited on that
   * start — nothing is shared then, and the next join starts again.
   */
  async join<R>(key: string, start: () => Promise<AsyncIterable<T> | R>): Promise<AsyncIterableIterator<T> | R> {
    let entry = this.#entries.get(key);
    if (!entry) {
      const created: Entry<T> = { readers: new Set(), started: Promise.resolve(undefined) };
      created.started = start().then(
        (outcome) => {
          if (!isAsyncIterable<T>(outcome)) {
            this.#forget(key, created);
            return { refusal: outcome };
          }
          const source = outcome[Symbol.asyncIterator]();
          created.source = source;
          void this.#pump(key, created, source);
          return undefined;
        },
        (error: unknown) => {
          this.#forget(key, created);
          throw error;
        },
      );
      this.#entries.set(key, created);
      this.#onSizeChange(this.#entries.size);
      entry = created;
    }
    // The reader is in before the source runs, so nothing the source yields is lost to it.
    const joined = entry;
    const reader = new Reader<T>(() => this.#leave(key, joined, reader));
    joined.readers.add(reader);
    const refused = await joined.started;
    return refused ? (refused.refusal as R) : reader;
  }

  async #pump(key: string, entry: Entry<T>, source: AsyncIterator<T>): Promise<void> {
    try {
      for (;;) {
        const result = await source.next();
        if (result.done) break;
        for (const reader of entry.readers) reader.push(result.value);
      }
      this.#forget(key, entry);
      for (const reader of entry.readers) reader.end();
    } catch (error) {
      this.#forget(key, entry);
      for (const reader of entry.readers) reader.fail(error);
    }
  }

  #leave(key: string, entry: Entry<T>, reader: Reader<T>): void {
    entry.readers.delete(reader);
    if (entry.readers.size > 0 || entry.ended) return;
    this.#forget(key, entry);
    // A source that fails to close has nobody left to tell: never an unhandled rejection.
    Promise.resolve(entry.source?.return?.()).catch(() => undefined);
  }

  /** Later joins start a new source. */
  #forget(key: string, entry: Entry<T>): void {
    entry.ended = true;
    if (this.#entries.get(key) !== entry) return;
    this.#entries.delete(key);
    this.#onSizeChange(this.#entries.size);
  }
}

interface Entry<T> {
  readers: Set<Reader<T>>;
  /** Settles when the source runs (undefined) or was refused. */
  started: Promise<{ refusal: unknown } | undefined>;
  source?: AsyncIterator<T>;
  ended?: boolean;
}

/** One reader's view: its own queue of values not yet read. */
class Reader<T> implements AsyncIterableIterator<T> {
  readonly #queue: T[] = [];
  #waiting: { resolve: (r: IteratorResult<T>) => void; reject: (e: unknown) => void } | undefined;
  #done = false;
  #failure: { error: unknown } | undefined;
  readonly #onLeave: () => void;

  constructor(onLeave: () => void) {
    this.#onLeave = onLeave;
  }

  push(value: T): void {
    if (this.#done) return;
    if (this.#waiting) {
      this.#waiting.resolve({ value, done: false });
      this.#waiting = undefined;
    } else {
      this.#queue.push(value);
    }
  }

  end(): void {
    this.#done = true;
    this.#waiting?.resolve({ value: undefined, done: true });
    this.#waiting = undefined;
  }

  fail(error: unknown): void {
    if (this.#done) return;
    this.#done = true;
    if (this.#waiting) {
      this.#waiting.reject(error);
      this.#waiting = undefined;
    } else {
      this.#failure = { error };
    }
  }

  next(): Promise<IteratorResult<T>> {
    if (this.#queue.length > 0) return Promise.resolve({ value: this.#queue.shift() as T, done: false });
    if (this.#failure) {
      const { error } = this.#failure;
      this.#failure = undefined;
      return Promise.reject(error);
    }
    if (this.#done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.#waiting = { resolve, reject }));
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.#done) this.#onLeave();
    this.#queue.length = 0;
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T>> {
    void this.return();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
