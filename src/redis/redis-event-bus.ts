import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { EventBus, EventTopics, Topic } from '../core/ports/event-bus.js';
import { decodeEvent, encodeEvent } from './event-codec.js';
import { InProcessEventBus } from '../events/in-process-bus.js';

interface Envelope {
  /** The instance that published it (it delivered the event itself, at once). */
  readonly from: string;
  readonly event: unknown;
}

/**
 * The EventBus of several gateway instances, over Redis pub/sub: an event is delivered to this
 * process's subscribers at once (as in process) and published on `<prefix>events:<topic>`; every
 * other instance delivers it to its own subscribers when it arrives. One connection publishes, so
 * one instance's events reach the others in the order it published them. Publishing never waits
 * and never fails the publisher: while Redis is unreachable the others miss the events (counted,
 * logged), and this process's subscribers still get them. ioredis reconnects and resubscribes.
 */
export class RedisEventBus implements EventBus {
  readonly #local = new InProcessEventBus();
  readonly #instance = randomUUID();
  readonly #prefix: string;
  /** Resolves once this instance listens to the others' events (its PSUBSCRIBE answered). */
  readonly subscribed: Promise<void>;

  constructor(
    private readonly publisher: Redis,
    subscriber: Redis,
    prefix: string,
    private readonly deps: {
      readonly logger: Logger;
      readonly onPublishFailed?: () => void;
      /** Runs for each event from another instance before this process's subscribers get it (the registries follow it). */
      readonly onRemote?: <T extends Topic>(topic: T, event: EventTopics[T]) => void;
      /** Runs when the event connection is back after a loss: what was published meanwhile was missed (reload). */
      readonly onReconnected?: () => void;
    },
  ) {
    this.#prefix = `${prefix}events:`;
    const pattern = `${this.#prefix}*`;
    this.subscribed = subscriber.psubscribe(pattern).then(
      () => undefined,
      (error: unknown) => deps.logger.error({ err: error }, 'redis: subscribing to events failed'),
    );
    let connectedBefore = false;
    subscriber.on('ready', () => {
      if (connectedBefore) {
        // Subscribe again (idempotent; ioredis resubscribes only what Redis once confirmed) and catch up.
        subscriber.psubscribe(pattern).catch((error: unknown) => deps.logger.error({ err: error }, 'redis: subscribing to events failed'));
        deps.onReconnected?.();
      }
      connectedBefore = true;
    });
    subscriber.on('pmessage', (_pattern: string, channel: string, message: string) => this.#receive(channel, message));
  }

  publish<T extends Topic>(topic: T, event: EventTopics[T]): void {
    this.#local.publish(topic, event);
    let text: string;
    try {
      text = encodeEvent({ from: this.#instance, event } satisfies Envelope);
    } catch (error) {
      this.deps.logger.error({ err: error, topic }, 'redis: an event could not be encoded');
      return;
    }
    this.publisher.publish(`${this.#prefix}${topic}`, text).catch((error: unknown) => {
      this.deps.onPublishFailed?.();
      this.deps.logger.warn({ err: error, topic }, 'redis: an event could not be published; other instances miss it');
    });
  }

  subscribe<T extends Topic>(topic: T, accept?: (event: EventTopics[T]) => boolean): AsyncIterableIterator<EventTopics[T]> {
    return this.#local.subscribe(topic, accept);
  }

  #receive(channel: string, message: string): void {
    if (!channel.startsWith(this.#prefix)) return;
    const topic = channel.slice(this.#prefix.length) as Topic;
    let envelope: Envelope;
    try {
      envelope = decodeEvent<Envelope>(message);
    } catch (error) {
      this.deps.logger.warn({ err: error, channel }, 'redis: an event that is not JSON was ignored');
      return;
    }
    if (envelope.from === this.#instance) return;
    const event = envelope.event as EventTopics[typeof topic];
    try {
      this.deps.onRemote?.(topic, event);
    } catch (error) {
      this.deps.logger.error({ err: error, topic }, 'redis: applying an event from another instance failed');
    }
    this.#local.publish(topic, event);
  }
}
