import { builder } from '../../graphql/builder.js';
import { screamingEnumValues } from '../../graphql/enums.js';
import { withoutNulls } from '../../graphql/input.js';
import { microToUsd } from '../../pricing/money.js';
import { type ChatMessage, type ToolCall, textOf } from '../../core/chat/chat-request.js';
import {
  type FinishReason,
  GENERATION_STATUSES,
  type GenerationRecord,
  type StoredAttempt,
  type StoredRequest,
} from '../../core/records/generation.js';
import { ApiKeyRef } from '../keys/api-key.graphql.js';
import { ModelProviderEnum, ModelRef } from '../models/model.graphql.js';

const FINISH_REASONS: FinishReason[] = ['stop', 'length', 'content-filter', 'tool-calls', 'cancelled', 'cost-limit', 'other'];

export const GenerationStatusEnum = builder.enumType('GenerationStatus', {
  description:
    'SUCCEEDED: the answer is complete. FAILED: the upstream failed or the request was refused (see errorCode). CANCELLED: the caller went away; partial usage is billed.',
  values: GENERATION_STATUSES,
});

const FinishReasonEnum = builder.enumType('FinishReason', {
  description:
    'Why the model stopped: STOP (natural end or stop sequence), LENGTH (maxTokens), CONTENT_FILTER, TOOL_CALLS, CANCELLED (the caller aborted), COST_LIMIT (the gateway stopped it before the chunk that would have passed its costLimit or what it held of the key’s budget), OTHER.',
  values: screamingEnumValues(FINISH_REASONS),
});

export const UsageRef = builder.objectRef<GenerationRecord>('Usage').implement({
  description: 'Tokens of a generation.',
  fields: (t) => ({
    inputTokens: t.exposeInt('inputTokens', { description: 'Every input token, cached ones included (OpenAI’s prompt_tokens).' }),
    outputTokens: t.exposeInt('outputTokens', { description: 'Every output token, reasoning tokens included.' }),
    cachedInputTokens: t.exposeInt('cachedInputTokens', {
      description: 'The part of inputTokens read from the vendor’s prompt cache (priced at the model’s cachedInput price).',
    }),
    cacheWriteTokens: t.exposeInt('cacheWriteTokens', {
      description: 'The part of inputTokens written to the vendor’s prompt cache (priced at the model’s cacheWrite price).',
    }),
    reasoningTokens: t.exposeInt('reasoningTokens', {
      description: 'The part of outputTokens the model spent reasoning (priced as output).',
    }),
    totalTokens: t.int({ resolve: (g) => g.inputTokens + g.outputTokens }),
    estimated: t.exposeBoolean('usageEstimated', {
      description: 'True when the vendor reported no usage and the gateway counted the tokens (cl100k_base).',
    }),
  }),
});

export const ToolCallRef = builder.objectRef<ToolCall>('ToolCall').implement({
  description: 'A function call the model made.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    arguments: t.exposeString('arguments', {
      description: 'The JSON arguments as the model wrote them (parse them; they may not be valid JSON).',
    }),
  }),
});

const AttemptRef = builder.objectRef<StoredAttempt>('GenerationAttempt').implement({
  description: 'One try at an upstream.',
  fields: (t) => ({
    modelId: t.exposeID('modelId'),
    provider: t.field({ type: ModelProviderEnum, resolve: (a) => a.provider as never }),
    outcome: t.field({ type: GenerationStatusEnum, resolve: (a) => a.outcome }),
    errorCode: t.string({ nullable: true, resolve: (a) => a.errorCode ?? null }),
    httpStatus: t.int({
      nullable: true,
      description: "The vendor's HTTP status, when it answered with an error.",
      resolve: (a) => a.httpStatus ?? null,
    }),
    durationMs: t.exposeInt('durationMs'),
    delayMs: t.int({ description: 'The wait before this attempt (back-off or Retry-After).', resolve: (a) => a.delayMs ?? 0 }),
  }),
});

