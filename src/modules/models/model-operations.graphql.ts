import { MODEL_EVENT_TYPES, type ModelEvent } from '../../core/ports/event-bus.js';
import { builder, type BuilderTypes } from '../../graphql/builder.js';
import { definedOnly, withoutNulls } from '../../graphql/input.js';
import {
  ModelCapabilityEnum,
  ModelKindEnum,
  ModelPayloadRef,
  ModelPresetEnum,
  ModelProviderEnum,
  ModelRef,
  ModelStatusEnum,
} from './model.graphql.js';
import { ModelCacheInput } from './model-cache.graphql.js';
import { RequestLogModeEnum } from '../request-log/request-log.graphql.js';
import { BROADCAST } from '../../graphql/broadcast.js';
import { mayUse } from '../../routing/model-access.js';

export const GenerationParamsInput = builder.inputType('GenerationParamsInput', {
  description: 'Sampling parameters; unset ones fall back to the next level (request → session → model → 2000 max tokens).',
  fields: (t) => ({
    maxTokens: t.int({ description: '1 to 1,000,000.' }),
    temperature: t.float({ description: '0 to 2.' }),
    topP: t.float({ description: 'Above 0, at most 1.' }),
    stop: t.stringList({ description: 'Up to 4 stop sequences.' }),
  }),
});

const ModelLimitsInput = builder.inputType('ModelLimitsInput', {
  fields: (t) => ({ requestsPerMinute: t.int(), tokensPerMinute: t.int() }),
});

const ModelPricingInput = builder.inputType('ModelPricingInput', {
  description: 'List prices in USD per million tokens.',
  fields: (t) => ({
    input: t.float({ required: true, description: 'Uncached input tokens.' }),
    output: t.float({ required: true, description: 'Output tokens, reasoning tokens included.' }),
    cachedInput: t.float({ description: "Input tokens read from the vendor's prompt cache (unset: the input price)." }),
    cacheWrite: t.float({ description: "Input tokens written to the vendor's prompt cache (unset: the input price)." }),
  }),
});

const MockSettingsInput = builder.inputType('MockSettingsInput', {
  fields: (t) => ({ tokens: t.int(), tokenDelayMs: t.int() }),
});

const TimeoutsInput = builder.inputType('TimeoutsInput', {
  description: 'Milliseconds; unset ones keep the defaults (connect 10 s, first token 60 s, total 600 s).',
  fields: (t) => ({ connectMs: t.int(), firstTokenMs: t.int(), totalMs: t.int() }),
});

const QuirksInput = builder.inputType('QuirksInput', {
  description: 'How an OpenAI-compatible server departs from the protocol.',
  fields: (t) => ({
    streamUsage: t.boolean({ description: 'false: do not send stream_options.include_usage (usage is then estimated).' }),
  }),
});

const ModelRetryInput = builder.inputType('ModelRetryInput', {
  fields: (t) => ({ attempts: t.int(), baseDelayMs: t.int(), maxDelayMs: t.int() }),
});

type InputFieldBuilder = PothosSchemaTypes.InputFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<BuilderTypes>, 'InputObject'>;

/** The fields registerModel and updateModel share (all optional; update reads null as "clear"). */
function modelInputFields(t: InputFieldBuilder) {
  return {
    upstreamModel: t.string({ description: "The vendor's own model name; defaults to id." }),
    baseUrl: t.string({
      description:
        'API root (OpenAI-style: …/v1; Anthropic: the host). Loopback and private addresses need security.allowPrivateEndpoints.',
    }),
    apiKeyEnv: t.string({ description: 'NAME of the environment variable that holds the vendor key (never the key).' }),
    preset: t.field({ type: ModelPresetEnum, description: 'Only for provider OPENAI_COMPATIBLE: a known host.' }),
    credential: t.string({ description: 'NAME of a stored credential holding the vendor key (over apiKeyEnv).' }),
    region: t.string({
      description: 'Only for provider BEDROCK: the AWS region (e.g. us-east-1); unset: AWS_REGION, then AWS_DEFAULT_REGION.',
    }),
    deployment: t.string({ description: "Azure OpenAI's deployment name." }),
    apiVersion: t.string({ description: "Azure OpenAI's api-version (e.g. 2024-10-21); unset: the /openai/v1 form." }),
    version: t.string({ description: 'A version label.' }),
    sourceUrl: t.string({ description: 'Where the model comes from, e.g. its Hugging Face repository.' }),
    contextWindow: t.int({ description: 'Tokens of context the model accepts.' }),
    capabilities: t.field({ type: [ModelCapabilityEnum] }),
    defaults: t.field({ type: GenerationParamsInput }),
    limits: t.field({ type: ModelLimitsInput }),
    pricing: t.field({ type: ModelPricingInput }),
    mock: t.field({ type: MockSettingsInput, description: 'Only for provider MOCK.' }),
    timeouts: t.field({ type: TimeoutsInput }),
    quirks: t.field({ type: QuirksInput }),
    fallbacks: t.stringList({ description: 'Models to try, in order, when this one fails with a retryable error.' }),
    retry: t.field({ type: ModelRetryInput }),
    cache: t.field({ type: ModelCacheInput, description: 'The response cache settings of this model, over the config cache:.' }),
    requestLog: t.field({
      type: RequestLogModeEnum,
      description: "The request log's mode for requests this model answers (a key's mode wins); unset or null: the gateway's.",
    }),
  };
}

