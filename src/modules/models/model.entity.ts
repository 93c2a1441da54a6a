import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { StoredModelCache } from '../../core/records/cache.js';
import type {
  ModelCapability,
  StoredGenerationParams,
  StoredLimits,
  StoredMockSettings,
  StoredQuirks,
  StoredRetry,
  StoredTimeouts,
} from '../../core/records/model.js';

const p = defineEntity.properties;

export const ModelSchema = defineEntity({
  name: 'Model',
  tableName: 'models',
  properties: {
    id: p.string().primary().length(100),
    provider: p.string().length(32).index(),
    /** `chat` or `embedding` (ModelKind). */
    kind: p.string().length(16).default('chat'),
    upstreamModel: p.string().length(200).nullable(),
    /** The host of an `openai-compatible` model (ProviderPreset). */
    preset: p.string().length(32).nullable(),
    baseUrl: p.text().nullable(),
    apiKeyEnv: p.string().length(128).nullable(),
    /** NAME of a stored credential (never the key). */
    credential: p.string().length(64).nullable(),
    region: p.string().length(64).nullable(),
    deployment: p.string().length(200).nullable(),
    apiVersion: p.string().length(64).nullable(),
    version: p.string().length(100).nullable(),
    sourceUrl: p.text().nullable(),
    contextWindow: p.integer().nullable(),
    capabilities: p.json<ModelCapability[]>(),
    defaults: p.json<StoredGenerationParams>(),
    limits: p.json<StoredLimits>(),
    /** Prices in integer micro-USD per million tokens (USD × 1e6), never floats. */
    inputPriceMicroUsd: p.bigint('number').nullable(),
    outputPriceMicroUsd: p.bigint('number').nullable(),
    /** Price of input tokens read from the vendor's prompt cache; null: the input price. */
    cachedInputPriceMicroUsd: p.bigint('number').nullable(),
    /** Price of input tokens written to the vendor's prompt cache; null: the input price. */
    cacheWritePriceMicroUsd: p.bigint('number').nullable(),
    mock: p.json<StoredMockSettings>().nullable(),
    timeouts: p.json<StoredTimeouts>().nullable(),
    quirks: p.json<StoredQuirks>().nullable(),
    fallbacks: p.json<string[]>().nullable(),
    retry: p.json<StoredRetry>().nullable(),
    /** The model's response cache settings (StoredModelCache); null: the gateway's. */
    cache: p.json<StoredModelCache>().nullable(),
    /** The request log's mode for this model (`off`, `metadata`, `full`); null: the gateway's. */
    requestLog: p.string().length(16).nullable(),
    status: p.string().length(16).index(),
    healthCheckedAt: p.datetime().nullable(),
    healthOk: p.boolean().nullable(),
    healthLatencyMs: p.integer().nullable(),
    healthMessage: p.text().nullable(),
    /** Not read: a model's circuit state lives in the CircuitStore (the column stays for databases made by earlier versions). */
    circuitState: p.string().length(16).default('CLOSED'),
    source: p.string().length(8),
    /** Hash of the config entry last applied; a restart re-applies an entry only when it changed. */
    configHash: p.string().length(64).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    retiredAt: p.datetime().nullable(),
  },
});

export type ModelEntity = InferEntity<typeof ModelSchema>;
