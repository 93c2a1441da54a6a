import type { StoredModelCache } from './cache.js';
import type { RequestLogMode } from './request-log.js';

/**
 * A model as every layer sees it: the plain, immutable record the routing table holds, events
 * carry and GraphQL shows, with the enums and stored shapes it is made of. No behaviour here.
 */

/** The wire protocols Switchyard speaks (SPEC §3). */
export const PROVIDER_KINDS = [
  'openai',
  'anthropic',
  'openai-compatible',
  'dashscope',
  'qianfan',
  'gemini',
  'vertex-ai',
  'bedrock',
  'azure-openai',
  'mock',
] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** Hosts an `openai-compatible` model may name as its `preset` (SPEC §16): base URL, key variable and quirks filled in. */
export const PROVIDER_PRESETS = [
  'mistral',
  'groq',
  'deepseek',
  'together',
  'fireworks',
  'xai',
  'openrouter',
  'ollama',
  'vllm',
  'lmstudio',
] as const;
export type ProviderPreset = (typeof PROVIDER_PRESETS)[number];

export const MODEL_CAPABILITIES = ['chat', 'streaming', 'vision', 'tools', 'json', 'embeddings'] as const;
export type ModelCapability = (typeof MODEL_CAPABILITIES)[number];

/** What a model serves: chat completions, or embeddings (SPEC §15); `chat` by default. */
export const MODEL_KINDS = ['chat', 'embedding'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

/** The `maxTokens` a model uses when neither the request nor the model's defaults set one (SPEC §2). */
export const DEFAULT_MAX_TOKENS = 2000;

/** How long a call may take, in milliseconds. */
export interface Timeouts {
  /** To open the TCP/TLS connection. */
  readonly connectMs: number;
  /** From sending the request to the first token. */
  readonly firstTokenMs: number;
  /** For the whole generation. */
  readonly totalMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 10_000, firstTokenMs: 60_000, totalMs: 600_000 };

export const MODEL_STATUSES = ['PENDING', 'HEALTHY', 'UNHEALTHY', 'DISABLED', 'RETIRED'] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];

export const CIRCUIT_STATES = ['CLOSED', 'OPEN', 'HALF_OPEN'] as const;
export type CircuitState = (typeof CIRCUIT_STATES)[number];

/**
 * What the maintained catalog (SPEC §16) says of a model's vendor name: CURRENT, DEPRECATED (the
 * catalog marks it so), or UNLISTED (not in the catalog: mock and self-hosted models, or a name
 * the pinned catalog does not know yet).
 */
export const CATALOG_STATUSES = ['CURRENT', 'DEPRECATED', 'UNLISTED'] as const;
export type CatalogStatus = (typeof CATALOG_STATUSES)[number];

/** Where a model's prices come from: its config or registerModel input, the catalog, or nowhere (no price). */
export const PRICING_SOURCES = ['CONFIG', 'CATALOG', 'NONE'] as const;
export type PricingSource = (typeof PRICING_SOURCES)[number];

/** What a model takes in and gives out, as the catalog lists it: text, image, audio, video, pdf. */
export interface ModelModalities {
  readonly input: readonly string[];
  readonly output: readonly string[];
}

/** Where a model's definition comes from: the config file (kept in step with it) or the API. */
export type ModelSource = 'CONFIG' | 'API';

export interface StoredGenerationParams {
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  stop?: string[];
}

export interface StoredLimits {
  requestsPerMinute?: number;
  tokensPerMinute?: number;
}

export interface StoredTimeouts {
  connectMs?: number;
  firstTokenMs?: number;
  totalMs?: number;
}

export interface StoredQuirks {
  streamUsage?: boolean;
}

