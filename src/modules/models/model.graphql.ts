import { ModelCacheRef } from './model-cache.graphql.js';
import { builder } from '../../graphql/builder.js';
import { hasScope } from '../keys/viewer.js';
import { screamingEnumValues } from '../../graphql/enums.js';
import { type ModelPricing, pricingOf } from '../../pricing/money.js';
import {
  CIRCUIT_STATES,
  type HealthCheckRecord,
  MODEL_CAPABILITIES,
  MODEL_KINDS,
  MODEL_STATUSES,
  type ModelRecord,
  PROVIDER_KINDS,
  PROVIDER_PRESETS,
} from '../../core/records/model.js';
import { RequestLogModeEnum } from '../request-log/request-log.graphql.js';
import type { CircuitSnapshot } from '../../core/ports/stores.js';
import type { HealthProbe } from './model-health.js';
import type { ModelWithHealth } from './model-registry.js';

export const ModelProviderEnum = builder.enumType('ModelProvider', {
  description: 'The wire protocol a model is reached with.',
  values: screamingEnumValues(PROVIDER_KINDS),
});

export const ModelPresetEnum = builder.enumType('ModelPreset', {
  description: 'A known OpenAI-compatible host: its base URL, key variable and quirks come filled in.',
  values: screamingEnumValues(PROVIDER_PRESETS),
});

export const ModelCapabilityEnum = builder.enumType('ModelCapability', {
  description: 'What a model can do.',
  values: screamingEnumValues(MODEL_CAPABILITIES),
});

export const ModelKindEnum = builder.enumType('ModelKind', {
  description: 'What a model serves: CHAT (generate, /v1/chat/completions) or EMBEDDING (embed, /v1/embeddings).',
  values: screamingEnumValues(MODEL_KINDS),
});

export const ModelStatusEnum = builder.enumType('ModelStatus', {
  description:
    'PENDING: registered, not yet checked. HEALTHY: routable. UNHEALTHY: failed its last check, not routed. DISABLED: taken out of service by an admin. RETIRED: gone for good; history kept.',
  values: MODEL_STATUSES,
});

const CircuitStateEnum = builder.enumType('CircuitState', {
  description:
    'The circuit breaker of a model: CLOSED lets requests through, OPEN takes the model out of routing, HALF_OPEN lets one probe through.',
  values: CIRCUIT_STATES,
});

const ModelSourceEnum = builder.enumType('ModelSource', {
  description: 'CONFIG: defined in the config file and kept in step with it. API: registered through the API.',
  values: ['CONFIG', 'API'] as const,
});

const GenerationParamsRef = builder.objectRef<ModelRecord['defaults']>('GenerationParams').implement({
  description: 'Sampling parameters.',
  fields: (t) => ({
    maxTokens: t.exposeInt('maxTokens', { description: 'Most output tokens per request (2000 when the model sets none).' }),
    temperature: t.float({ nullable: true, resolve: (p) => p.temperature ?? null }),
    topP: t.float({ nullable: true, resolve: (p) => p.topP ?? null }),
    stop: t.stringList({ nullable: true, resolve: (p) => p.stop ?? null }),
  }),
});

const ModelLimitsRef = builder.objectRef<ModelRecord['limits']>('ModelLimits').implement({
  description: 'Rate limits of a model.',
  fields: (t) => ({
    requestsPerMinute: t.int({ nullable: true, resolve: (l) => l.requestsPerMinute ?? null }),
    tokensPerMinute: t.int({ nullable: true, resolve: (l) => l.tokensPerMinute ?? null }),
  }),
});

const ModelPricingRef = builder.objectRef<ModelPricing>('ModelPricing').implement({
  description: 'List prices in USD per million tokens.',
  fields: (t) => ({
    input: t.exposeFloat('input', { description: 'USD per million uncached input (prompt) tokens.' }),
    output: t.exposeFloat('output', { description: 'USD per million output (completion) tokens, reasoning tokens included.' }),
    cachedInput: t.exposeFloat('cachedInput', { description: "USD per million input tokens read from the vendor's prompt cache." }),
    cacheWrite: t.exposeFloat('cacheWrite', { description: "USD per million input tokens written to the vendor's prompt cache." }),
  }),
});

