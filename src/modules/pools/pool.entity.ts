import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { StoredRetry } from '../../core/records/model.js';
import type { PoolMember } from '../../core/records/pool.js';

const p = defineEntity.properties;

/** A named, weighted set of models that can be targeted wherever a model can. */
export const PoolSchema = defineEntity({
  name: 'Pool',
  tableName: 'pools',
  properties: {
    name: p.string().primary().length(100),
    strategy: p.string().length(16),
    members: p.json<PoolMember[]>(),
    retry: p.json<StoredRetry>().nullable(),
    sticky: p.boolean().default(false),
    stickyTtlSeconds: p.integer().nullable(),
    source: p.string().length(8),
    configHash: p.string().length(64).nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});

export type PoolEntity = InferEntity<typeof PoolSchema>;
