/** Whether a value can be read with `for await` (a subscription's source, not an error result). */
/**
 * An async iterator made of its `next` and a `close` that ends its source: `return()` closes and
 * answers done, `throw(error)` closes and throws it. For the wrappers around a subscription's
 * source, which must close that source however their reader stops.
 */
export function closableIterator<T>(next: () => Promise<IteratorResult<T>>, close: () => Promise<void>): AsyncIterableIterator<T> {
  return {
    next,
    async return() {
      await close();
      return { done: true, value: undefined };
    },
    async throw(error?: unknown) {
      await close();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

export function isAsyncIterable<T = unknown>(value: unknown): value is AsyncIterable<T> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
