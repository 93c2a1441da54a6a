import { Repeater } from '@repeaterjs/repeater';
import type { EventBus, EventTopics, Topic } from '../core/ports/event-bus.js';

/**
 * The EventBus of one process: a set of listeners per topic. `publish` calls them synchronously
 * (each pushes onto its subscription's queue and returns); a subscription is a Repeater that
 * removes its listener when it is returned. Publishing never throws.
 */
export class InProcessEventBus implements EventBus {
  readonly #listeners = new Map<Topic, Set<(event: never) => void>>();

  publish<T extends Topic>(topic: T, event: EventTopics[T]): void {
    const listeners = this.#listeners.get(topic);
    if (!listeners) return;
    for (const listener of [...listeners]) {
      try {
        (listener as (event: EventTopics[T]) => void)(event);
      } catch {
        // A subscription more than 1,024 events behind refuses more (Repeater's bound): it misses this one; the others and the publisher do not notice.
      }
    }
  }

  subscribe<T extends Topic>(topic: T): AsyncIterableIterator<EventTopics[T]> {
    return new Repeater<EventTopics[T]>((push, stop) => {
      const listener = (event: EventTopics[T]) => void push(event);
      let listeners = this.#listeners.get(topic);
      if (!listeners) this.#listeners.set(topic, (listeners = new Set()));
      listeners.add(listener as (event: never) => void);
      void stop.then(() => {
        listeners.delete(listener as (event: never) => void);
        if (listeners.size === 0) this.#listeners.delete(topic);
      });
    });
  }

  /** How many subscriptions a topic has (for tests and gauges). */
  subscribers(topic: Topic): number {
    return this.#listeners.get(topic)?.size ?? 0;
  }
}
