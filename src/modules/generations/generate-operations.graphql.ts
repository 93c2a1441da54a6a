import { microToUsd } from '../../pricing/money.js';
import { builder } from '../../graphql/builder.js';
import { screamingEnumValues } from '../../graphql/enums.js';
import { withoutNulls } from '../../graphql/input.js';
import { GenerationParamsInput } from '../models/model-operations.graphql.js';
import { ModelRef } from '../models/model.graphql.js';
import {
  GRAPHQL_FIELDS,
  IMAGE_DETAILS,
  MESSAGE_ROLES,
  REASONING_EFFORTS,
  RESPONSE_FORMAT_TYPES,
  readGenerateInput,
  TOOL_CHOICE_MODES,
} from './generate-input.js';
import type { GenerationEvent } from './generation-service.js';
import { GenerationRef } from './generation.graphql.js';
import { traceGenerate, traceGenerateStream } from '../../graphql/traced-operation.js';
import { CacheControlInput, readCacheControl } from './cache-control.graphql.js';

/** GenerateInput's JSON scalars (a JSON Schema may hold null as a value): kept as sent. */
const JSON_FIELDS: ReadonlySet<string> = new Set(['parameters', 'schema']);

const MessageRoleEnum = builder.enumType('MessageRole', {
  description: 'DEVELOPER: OpenAI’s newer name for SYSTEM (sent as system to vendors without it). TOOL: the result of a tool call.',
  values: screamingEnumValues(MESSAGE_ROLES),
});

const ImageDetailEnum = builder.enumType('ImageDetail', { values: screamingEnumValues(IMAGE_DETAILS) });

const ImageUrlInput = builder.inputType('ImageUrlInput', {
  description: 'An image: an https:// URL (the vendor fetches it; the gateway never does) or a base64 data URL.',
  fields: (t) => ({
    url: t.string({ required: true }),
    detail: t.field({ type: ImageDetailEnum, description: 'OpenAI’s fidelity hint (LOW costs 85 tokens); other vendors ignore it.' }),
  }),
});

const InputAudioInput = builder.inputType('InputAudioInput', {
  description: 'Base64 audio, for models whose provider takes audio (OpenAI).',
  fields: (t) => ({ data: t.string({ required: true }), format: t.string({ required: true, description: 'wav or mp3.' }) }),
});

const FileInput = builder.inputType('FileInput', {
  description: 'A file (a PDF …): a base64 data URL or a vendor file id, for models whose provider takes files (OpenAI).',
  fields: (t) => ({ fileData: t.string(), fileId: t.string(), filename: t.string() }),
});

const ContentPartInput = builder.inputType('ContentPartInput', {
  description: 'One part of a USER message: exactly one field.',
  isOneOf: true,
  fields: (t) => ({
    text: t.string(),
    imageUrl: t.field({ type: ImageUrlInput }),
    inputAudio: t.field({ type: InputAudioInput }),
    file: t.field({ type: FileInput }),
  }),
});

const ToolCallInput = builder.inputType('ToolCallInput', {
  description: 'A tool call an earlier ASSISTANT message made (as Generation.toolCalls gave it).',
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string({ required: true }),
    arguments: t.string({ required: true, description: 'The JSON arguments, as the model wrote them.' }),
  }),
});

const MessageInput = builder.inputType('MessageInput', {
  description:
    'One message: `content` (text) or `parts` (USER only: text, images, audio, files), exactly one of them — an ASSISTANT message with toolCalls may leave both out. A TOOL message gives `toolCallId` and the result as content.',
  fields: (t) => ({
    role: t.field({ type: MessageRoleEnum, required: true }),
    content: t.string(),
    parts: t.field({ type: [ContentPartInput] }),
    toolCalls: t.field({ type: [ToolCallInput] }),
    toolCallId: t.id(),
  }),
});

const ToolInput = builder.inputType('ToolInput', {
  description: 'A function the model may call.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Letters, digits, _ and -, at most 64.' }),
    description: t.string(),
    parameters: t.field({ type: 'JSON', required: true, description: 'A JSON Schema object for the arguments.' }),
    strict: t.boolean({ description: 'Hold the arguments to the schema exactly (OpenAI’s strict mode).' }),
  }),
});

const ToolChoiceModeEnum = builder.enumType('ToolChoiceMode', {
  description: 'AUTO: the model decides. NONE: no tool call. REQUIRED: at least one tool call.',
  values: screamingEnumValues(TOOL_CHOICE_MODES),
});

const ToolChoiceInput = builder.inputType('ToolChoiceInput', {
  description: 'A mode, or the name of the one tool the model must call: exactly one.',
  isOneOf: true,
  fields: (t) => ({ mode: t.field({ type: ToolChoiceModeEnum }), name: t.string() }),
});

