import type { EventBus, EventTopics, Topic } from '../core/ports/event-bus.js';

/** How many unread events one subscription keeps; past it, it misses the newest (the publisher never waits). */
export const MAX_UNREAD_EVENTS = 1024;

/**
 * The EventBus of one process: a set of listeners per topic. A subscription listens from the
 * moment `subscribe` returns (not from its first read), keeps up to MAX_UNREAD_EVENTS unread
 * events, and stops listening when its iterator is returned. `publish` hands the event to each
 * listener synchronously and never throws.
 */
export class InProcessEventBus implements EventBus {
  readonly #listeners = new Map<Topic, Set<(event: never) => void>>();

  publish<T extends Topic>(topic: T, event: EventTopics[T]): void {
    const listeners = this.#listeners.get(topic);
    if (!listeners) return;
    for (const listener of [...listeners]) (listener as (event: EventTopics[T]) => void)(event);
  }

  subscribe<T extends Topic>(topic: T): AsyncIterableIterator<EventTopics[T]> {
    const unread: EventTopics[T][] = [];
    let reader: ((result: IteratorResult<EventTopics[T]>) => void) | undefined;
    let ended = false;
    const listener = (event: EventTopics[T]) => {
      if (reader) {
        const wake = reader;
        reader = undefined;
        wake({ value: event, done: false });
      } else if (unread.length < MAX_UNREAD_EVENTS) unread.push(event);
    };
    let listeners = this.#listeners.get(topic);
    if (!listeners) this.#listeners.set(topic, (listeners = new Set()));
    listeners.add(listener as (event: never) => void);
    const end = () => {
      if (ended) return;
      ended = true;
      unread.length = 0;
      listeners.delete(listener as (event: never) => void);
      if (listeners.size === 0 && this.#listeners.get(topic) === listeners) this.#listeners.delete(topic);
      reader?.({ value: undefined, done: true });
      reader = undefined;
    };
    const done = (): IteratorResult<EventTopics[T]> => ({ value: undefined, done: true });
    return {
      next: () => {
        if (unread.length > 0) return Promise.resolve({ value: unread.shift() as EventTopics[T], done: false });
        if (ended) return Promise.resolve(done());
        return new Promise((resolve) => (reader = resolve));
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