const LoggedMessageRef = builder.objectRef<ChatMessage>('LoggedMessage').implement({
  description: 'One message of a logged request, as it was sent upstream (after redaction).',
  fields: (t) => ({
    role: t.string({ description: 'system, developer, user, assistant or tool.', resolve: (m) => m.role }),
    content: t.string({ description: 'The text (a user message’s text parts joined).', resolve: (m) => textOf(m.content) }),
    parts: t.field({
      type: 'JSON',
      nullable: true,
      description: 'A user message’s content parts (text, image, audio, file) when it has more than text; null otherwise.',
      resolve: (m) => (m.role === 'user' && typeof m.content !== 'string' ? (m.content as never) : null),
    }),
    toolCalls: t.field({
      type: [ToolCallRef],
      description: 'The tool calls an assistant message made (empty otherwise).',
      resolve: (m) => (m.role === 'assistant' ? [...(m.toolCalls ?? [])] : []),
    }),
    toolCallId: t.id({
      nullable: true,
      description: 'The tool call a tool message answers.',
      resolve: (m) => (m.role === 'tool' ? m.toolCallId : null),
    }),
  }),
});

const GenerationRequestRef = builder.objectRef<StoredRequest>('GenerationRequest').implement({
  description:
    'What a generation request asked, as the request log kept it (mode `full`): the messages sent upstream (a session’s history included), the tools and the parameters, with the redaction rules applied.',
  fields: (t) => ({
    messages: t.field({ type: [LoggedMessageRef], resolve: (r) => [...r.messages] }),
    tools: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The tools offered (name, description, JSON Schema parameters, strict); null when none.',
      resolve: (r) => (r.tools?.length ? (r.tools as never) : null),
    }),
    parameters: t.field({
      type: 'JSON',
      description:
        'The merged parameters (maxTokens, temperature, topP, stop) with toolChoice, parallelToolCalls, responseFormat and reasoning when set.',
      resolve: (r) => {
        const { messages: _messages, tools: _tools, params, ...rest } = r;
        return { ...params, ...rest } as never;
      },
    }),
  }),
});

