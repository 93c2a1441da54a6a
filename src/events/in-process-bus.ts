import type { EventBus, EventTopics, Topic } from '../core/ports/event-bus.js';

/** How many unread events one subscription keeps; past it, it misses the newest (the publisher never waits). */
export const MAX_UNREAD_EVENTS = 1024;

type Reader<T> = (result: IteratorResult<T>) => void;

/**
 * The EventBus of one process: a set of listeners per topic. A subscription listens from the
 * moment `subscribe` returns (not from its first read), queues only the events its `accept` lets
 * through (up to MAX_UNREAD_EVENTS unread), and stops listening when its iterator is returned or
 * thrown into. `publish` hands the event to each listener synchronously and never throws.
 */
export class InProcessEventBus implements EventBus {
  readonly #listeners = new Map<Topic, Set<(event: never) => void>>();

  publish<T extends Topic>(topic: T, event: EventTopics[T]): void {
    const listeners = this.#listeners.get(topic);
    if (!listeners) return;
    for (const listener of [...listeners]) (listener as (event: EventTopics[T]) => void)(event);
  }

  subscribe<T extends Topic>(topic: T, accept: (event: EventTopics[T]) => boolean = () => true): AsyncIterableIterator<EventTopics[T]> {
    type E = EventTopics[T];
    const unread: E[] = [];
    const readers: Reader<E>[] = [];
    let ended = false;
    const listener = (event: E) => {
      if (!accept(event)) return;
      const reader = readers.shift();
      if (reader) reader({ value: event, done: false });
      else if (unread.length < MAX_UNREAD_EVENTS) unread.push(event);
    };
    let listeners = this.#listeners.get(topic);
    if (!listeners) {
      listeners = new Set();
      this.#listeners.set(topic, listeners);
    }
    listeners.add(listener as (event: never) => void);
    const done = (): IteratorResult<E> => ({ value: undefined, done: true });
    const end = () => {
      if (ended) return;
      ended = true;
      unread.length = 0;
      listeners.delete(listener as (event: never) => void);
      if (listeners.size === 0 && this.#listeners.get(topic) === listeners) this.#listeners.delete(topic);
      for (const reader of readers.splice(0)) reader(done());
    };
    return {
      next: () => {
        if (unread.length > 0) return Promise.resolve({ value: unread.shift() as E, done: false });
        if (ended) return Promise.resolve(done());
        return new Promise<IteratorResult<E>>((resolve) => readers.push(resolve));
      },
      return: () => {
        end();
        return Promise.resolve(done());
      },
      throw: (error?: unknown) => {
        end();
        return Promise.reject(error);
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  /** How many subscriptions a topic has (for tests). */
  subscribers(topic: Topic): number {
    return this.#listeners.get(topic)?.size ?? 0;
  }
}