export interface StoredRetry {
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export interface StoredMockSettings {
  tokens?: number;
  tokenDelayMs?: number;
}

/** The last health probe of a model. */
export interface HealthCheckRecord {
  readonly checkedAt: Date;
  readonly ok: boolean;
  readonly latencyMs: number;
  readonly message: string;
}

/**
 * A model as the rest of the gateway sees it: plain, immutable, with effective values filled in
 * (provider defaults for `baseUrl` and `apiKeyEnv`, 2000 for `maxTokens`). This is what the
 * routing table holds, what events carry and what GraphQL shows; the entity stays in the module.
 */
export interface ModelRecord {
  /** The model's id; for a name a wildcard serves, the name asked for (`openai/gpt-4o-mini`). */
  readonly id: string;
  /**
   * The wildcard model (`openai/*`) this record was resolved from for one name it serves, or null
   * for a registered model. A resolved record has the wildcard's connection, limits and retry, its
   * own upstreamModel (the name after the prefix) and the catalog's prices where the wildcard sets none.
   */
  readonly wildcard: string | null;
  readonly provider: ProviderKind;
  /** Chat or embedding: a door of the other kind refuses the model with a 400. */
  readonly kind: ModelKind;
  readonly upstreamModel: string;
  /** The host an `openai-compatible` model is a preset of (its base URL, key variable and quirks). */
  readonly preset: ProviderPreset | null;
  readonly baseUrl: string | null;
  readonly apiKeyEnv: string | null;
  /** NAME of a stored credential holding the vendor key (over `apiKeyEnv`); never the key. */
  readonly credential: string | null;
  /** Bedrock's AWS region (Vertex AI's location is in its baseUrl). */
  readonly region: string | null;
  /** Azure OpenAI's deployment name (sent in the URL instead of the model name). */
  readonly deployment: string | null;
  /** Azure OpenAI's `api-version` query parameter; null: the `/openai/v1` form, which needs none. */
  readonly apiVersion: string | null;
  readonly version: string | null;
  readonly sourceUrl: string | null;
  /** Tokens of context: the model's own (config or API), else the catalog's. */
  readonly contextWindow: number | null;
  /** Most output tokens the vendor allows, from the catalog. */
  readonly maxOutputTokens: number | null;
  /** From the catalog; null when it does not say. */
  readonly modalities: ModelModalities | null;
  /** Function calling, from the catalog; null when it does not say. */
  readonly supportsTools: boolean | null;
  /** A reasoning (thinking) model, from the catalog; null when it does not say. */
  readonly supportsReasoning: boolean | null;
  readonly catalogStatus: CatalogStatus;
  readonly capabilities: readonly ModelCapability[];
  readonly defaults: Readonly<StoredGenerationParams> & { readonly maxTokens: number };
  readonly limits: Readonly<StoredLimits>;
  /** Integer micro-USD per million tokens, the model's own (config or API) else the catalog's; null when it has no price. */
  readonly inputPriceMicroUsd: number | null;
  readonly outputPriceMicroUsd: number | null;
  /** Cache reads and cache writes; null: priced as input. */
  readonly cachedInputPriceMicroUsd: number | null;
  readonly cacheWritePriceMicroUsd: number | null;
  /** Where the four prices come from: all from the model's own pricing when it has one, else all from the catalog. */
  readonly pricingSource: PricingSource;
  readonly mock: Readonly<StoredMockSettings> | null;
  /** Effective timeouts: the model's, else the defaults. */
  readonly timeouts: Timeouts;
  /** Whether streams ask the vendor for usage (`quirks.streamUsage`, else the preset's default, else true). */
  readonly streamUsage: boolean;
  /** Models tried, in order, when this one fails with a retryable error. */
  readonly fallbacks: readonly string[];
  /** The model's own retry settings (over the global policy). */
  readonly retry: Readonly<StoredRetry>;
  /** The model's own response cache settings (over the config's `cache:`); null: the gateway's. */
  readonly cache: Readonly<StoredModelCache> | null;
  /** The request log's mode for requests this model answers (under the key's, over the gateway's); null: inherits. */
  readonly requestLog?: RequestLogMode | null;
  readonly status: ModelStatus;
  readonly lastHealthCheck: HealthCheckRecord | null;
  readonly source: ModelSource;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly retiredAt: Date | null;
}
