import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { StoredGenerationParams } from '../../core/records/model.js';

const p = defineEntity.properties;

/**
 * A conversation a client keeps with the gateway: its current model, its parameters and a
 * revision that every switch bumps (compare-and-swap, so concurrent switches serialize).
 */
export const SessionSchema = defineEntity({
  name: 'Session',
  tableName: 'sessions',
  indexes: [{ properties: ['apiKeyId', 'createdAt'] }],
  properties: {
    id: p.string().primary().length(36),
    /** The owning key; null in local mode. */
    apiKeyId: p.string().length(36).nullable(),
    /** The session's target: a model, or a pool (exactly one is set). */
    modelId: p.string().length(100).nullable(),
    poolName: p.string().length(100).nullable(),
    params: p.json<StoredGenerationParams>(),
    revision: p.integer(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});

export type SessionEntity = InferEntity<typeof SessionSchema>;

/** One message of a session's history, in order (`seq`). */
export const SessionMessageSchema = defineEntity({
  name: 'SessionMessage',
  tableName: 'session_messages',
  uniques: [{ properties: ['sessionId', 'seq'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    sessionId: p.string().length(36),
    seq: p.integer(),
    role: p.string().length(16),
    /** The message's text (a user message's text parts joined). */
    content: p.text(),
    /** The whole message as JSON when it is more than role and text (image parts, tool calls, reasoning blocks, a tool call id). */
    detail: p.text().nullable(),
    /** The generation that produced (assistant) or consumed (user) it. */
    generationId: p.string().length(36).nullable(),
    createdAt: p.datetime(),
  },
});

export type SessionMessageEntity = InferEntity<typeof SessionMessageSchema>;

/** A model switch, as applied: the revision it produced and how long it took. */
export const SessionSwitchSchema = defineEntity({
  name: 'SessionSwitch',
  tableName: 'session_switches',
  indexes: [{ properties: ['sessionId', 'revision'] }],
  properties: {
    id: p.string().primary().length(36),
    sessionId: p.string().length(36),
    revision: p.integer(),
    fromModelId: p.string().length(100),
    toModelId: p.string().length(100),
    latencyMs: p.float(),
    switchedAt: p.datetime(),
  },
});
