import type { CircuitState, ModelRecord } from '../records/model.js';
import type { ModelSwitchRecord } from '../records/session.js';
import type { PoolRecord } from '../records/pool.js';
import type { GenerationStatus } from '../records/generation.js';

export const MODEL_EVENT_TYPES = ['REGISTERED', 'UPDATED', 'DISABLED', 'ENABLED', 'RETIRED', 'HEALTH_CHANGED', 'CIRCUIT_CHANGED'] as const;
export type ModelEventType = (typeof MODEL_EVENT_TYPES)[number];

/** A change to the registry, published after it is stored, or a model's circuit that changed state. */
export interface ModelEvent {
  readonly type: ModelEventType;
  readonly model: ModelRecord;
  /** CIRCUIT_CHANGED only: the circuit's new state. */
  readonly circuit?: CircuitState;
  readonly at: Date;
}

/** A generation was stored (its cost is spent): sent and settled, or refused before it was sent. */
export interface UsageEvent {
  /** The key that made the request; null for a request without one (local mode). */
  readonly apiKeyId: string | null;
  readonly generationId: string;
  readonly modelId: string;
  /** The session the generation was a turn of, if any. */
  readonly sessionId: string | null;
  readonly status: GenerationStatus;
  /** Null: unknown (the model's price is unknown, see hasUnknownPrice). */
  readonly costMicroUsd: number | null;
  readonly at: Date;
}

/** An API key was revoked: its open operations end and its WebSocket connections close. */
export interface ApiKeyRevokedEvent {
  readonly apiKeyId: string;
  readonly at: Date;
}

/** A pool was created, replaced (`pool`) or deleted (`pool` null): other instances update their copy. */
export interface PoolChangedEvent {
  readonly name: string;
  readonly pool: PoolRecord | null;
  readonly at: Date;
}

/** API keys changed (a budget, a rotated bootstrap key): other instances forget the keys they remember. */
export interface ApiKeysChangedEvent {
  readonly at: Date;
}

/** A vendor credential was created, rotated or deleted: other instances read it again (never the secret in the event). */
export interface CredentialChangedEvent {
  readonly name: string;
  readonly at: Date;
}

/** The topics of the gateway's events and the payload each carries. */
export interface EventTopics {
  modelEvents: ModelEvent;
  modelSwitched: ModelSwitchRecord;
  usageUpdated: UsageEvent;
  apiKeyRevoked: ApiKeyRevokedEvent;
  poolChanged: PoolChangedEvent;
  apiKeysChanged: ApiKeysChangedEvent;
  credentialChanged: CredentialChangedEvent;
}

export type Topic = keyof EventTopics;

/**
 * The port every event goes through. Publishing never waits and never fails the publisher. A
 * subscription receives, in order, the events published after `subscribe` returned that `accept`
 * lets through (all when it is left out), until its iterator's `return()` ends it; one that falls
 * more than an implementation's bound behind (1,024 events in process) misses the newest. In one
 * process the implementation is `events/in-process-bus.ts`; with REDIS_URL it is
 * `redis/redis-event-bus.ts`, which delivers every instance's events to every instance's subscribers.
 */
export interface EventBus {
  publish<T extends Topic>(topic: T, event: EventTopics[T]): void;
  subscribe<T extends Topic>(topic: T, accept?: (event: EventTopics[T]) => boolean): AsyncIterableIterator<EventTopics[T]>;
}