const ResponseFormatTypeEnum = builder.enumType('ResponseFormatType', { values: screamingEnumValues(RESPONSE_FORMAT_TYPES) });

const ResponseFormatInput = builder.inputType('ResponseFormatInput', {
  description: 'TEXT (the default), JSON_OBJECT (any JSON object) or JSON_SCHEMA (an answer of `schema`).',
  fields: (t) => ({
    type: t.field({ type: ResponseFormatTypeEnum, required: true }),
    name: t.string({ description: 'JSON_SCHEMA: the schema’s name (default "answer").' }),
    description: t.string(),
    schema: t.field({ type: 'JSON', description: 'JSON_SCHEMA: the JSON Schema the answer follows.' }),
    strict: t.boolean(),
  }),
});

const ReasoningEffortEnum = builder.enumType('ReasoningEffort', {
  description: 'How hard an OpenAI reasoning model thinks.',
  values: screamingEnumValues(REASONING_EFFORTS),
});

const GenerateInput = builder.inputType('GenerateInput', {
  description: 'Give a prompt or messages (not both).',
  fields: (t) => ({
    model: t.id({ description: 'The model id; else the session’s model; else the config’s defaultModel.' }),
    pool: t.id({ description: 'A pool instead of a model.' }),
    sessionId: t.id({ description: 'Continue this session: its history is sent upstream, and the prompt and answer are appended to it.' }),
    prompt: t.string({ description: 'A single user message.' }),
    messages: t.field({ type: [MessageInput], description: 'A whole conversation (system, user and assistant messages).' }),
    params: t.field({ type: GenerationParamsInput, description: 'Override the model’s defaults for this request.' }),
    tools: t.field({
      type: [ToolInput],
      description: 'Functions the model may call; its calls are Generation.toolCalls (streamed as ToolCallDelta).',
    }),
    toolChoice: t.field({ type: ToolChoiceInput }),
    parallelToolCalls: t.boolean({
      description: 'Whether the model may call several tools in one answer (the vendor’s default when unset).',
    }),
    responseFormat: t.field({ type: ResponseFormatInput }),
    reasoningEffort: t.field({ type: ReasoningEffortEnum, description: 'For OpenAI reasoning models.' }),
    reasoningBudgetTokens: t.int({
      description: 'Extended thinking for Anthropic models: the most tokens the model may think with (≥ 1024, below maxTokens).',
    }),
    costLimit: t.float({
      description:
        'Most USD this request may cost. The prompt plus maxTokens of output is priced first: maxTokens is lowered to fit, and when not even one output token fits the request is refused with COST_LIMIT_EXCEEDED and nothing is sent.',
    }),
  }),
});

type Started = Extract<GenerationEvent, { kind: 'started' }>;
type Delta = Extract<GenerationEvent, { kind: 'delta' }>;
type Completed = Extract<GenerationEvent, { kind: 'completed' }>;
type ToolCallDelta = Extract<GenerationEvent, { kind: 'tool-call-delta' }>;
type ReasoningDelta = Extract<GenerationEvent, { kind: 'reasoning-delta' }>;
type Failed = Extract<GenerationEvent, { kind: 'failed' }>;

