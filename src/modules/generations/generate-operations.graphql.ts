import { builder } from '../../graphql/builder.js';
import { screamingEnumValues } from '../../graphql/enums.js';
import { withoutNulls } from '../../graphql/input.js';
import { GenerationParamsInput } from '../models/model-operations.graphql.js';
import { ModelRef } from '../models/model.graphql.js';
import { MESSAGE_ROLES } from './generate-input.js';
import type { GenerationEvent } from './generation-service.js';
import { GenerationRef } from './generation.graphql.js';

const MessageRoleEnum = builder.enumType('MessageRole', {
  values: screamingEnumValues(MESSAGE_ROLES),
});

const MessageInput = builder.inputType('MessageInput', {
  fields: (t) => ({ role: t.field({ type: MessageRoleEnum, required: true }), content: t.string({ required: true }) }),
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
    costLimit: t.float({
      description:
        'Most USD this request may cost. The prompt plus maxTokens of output is priced first: maxTokens is lowered to fit, and when not even one output token fits the request is refused with COST_LIMIT_EXCEEDED and nothing is sent.',
    }),
  }),
});

type Started = Extract<GenerationEvent, { kind: 'started' }>;
type Delta = Extract<GenerationEvent, { kind: 'delta' }>;
type Completed = Extract<GenerationEvent, { kind: 'completed' }>;
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
      description: "The generation's cost so far (estimated from the text; the completed generation has the exact figure).",
      resolve: (e) => e.costMicroUsd / 1_000_000,
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

const EVENT_TYPES = { started: StartedRef, delta: DeltaRef, completed: CompletedRef, failed: FailedRef } as const;

const GenerationEventUnion = builder.unionType('GenerationEvent', {
  description:
    'generateStream yields GenerationStarted, TokenDeltas (each one or more upstream chunks, in order), then GenerationCompleted or GenerationFailed.',
  types: [StartedRef, DeltaRef, CompletedRef, FailedRef],
  resolveType: (event) => EVENT_TYPES[event.kind],
});

builder.mutationFields((t) => ({
  generate: t.field({
    scope: 'client',
    type: GenerationRef,
    description:
      'Generates an answer and returns the stored generation. Failures are errors with a code (and extensions.generationId); every request is stored.',
    args: { input: t.arg({ type: GenerateInput, required: true }) },
    resolve: (_root, { input }, ctx) => ctx.services.generations.generate(withoutNulls(input), ctx.viewer, ctx.signal, ctx.requestId),
  }),
}));

builder.subscriptionFields((t) => ({
  generateStream: t.field({
    scope: 'client',
    type: GenerationEventUnion,
    description:
      'Streams a generation token by token. Closing the subscription aborts the upstream call; the generation is stored CANCELLED with its partial usage and cost.',
    args: { input: t.arg({ type: GenerateInput, required: true }) },
    subscribe: async (_root, { input }, ctx) => {
      const prepared = await ctx.services.generations.prepare(withoutNulls(input), ctx.viewer, true, ctx.requestId, ctx.signal);
      return ctx.services.generations.stream(prepared);
    },
    resolve: (event) => event,
  }),
}));