const MockSettingsRef = builder.objectRef<NonNullable<ModelRecord['mock']>>('MockSettings').implement({
  description: 'Settings of a mock model.',
  fields: (t) => ({
    tokens: t.int({ nullable: true, description: 'Tokens per answer (16 when unset).', resolve: (m) => m.tokens ?? null }),
    tokenDelayMs: t.int({
      nullable: true,
      description: 'Delay before each streamed token, in ms.',
      resolve: (m) => m.tokenDelayMs ?? null,
    }),
  }),
});

const TimeoutsRef = builder.objectRef<ModelRecord['timeouts']>('Timeouts').implement({
  description: 'How long a call to the model may take, in milliseconds.',
  fields: (t) => ({
    connectMs: t.exposeInt('connectMs', { description: 'To open the connection.' }),
    firstTokenMs: t.exposeInt('firstTokenMs', { description: 'From the request to the first token.' }),
    totalMs: t.exposeInt('totalMs', { description: 'For the whole generation.' }),
  }),
});

/** What a client key reads of a failed probe: the reason may name key variables and credentials (operators' business). */
const FAILED_PROBE_FOR_CLIENTS = 'the health probe failed; an admin key can read why';

const HealthCheckRef = builder.objectRef<HealthCheckRecord>('HealthCheck').implement({
  description: 'The last health probe of a model.',
  fields: (t) => ({
    checkedAt: t.expose('checkedAt', { type: 'DateTime' }),
    ok: t.exposeBoolean('ok'),
    latencyMs: t.exposeInt('latencyMs'),
    message: t.string({
      description:
        'What was checked, or why it failed. Why it failed (a vendor’s answer, a key variable’s or credential’s name) is shown to admin keys only; others read that an administrator can see it.',
      resolve: (h, _args, ctx) => (h.ok || hasScope(ctx.viewer, 'admin') ? h.message : FAILED_PROBE_FOR_CLIENTS),
    }),
  }),
});

const CircuitRef = builder.objectRef<CircuitSnapshot>('Circuit').implement({
  description: "A model's circuit breaker, over its rolling window.",
  fields: (t) => ({
    state: t.expose('state', { type: CircuitStateEnum }),
    errorRate: t.exposeFloat('errorRate', { description: 'Failed / all requests in the window (0 to 1).' }),
    requests: t.exposeInt('requests', { description: 'Requests in the window.' }),
    openedAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => (c.openedAt === null ? null : new Date(c.openedAt)) }),
    reopensAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When an open circuit lets its probe through.',
      resolve: (c) => (c.reopensAt === null ? null : new Date(c.reopensAt)),
    }),
  }),
});

const ModelRetryRef = builder.objectRef<ModelRecord['retry']>('ModelRetry').implement({
  description: "The model's own retry settings (unset: the global routing.retry).",
  fields: (t) => ({
    attempts: t.int({ nullable: true, resolve: (r) => r.attempts ?? null }),
    baseDelayMs: t.int({ nullable: true, resolve: (r) => r.baseDelayMs ?? null }),
    maxDelayMs: t.int({ nullable: true, resolve: (r) => r.maxDelayMs ?? null }),
  }),
});