const RegisterModelInput = builder.inputType('RegisterModelInput', {
  fields: (t) => ({
    id: t.id({ required: true, description: 'The slug clients will use.' }),
    provider: t.field({ type: ModelProviderEnum, required: true }),
    kind: t.field({ type: ModelKindEnum, description: 'CHAT (default) or EMBEDDING.' }),
    ...modelInputFields(t),
  }),
});

const UpdateModelInput = builder.inputType('UpdateModelInput', {
  description: 'Fields left out stay as they are; a field set to null is cleared.',
  fields: (t) => ({ id: t.id({ required: true }), ...modelInputFields(t) }),
});

const ModelFilter = builder.inputType('ModelFilter', {
  fields: (t) => ({
    status: t.field({ type: [ModelStatusEnum], description: 'Only these statuses.' }),
    provider: t.field({ type: [ModelProviderEnum], description: 'Only these providers.' }),
    includeRetired: t.boolean({ description: 'Include RETIRED models (left out by default unless status names RETIRED).' }),
  }),
});

builder.queryFields((t) => ({
  models: t.field({
    scope: 'client',
    type: [ModelRef],
    description: 'The models in the registry, sorted by id (for a key limited to some models, only those).',
    args: { filter: t.arg({ type: ModelFilter }) },
    resolve: async (_root, { filter }, ctx) =>
      (await ctx.services.models.list(filter ?? {})).filter((m) => mayUse(ctx.viewer.models, m.id)),
  }),
  model: t.field({
    scope: 'client',
    type: ModelRef,
    nullable: true,
    description: 'One model by id, or null when there is none (or the key is limited to other models).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => (mayUse(ctx.viewer.models, String(id)) ? (ctx.services.models.find(String(id)) ?? null) : null),
  }),
}));

builder.mutationFields((t) => ({
  registerModel: t.field({
    scope: 'admin',
    type: ModelPayloadRef,
    description:
      'Registers a model: validates it, stores it as PENDING, probes its health and answers with the result. A HEALTHY model is routable at once. Needs admin.',
    args: { input: t.arg({ type: RegisterModelInput, required: true }) },
    resolve: (_root, { input }, ctx) => ctx.services.models.register(withoutNulls(input)),
  }),
  updateModel: t.field({
    scope: 'admin',
    type: ModelPayloadRef,
    description: 'Changes a model; a change to how it is reached runs a new health probe. Needs admin.',
    args: { input: t.arg({ type: UpdateModelInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const { id, ...patch } = input;
      return ctx.services.models.update(String(id), definedOnly(patch));
    },
  }),
  disableModel: t.field({
    scope: 'admin',
    type: ModelRef,
    description: 'Takes a model out of routing until enableModel. Needs admin.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => ctx.services.models.disable(String(id)),
  }),
  enableModel: t.field({
    scope: 'admin',
    type: ModelPayloadRef,
    description: 'Brings a disabled model back: PENDING, then probed. Needs admin.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => ctx.services.models.enable(String(id)),
  }),
  retireModel: t.field({
    scope: 'admin',
    type: ModelRef,
    description: 'Retires a model for good; its record and history stay. Needs admin.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => ctx.services.models.retire(String(id)),
  }),
  checkModelHealth: t.field({
    scope: 'admin',
    type: ModelPayloadRef,
    description: "Probes a model's upstream now and records the result. Needs admin.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => ctx.services.models.checkHealth(String(id)),
  }),
}));

const ModelEventTypeEnum = builder.enumType('ModelEventType', { values: MODEL_EVENT_TYPES });

const ModelEventRef = builder.objectRef<ModelEvent>('ModelEvent').implement({
  description: 'A change to the registry.',
  fields: (t) => ({
    type: t.expose('type', { type: ModelEventTypeEnum }),
    model: t.field({ type: ModelRef, description: 'The model as it is after the change.', resolve: (e) => e.model }),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});

builder.subscriptionFields((t) => ({
  modelEvents: t.field({
    scope: 'client',
    type: ModelEventRef,
    description: 'Registry changes as they happen: registrations, updates, health changes, disables and retirements.',
    extensions: BROADCAST,
    args: {
      modelId: t.arg.id({ description: 'Only events of this model.' }),
      types: t.arg({ type: [ModelEventTypeEnum], description: 'Only these event types.' }),
    },
    subscribe: (_root, { modelId, types }, ctx) =>
      ctx.services.bus.subscribe(
        'modelEvents',
        (event: ModelEvent) =>
          mayUse(ctx.viewer.models, event.model.id) &&
          (!modelId || event.model.id === String(modelId)) &&
          (!types?.length || types.includes(event.type)),
      ),
    resolve: (event) => event,
  }),
}));
