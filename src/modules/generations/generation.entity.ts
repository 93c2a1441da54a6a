import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { ToolCall } from '../../core/chat/chat-request.js';
import type { StoredAttempt, StoredRequest } from '../../core/records/generation.js';

const p = defineEntity.properties;

/**
 * The record of one generation request, whatever its outcome. Money in integer micro-USD. The
 * request itself is stored only when the request log's mode is `full`.
 */
export const GenerationSchema = defineEntity({
  name: 'Generation',
  tableName: 'generations',
  // The cost columns ride along in the model, key and time indexes so that costs() and the
  // budget sums read the indexes alone (a covering scan) instead of the table.
  indexes: [
    { properties: ['createdAt', 'id'] },
    { name: 'generations_cost_by_time', properties: ['createdAt', 'status', 'inputTokens', 'outputTokens', 'costMicroUsd'] },
    { name: 'generations_cost_by_key', properties: ['apiKeyId', 'createdAt', 'status', 'inputTokens', 'outputTokens', 'costMicroUsd'] },
    { name: 'generations_cost_by_model', properties: ['modelId', 'createdAt', 'status', 'inputTokens', 'outputTokens', 'costMicroUsd'] },
    { properties: ['sessionId', 'createdAt'] },
  ],
  properties: {
    id: p.string().primary().length(36),
    modelId: p.string().length(100),
    provider: p.string().length(32),
    upstreamModel: p.string().length(200),
    apiKeyId: p.string().length(36).nullable(),
    sessionId: p.string().length(36).nullable(),
    /** The request id (x-request-id) the generation was made under, for tracing through the logs. */
    requestId: p.string().length(100).nullable(),
    /** The pool the request targeted, when it named one (modelId is the member that answered). */
    poolName: p.string().length(100).nullable(),
    /** History messages left out because the conversation outgrew the model's context window. */
    droppedMessages: p.integer().default(0),
    status: p.string().length(16),
    stream: p.boolean(),
    finishReason: p.string().length(32).nullable(),
    text: p.text(),
    maxTokens: p.integer(),
    inputTokens: p.integer(),
    outputTokens: p.integer(),
    /** Parts of inputTokens: read from / written to the vendor's prompt cache. */
    cachedInputTokens: p.integer().default(0),
    cacheWriteTokens: p.integer().default(0),
    /** Part of outputTokens. */
    reasoningTokens: p.integer().default(0),
    /** The tool calls the answer made (id, name, JSON arguments), in order; null when none. */
    toolCalls: p.json<ToolCall[]>().nullable(),
    usageEstimated: p.boolean(),
    /** Null: the cost is unknown (a name a wildcard serves with a price in neither the wildcard nor the catalog). */
    costMicroUsd: p.bigint('number').nullable(),
    latencyMs: p.integer(),
    timeToFirstTokenMs: p.integer().nullable(),
    errorCode: p.string().length(32).nullable(),
    errorMessage: p.text().nullable(),
    attempts: p.json<StoredAttempt[]>(),
    /** The request as logged (requestLog mode `full`, redacted); null when it was not. */
    request: p.json<StoredRequest>().nullable(),
    /** Served from the response cache (nothing sent upstream). */
    cached: p.boolean().default(false),
    /** What a cache hit saved (the replayed answer's cost), in micro-USD. */
    savedMicroUsd: p.bigint('number').nullable(),
    /** The OpenTelemetry trace id (32 hex digits), when tracing is on. */
    traceId: p.string().length(32).nullable(),
    /** The bytes the record's logged content takes (text, tool calls, request, error): what the request log's maxBytes bounds. */
    logBytes: p.integer().default(0),
    createdAt: p.datetime(),
    completedAt: p.datetime(),
  },
});

export type GenerationEntity = InferEntity<typeof GenerationSchema>;