export const ModelRef = builder.objectRef<ModelRecord>('Model').implement({
  description: 'A model in the registry.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The slug clients use, e.g. gpt-4.' }),
    provider: t.expose('provider', { type: ModelProviderEnum }),
    kind: t.expose('kind', { type: ModelKindEnum, description: 'CHAT or EMBEDDING: which operations may call the model.' }),
    upstreamModel: t.exposeString('upstreamModel', { description: "The vendor's own model name (defaults to id)." }),
    preset: t.expose('preset', {
      type: ModelPresetEnum,
      nullable: true,
      description: 'The OpenAI-compatible host this model is a preset of.',
    }),
    region: t.exposeString('region', { nullable: true, description: "Bedrock's AWS region." }),
    deployment: t.exposeString('deployment', { nullable: true, description: "Azure OpenAI's deployment name." }),
    apiVersion: t.exposeString('apiVersion', {
      nullable: true,
      description: "Azure OpenAI's api-version; null: the /openai/v1 form.",
    }),
    baseUrl: t.string({
      nullable: true,
      description:
        "The API root called: the model's override or the provider's public endpoint. Admin only: null for a client key (it can name internal hosts).",
      resolve: (m, _args, ctx) => (hasScope(ctx.viewer, 'admin') ? m.baseUrl : null),
    }),
    apiKeyEnv: t.string({
      nullable: true,
      description:
        'NAME of the environment variable holding the vendor key. Keys themselves are never stored or returned. Admin only: null for a client key.',
      resolve: (m, _args, ctx) => (hasScope(ctx.viewer, 'admin') ? m.apiKeyEnv : null),
    }),
    credential: t.string({
      nullable: true,
      description: 'NAME of the stored credential holding the vendor key (never the key). Admin only: null for a client key.',
      resolve: (m, _args, ctx) => (hasScope(ctx.viewer, 'admin') ? m.credential : null),
    }),
    version: t.exposeString('version', { nullable: true }),
    sourceUrl: t.exposeString('sourceUrl', {
      nullable: true,
      description: 'Where the model comes from, e.g. its Hugging Face repository.',
    }),
    contextWindow: t.exposeInt('contextWindow', {
      nullable: true,
      description: "Tokens of context the model accepts: its own (config or API), else the catalog's.",
    }),
    capabilities: t.field({ type: [ModelCapabilityEnum], resolve: (m) => [...m.capabilities] }),
    defaults: t.field({ type: GenerationParamsRef, resolve: (m) => m.defaults }),
    limits: t.field({ type: ModelLimitsRef, resolve: (m) => m.limits }),
    pricing: t.field({
      type: ModelPricingRef,
      nullable: true,
      description: "List prices: the model's own (config or API) when it has them, else the catalog's (see pricingSource).",
      resolve: (m) => pricingOf(m),
    }),
    mock: t.field({ type: MockSettingsRef, nullable: true, resolve: (m) => m.mock }),
    timeouts: t.field({ type: TimeoutsRef, description: "The model's timeouts, defaults filled in.", resolve: (m) => m.timeouts }),
    streamUsage: t.exposeBoolean('streamUsage', {
      description: 'Whether streams ask the vendor for usage (quirks.streamUsage); when false, usage is estimated.',
    }),
    status: t.expose('status', { type: ModelStatusEnum }),
    lastHealthCheck: t.field({ type: HealthCheckRef, nullable: true, resolve: (m) => m.lastHealthCheck }),
    circuit: t.field({ type: CircuitRef, resolve: (m, _a, ctx) => ctx.services.router.circuit(m.id) }),
    fallbacks: t.field({
      type: ['String'],
      description: 'Models tried, in order, when this one fails with a retryable error.',
      resolve: (m) => [...m.fallbacks],
    }),
    retry: t.field({ type: ModelRetryRef, resolve: (m) => m.retry }),
    cache: t.field({
      type: ModelCacheRef,
      nullable: true,
      description: "The model's own response cache settings; null: the gateway's (config cache:).",
      resolve: (m) => m.cache,
    }),
    requestLog: t.field({
      type: RequestLogModeEnum,
      nullable: true,
      description: "The request log's mode for requests this model answers (a key's mode wins); null: the gateway's (requestLog.mode).",
      resolve: (m) => m.requestLog ?? null,
    }),
    source: t.expose('source', { type: ModelSourceEnum }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    retiredAt: t.expose('retiredAt', { type: 'DateTime', nullable: true }),
  }),
});

const HealthProbeRef = builder.objectRef<HealthProbe>('HealthProbe').implement({
  description: 'The outcome of the health probe an operation ran.',
  fields: (t) => ({
    ok: t.exposeBoolean('ok'),
    latencyMs: t.int({ resolve: (p) => Math.round(p.latencyMs) }),
    message: t.exposeString('message'),
  }),
});

export const ModelPayloadRef = builder.objectRef<ModelWithHealth>('ModelPayload').implement({
  description: 'A model after a change, with the health probe the change ran (null when none ran).',
  fields: (t) => ({
    model: t.field({ type: ModelRef, resolve: (p) => p.model }),
    healthCheck: t.field({ type: HealthProbeRef, nullable: true, resolve: (p) => p.healthCheck }),
  }),
});
