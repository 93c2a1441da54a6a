import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

/**
 * What the request log's retention deleted, summed per UTC day, key, model, provider and pool,
 * so that `costs` and budget spend still count it. Money in integer micro-USD. `id` is the
 * group's key (see rollupId), so a fold is one upsert per group on either engine.
 */
export const GenerationRollupSchema = defineEntity({
  name: 'GenerationRollup',
  tableName: 'generation_rollups',
  indexes: [
    { name: 'generation_rollups_by_day', properties: ['dayStart'] },
    { name: 'generation_rollups_by_key', properties: ['apiKeyId', 'dayStart'] },
  ],
  properties: {
    id: p.string().primary().length(300),
    /** The UTC day's start (stored like generations.created_at, so the cost reports filter both alike). */
    dayStart: p.datetime(),
    apiKeyId: p.string().length(36).nullable(),
    modelId: p.string().length(100),
    provider: p.string().length(32),
    poolName: p.string().length(100).nullable(),
    requests: p.bigint('number').default(0),
    succeeded: p.bigint('number').default(0),
    failed: p.bigint('number').default(0),
    cancelled: p.bigint('number').default(0),
    inputTokens: p.bigint('number').default(0),
    outputTokens: p.bigint('number').default(0),
    cachedInputTokens: p.bigint('number').default(0),
    cacheWriteTokens: p.bigint('number').default(0),
    reasoningTokens: p.bigint('number').default(0),
    /** Of the requests whose cost was known. */
    costMicroUsd: p.bigint('number').default(0),
    /** Requests whose cost was unknown (null). */
    unpriced: p.bigint('number').default(0),
    /** Requests served from the response cache, and what they saved. */
    cachedRequests: p.bigint('number').default(0),
    savedMicroUsd: p.bigint('number').default(0),
  },
});

export type GenerationRollupEntity = InferEntity<typeof GenerationRollupSchema>;
