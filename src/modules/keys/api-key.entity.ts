import { defineEntity, type InferEntity } from '@mikro-orm/core';

import type { ApiKeyScope } from '../../core/records/api-key.js';

const p = defineEntity.properties;

/** An API key. Only the sha256 of the secret is stored; the secret is shown once, at creation. */
export const ApiKeySchema = defineEntity({
  name: 'ApiKey',
  tableName: 'api_keys',
  properties: {
    id: p.string().primary().length(36),
    name: p.string().length(100),
    /** The first characters of the secret, to tell keys apart in listings. */
    prefix: p.string().length(16),
    secretHash: p.string().length(64).unique(),
    scopes: p.json<ApiKeyScope[]>(),
    /** Requests per minute this key may send; null: no limit. */
    requestsPerMinute: p.integer().nullable(),
    /** Spending budgets in integer micro-USD per UTC day and month; null: none. */
    dailyBudgetMicroUsd: p.bigint('number').nullable(),
    monthlyBudgetMicroUsd: p.bigint('number').nullable(),
    /** The models, pools and `prefix/*` patterns this key may use; null: all. */
    models: p.json<string[]>().nullable(),
    /** The request log's mode for this key (`off`, `metadata`, `full`); null: the model's, else the gateway's. */
    requestLog: p.string().length(16).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    revokedAt: p.datetime().nullable(),
  },
});

export type ApiKeyEntity = InferEntity<typeof ApiKeySchema>;