export const GenerationRef = builder.objectRef<GenerationRecord>('Generation').implement({
  description: 'The stored record of one generation request, whatever its outcome.',
  fields: (t) => ({
    id: t.exposeID('id'),
    modelId: t.exposeID('modelId', { description: 'The id of the model actually used.' }),
    model: t.field({
      type: ModelRef,
      nullable: true,
      description: 'The model actually used.',
      resolve: (g, _a, ctx) => ctx.services.models.find(g.modelId) ?? null,
    }),
    requestId: t.exposeString('requestId', { nullable: true, description: 'The x-request-id it was made under.' }),
    poolName: t.exposeID('poolName', { nullable: true, description: 'The pool the request targeted, if it named one.' }),
    provider: t.field({ type: ModelProviderEnum, resolve: (g) => g.provider as never }),
    upstreamModel: t.exposeString('upstreamModel'),
    status: t.field({ type: GenerationStatusEnum, resolve: (g) => g.status }),
    stream: t.exposeBoolean('stream', { description: 'Whether it came from generateStream.' }),
    text: t.exposeString('text', { description: 'The answer (partial for failed and cancelled generations).' }),
    toolCalls: t.field({
      type: [ToolCallRef],
      description: 'The tool calls the answer made, in order (empty when none; finishReason TOOL_CALLS).',
      resolve: (g) => [...g.toolCalls],
    }),
    finishReason: t.field({ type: FinishReasonEnum, nullable: true, resolve: (g) => g.finishReason }),
    maxTokens: t.exposeInt('maxTokens', {
      description:
        'The output limit sent upstream (after the cost limit or the key’s budget, if either lowered it: an answer cut there ends with LENGTH).',
    }),
    usage: t.field({ type: UsageRef, resolve: (g) => g }),
    costUsd: t.float({
      nullable: true,
      description:
        'Cost in USD from the model’s prices and the usage, charged at most the costLimit or what the generation held of the key’s budget (usage stays as reported). Null when unknown: a name a wildcard model serves whose price neither the config nor the catalog gives (never 0 for unknown).',
      resolve: (g) => (g.costMicroUsd === null ? null : microToUsd(g.costMicroUsd)),
    }),
    costMicroUsd: t.exposeFloat('costMicroUsd', {
      nullable: true,
      description:
        'Cost in micro-USD: exact, a whole number (a Float, as on CostRow: an Int holds only 2,147 USD); null when unknown (see costUsd).',
    }),
    latencyMs: t.exposeInt('latencyMs'),
    timeToFirstTokenMs: t.exposeInt('timeToFirstTokenMs', { nullable: true }),
    attempts: t.field({ type: [AttemptRef], resolve: (g) => [...g.attempts] }),
    request: t.field({
      type: GenerationRequestRef,
      nullable: true,
      description: 'The request as the request log kept it (requestLog mode `full`); null when it was not logged.',
      resolve: (g) => g.request,
    }),
    cached: t.exposeBoolean('cached', {
      description: 'Served from the response cache: nothing was sent upstream and it cost nothing.',
    }),
    savedUsd: t.float({
      nullable: true,
      description: 'What a cache hit saved: the cost of the answer it replayed (null when not a hit, or unknown).',
      resolve: (g) => (g.savedMicroUsd === null ? null : microToUsd(g.savedMicroUsd)),
    }),
    traceId: t.exposeString('traceId', {
      nullable: true,
      description: 'The OpenTelemetry trace the request ran under (32 hex digits), when tracing is on.',
    }),
    errorCode: t.exposeString('errorCode', { nullable: true }),
    errorMessage: t.exposeString('errorMessage', { nullable: true }),
    sessionId: t.exposeID('sessionId', { nullable: true }),
    droppedMessages: t.exposeInt('droppedMessages', {
      description: "History messages left out because the session outgrew the model's context window (oldest first, system messages kept).",
    }),
    apiKey: t.field({
      type: ApiKeyRef,
      nullable: true,
      description: 'The key that asked for it (null in local mode).',
      resolve: (g, _a, ctx) => (g.apiKeyId ? ctx.loaders.apiKeys.load(g.apiKeyId) : null),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    completedAt: t.expose('completedAt', { type: 'DateTime' }),
  }),
});

const PageInfoRef = builder.objectRef<{ hasNextPage: boolean; endCursor: string | null }>('PageInfo').implement({
  fields: (t) => ({ hasNextPage: t.exposeBoolean('hasNextPage'), endCursor: t.exposeString('endCursor', { nullable: true }) }),
});

const GenerationEdgeRef = builder.objectRef<{ cursor: string; node: GenerationRecord }>('GenerationEdge').implement({
  fields: (t) => ({ cursor: t.exposeString('cursor'), node: t.field({ type: GenerationRef, resolve: (e) => e.node }) }),
});

const GenerationConnectionRef = builder
  .objectRef<{ edges: { cursor: string; node: GenerationRecord }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }>(
    'GenerationConnection',
  )
  .implement({
    description: 'A page of generations, newest first.',
    fields: (t) => ({
      edges: t.field({ type: [GenerationEdgeRef], resolve: (c) => c.edges }),
      pageInfo: t.field({ type: PageInfoRef, resolve: (c) => c.pageInfo }),
    }),
  });

const GenerationFilter = builder.inputType('GenerationFilter', {
  fields: (t) => ({
    modelId: t.id(),
    status: t.field({ type: [GenerationStatusEnum] }),
    apiKeyId: t.id({ description: 'Only this key’s generations (admins; a client key always sees only its own).' }),
    sessionId: t.id({ description: 'Only the turns of this session (each names the model that answered it).' }),
    since: t.field({ type: 'DateTime', description: 'Created at or after.' }),
    until: t.field({ type: 'DateTime', description: 'Created before.' }),
    search: t.string({
      description:
        'Only generations whose stored answer (text, tool calls) or logged request (requestLog mode FULL) contains this text, ignoring case (1 to 200 characters; SQLite folds ASCII letters only). What the request log did not keep (mode OFF, or redacted) cannot be found.',
    }),
  }),
});

builder.queryFields((t) => ({
  generation: t.field({
    scope: 'client',
    type: GenerationRef,
    nullable: true,
    description: 'One generation, or null when there is none the caller may see.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      return (await ctx.services.generations.find(String(id), ctx.viewer)) ?? null;
    },
  }),
  generations: t.field({
    scope: 'client',
    type: GenerationConnectionRef,
    description: 'Generations, newest first (a Relay connection). A client key sees only its own.',
    args: {
      filter: t.arg({ type: GenerationFilter }),
      first: t.arg.int({ defaultValue: 20, description: '1 to 200.' }),
      after: t.arg.string({ description: 'The endCursor of the previous page.' }),
    },
    resolve: async (_root, { filter, first, after }, ctx) => {
      const { apiKeyId, modelId, sessionId, ...rest } = withoutNulls(filter ?? {});
      const page = await ctx.services.generations.page(
        ctx.viewer,
        {
          ...rest,
          ...(modelId ? { modelId: String(modelId) } : {}),
          ...(apiKeyId ? { apiKeyId: String(apiKeyId) } : {}),
          ...(sessionId ? { sessionId: String(sessionId) } : {}),
        },
        first ?? 20,
        after,
      );
      const edges = page.items.map((node) => ({ cursor: page.cursor(node), node }));
      return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
    },
  }),
}));
