import { createPubSub } from 'graphql-yoga';
import type { ModelRecord } from '../core/records/model.js';
import type { ModelSwitchRecord } from '../core/records/session.js';

export const MODEL_EVENT_TYPES = ['REGISTERED', 'UPDATED', 'DISABLED', 'ENABLED', 'RETIRED', 'HEALTH_CHANGED', 'CIRCUIT_CHANGED'] as const;
export type ModelEventType = (typeof MODEL_EVENT_TYPES)[number];

/** A change to the registry, published after it is stored. */
export interface ModelEvent {
  readonly type: ModelEventType;
  readonly model: ModelRecord;
  readonly at: Date;
}

/** The topics and payloads of the gateway's events. */
/** A generation of a key settled (its cost is spent). */
export interface UsageEvent {
  readonly apiKeyId: string;
  readonly generationId: string;
  readonly costMicroUsd: number;
  readonly at: Date;
}

/** An API key was revoked: its open WebSocket connections are closed. */
export interface ApiKeyRevokedEvent {
  readonly apiKeyId: string;
  readonly at: Date;
}

export type EventTopics = {
  modelEvents: [ModelEvent];
  modelSwitched: [ModelSwitchRecord];
  usageUpdated: [UsageEvent];
  apiKeyRevoked: [ApiKeyRevokedEvent];
};

/**
 * The one pub/sub every event goes through. In-process here; a Redis event target plugs into the
 * same interface for multi-instance deployments, so publishers and subscribers never change.
 */
export type EventBus = ReturnType<typeof createEventBus>;

export function createEventBus() {
  return createPubSub<EventTopics>();
}