const StartedRef = builder.objectRef<Started>('GenerationStarted').implement({
  description: 'The request was accepted and is being sent upstream.',
  fields: (t) => ({
    generationId: t.exposeID('generationId'),
    model: t.field({ type: ModelRef, resolve: (e) => e.model }),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});

const DeltaRef = builder.objectRef<Delta>('TokenDelta').implement({
  description:
    'Text from one or more upstream chunks, in order. Chunks that arrive together, or while the subscriber has not yet taken the previous delta, travel as one delta (their text joined): a slow reader is not sent one event per token. `index` and `chunks` say which: the next delta’s index is this index + chunks.',
  fields: (t) => ({
    generationId: t.exposeID('generationId'),
    text: t.exposeString('text'),
    index: t.exposeInt('index', {
      description: 'The number of this delta’s first upstream chunk: 0, 1, 2 … in the order the chunks arrived.',
    }),
    chunks: t.exposeInt('chunks', { description: 'How many upstream chunks this delta carries (1 or more).' }),
    costUsd: t.float({
      nullable: true,
      description:
        "The generation's cost so far (estimated from the text; the completed generation has the exact figure); null when the model's price is unknown.",
      resolve: (e) => (e.costMicroUsd === null ? null : microToUsd(e.costMicroUsd)),
    }),
  }),
});

const ToolCallDeltaRef = builder.objectRef<ToolCallDelta>('ToolCallDelta').implement({
  description:
    'A fragment of a tool call, between the token deltas: the first fragment of call `index` carries its `id` and `name` (later ones null); the `argumentsDelta`s of one index, joined, are its JSON arguments. Fragments the subscriber has not yet taken travel joined.',
  fields: (t) => ({
    generationId: t.exposeID('generationId'),
    index: t.exposeInt('index', { description: 'The call’s place among this answer’s tool calls: 0, 1, …' }),
    id: t.exposeID('id', { nullable: true }),
    name: t.exposeString('name', { nullable: true }),
    argumentsDelta: t.exposeString('argumentsDelta'),
    costUsd: t.float({
      nullable: true,
      description: 'The generation’s cost so far (estimated); null when the model’s price is unknown.',
      resolve: (e) => (e.costMicroUsd === null ? null : microToUsd(e.costMicroUsd)),
    }),
  }),
});

const ReasoningDeltaRef = builder.objectRef<ReasoningDelta>('ReasoningDelta').implement({
  description: 'Reasoning text (the model’s thinking), where the vendor streams it, before the answer’s text.',
  fields: (t) => ({
    generationId: t.exposeID('generationId'),
    text: t.exposeString('text'),
    signature: t.string({
      nullable: true,
      description: 'Set on the (empty) delta that ends a signed thinking block (Anthropic): its signature, which a later turn sends back.',
      resolve: (e) => e.end?.signature ?? null,
    }),
    costUsd: t.float({
      nullable: true,
      description: 'The generation’s cost so far (estimated); null when the model’s price is unknown.',
      resolve: (e) => (e.costMicroUsd === null ? null : microToUsd(e.costMicroUsd)),
    }),
  }),
});

const CompletedRef = builder.objectRef<Completed>('GenerationCompleted').implement({
  description: 'The answer is complete; the stored generation has the usage and cost.',
  fields: (t) => ({ generation: t.field({ type: GenerationRef, resolve: (e) => e.generation }) }),
});

const FailedRef = builder.objectRef<Failed>('GenerationFailed').implement({
  description: 'The upstream failed; the stored generation keeps the partial text and usage.',
  fields: (t) => ({
    generationId: t.id({ resolve: (e) => e.generation.id }),
    code: t.exposeString('code', { description: 'One of the gateway error codes (UPSTREAM_ERROR, RATE_LIMITED, …).' }),
    message: t.exposeString('message'),
    partialText: t.string({ resolve: (e) => e.generation.text }),
    generation: t.field({ type: GenerationRef, resolve: (e) => e.generation }),
  }),
});

const EVENT_TYPES = {
  started: StartedRef,
  delta: DeltaRef,
  'tool-call-delta': ToolCallDeltaRef,
  'reasoning-delta': ReasoningDeltaRef,
  completed: CompletedRef,
  failed: FailedRef,
} as const;

const GenerationEventUnion = builder.unionType('GenerationEvent', {
  description:
    'generateStream yields GenerationStarted, TokenDeltas (each one or more upstream chunks, in order) with ToolCallDeltas and ReasoningDeltas between them, then GenerationCompleted or GenerationFailed.',
  types: [StartedRef, DeltaRef, ToolCallDeltaRef, ReasoningDeltaRef, CompletedRef, FailedRef],
  resolveType: (event) => EVENT_TYPES[event.kind],
});

builder.mutationFields((t) => ({
  generate: t.field({
    scope: 'client',
    type: GenerationRef,
    description:
      'Generates an answer and returns the stored generation. Failures are errors with a code (and extensions.generationId); every request is stored.',
    args: { input: t.arg({ type: GenerateInput, required: true }), cache: t.arg({ type: CacheControlInput }) },
    resolve: (_root, { input, cache }, ctx, info) =>
      traceGenerate(ctx, info, () =>
        ctx.services.generations.generate(readGenerateInput(withoutNulls(input, JSON_FIELDS)), ctx.viewer, ctx.signal, {
          requestId: ctx.requestId,
          fields: GRAPHQL_FIELDS,
          cache: readCacheControl(cache),
        }),
      ),
  }),
}));

builder.subscriptionFields((t) => ({
  generateStream: t.field({
    scope: 'client',
    type: GenerationEventUnion,
    description:
      'Streams a generation token by token. Closing the subscription aborts the upstream call; the generation is stored CANCELLED with its partial usage and cost.',
    args: { input: t.arg({ type: GenerateInput, required: true }), cache: t.arg({ type: CacheControlInput }) },
    subscribe: (_root, { input, cache }, ctx, info) =>
      traceGenerateStream(ctx, info, async () => {
        const prepared = await ctx.services.generations.prepare(readGenerateInput(withoutNulls(input, JSON_FIELDS)), ctx.viewer, {
          stream: true,
          requestId: ctx.requestId,
          signal: ctx.signal,
          fields: GRAPHQL_FIELDS,
          cache: readCacheControl(cache),
        });
        return ctx.services.generations.stream(prepared);
      }),
    resolve: (event) => event,
  }),
}));
