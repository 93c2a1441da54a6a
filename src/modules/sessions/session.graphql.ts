import { NotFoundError } from '../../core/errors.js';
import { builder } from '../../graphql/builder.js';
import { withoutNulls } from '../../graphql/input.js';
import { ApiKeyRef } from '../keys/api-key.graphql.js';
import { GenerationParamsInput } from '../models/model-operations.graphql.js';
import { ModelRef } from '../models/model.graphql.js';
import { PoolRef } from '../pools/pool.graphql.js';
import type { StoredGenerationParams } from '../../core/records/model.js';
import { canSee } from './session-service.js';
import type { HistoryMessage } from './session-history.js';
import { ToolCallRef } from '../generations/generation.graphql.js';
import type { ModelSwitchRecord, SessionRecord } from '../../core/records/session.js';
import { BROADCAST } from '../../graphql/broadcast.js';

const SessionParamsRef = builder.objectRef<StoredGenerationParams>('SessionParams').implement({
  description: "The session's parameters; unset ones fall back to the model's defaults.",
  fields: (t) => ({
    maxTokens: t.int({ nullable: true, resolve: (p) => p.maxTokens ?? null }),
    temperature: t.float({ nullable: true, resolve: (p) => p.temperature ?? null }),
    topP: t.float({ nullable: true, resolve: (p) => p.topP ?? null }),
    stop: t.stringList({ nullable: true, resolve: (p) => p.stop ?? null }),
  }),
});

const SessionMessageRef = builder.objectRef<HistoryMessage>('SessionMessage').implement({
  description: "One message of a session's history.",
  fields: (t) => ({
    role: t.string({ description: 'system, developer, user, assistant or tool.', resolve: (m) => m.role }),
    content: t.exposeString('content', { description: 'The text (a user message’s text parts joined).' }),
    toolCalls: t.field({
      type: [ToolCallRef],
      description: 'The tool calls an assistant message made (empty otherwise).',
      resolve: (m) => (m.message.role === 'assistant' ? [...(m.message.toolCalls ?? [])] : []),
    }),
    toolCallId: t.id({
      nullable: true,
      description: 'The tool call a tool message answers.',
      resolve: (m) => (m.message.role === 'tool' ? m.message.toolCallId : null),
    }),
    imageUrls: t.stringList({
      description: 'The images of a user message (https:// or data: URLs), in order.',
      resolve: (m) =>
        m.message.role === 'user' && typeof m.message.content !== 'string'
          ? m.message.content.flatMap((p) => (p.type === 'image' ? [p.url] : []))
          : [],
    }),
    generationId: t.exposeID('generationId', { nullable: true, description: 'The generation this turn belongs to.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const SessionRef = builder.objectRef<SessionRecord>('Session').implement({
  description: 'A conversation: its current model, its parameters and its history.',
  fields: (t) => ({
    id: t.exposeID('id'),
    model: t.field({
      type: ModelRef,
      nullable: true,
      description: 'The model later requests of the session use (null when it targets a pool).',
      resolve: (s, _a, ctx) => (s.modelId ? ctx.services.models.get(s.modelId) : null),
    }),
    pool: t.field({
      type: PoolRef,
      nullable: true,
      description: 'The pool later requests of the session use (null when it targets a model).',
      resolve: (s, _a, ctx) => (s.poolName ? (ctx.services.pools.find(s.poolName) ?? null) : null),
    }),
    params: t.field({ type: SessionParamsRef, resolve: (s) => s.params }),
    revision: t.exposeInt('revision', { description: 'Starts at 1; every applied switch adds 1.' }),
    messages: t.field({
      type: [SessionMessageRef],
      description: 'The stored history, oldest first (bounded by the config’s sessions.maxHistoryMessages and maxHistoryBytes).',
      resolve: (s, _a, ctx) => ctx.services.sessions.history(s.id),
    }),
    trimmedMessages: t.int({
      description:
        'How many of the oldest messages were dropped, whole turns at a time, to keep the stored history within its bounds (their generations stay recorded).',
      resolve: (s, _a, ctx) => ctx.services.sessions.droppedCount(s.id),
    }),
    apiKey: t.field({
      type: ApiKeyRef,
      nullable: true,
      resolve: (s, _a, ctx) => (s.apiKeyId ? ctx.loaders.apiKeys.load(s.apiKeyId) : null),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const ModelSwitchRef = builder.objectRef<ModelSwitchRecord>('ModelSwitch').implement({
  description: 'A model switch as applied: what switchModel answers and modelSwitched delivers.',
  fields: (t) => ({
    session: t.field({ type: SessionRef, description: 'The session as the switch left it.', resolve: (e) => e.session }),
    previousModel: t.field({
      type: ModelRef,
      nullable: true,
      resolve: (e, _a, ctx) => (e.previousModelId ? ctx.services.models.get(e.previousModelId) : null),
    }),
    previousPool: t.field({
      type: PoolRef,
      nullable: true,
      resolve: (e, _a, ctx) => (e.previousPoolName ? (ctx.services.pools.find(e.previousPoolName) ?? null) : null),
    }),
    model: t.field({
      type: ModelRef,
      nullable: true,
      description: 'The new model (null when the session now targets a pool).',
      resolve: (e, _a, ctx) => (e.modelId ? ctx.services.models.get(e.modelId) : null),
    }),
    pool: t.field({
      type: PoolRef,
      nullable: true,
      description: 'The new pool, when the session now targets one.',
      resolve: (e, _a, ctx) => (e.poolName ? (ctx.services.pools.find(e.poolName) ?? null) : null),
    }),
    revision: t.exposeInt('revision', { description: 'The session revision this switch produced.' }),
    switchedAt: t.expose('switchedAt', { type: 'DateTime' }),
    latencyMs: t.exposeFloat('latencyMs', { description: 'From the mutation being received to the event being published.' }),
  }),
});

const CreateSessionInput = builder.inputType('CreateSessionInput', {
  fields: (t) => ({
    modelId: t.id({ description: 'The model; the config’s defaultModel when neither it nor poolName is given.' }),
    poolName: t.id({ description: 'A pool instead of a model.' }),
    params: t.field({ type: GenerationParamsInput, description: 'Override the model’s defaults for this session.' }),
  }),
});

const SwitchModelInput = builder.inputType('SwitchModelInput', {
  fields: (t) => ({
    sessionId: t.id({ required: true }),
    modelId: t.id({ description: 'The new model (or give poolName).' }),
    poolName: t.id({ description: 'A pool to switch to instead of a model.' }),
    params: t.field({
      type: GenerationParamsInput,
      description: 'New session parameters (replace the old ones); omitted, the session keeps its own.',
    }),
  }),
});

const SessionConnectionRef = builder.objectRef<{ items: SessionRecord[]; hasNextPage: boolean }>('SessionConnection').implement({
  fields: (t) => ({
    edges: t.field({
      type: [
        builder
          .objectRef<SessionRecord>('SessionEdge')
          .implement({ fields: (e) => ({ cursor: e.exposeString('id'), node: e.field({ type: SessionRef, resolve: (s) => s }) }) }),
      ],
      resolve: (c) => c.items,
    }),
    pageInfo: t.field({
      type: builder.objectRef<{ hasNextPage: boolean; endCursor: string | null }>('SessionPageInfo').implement({
        fields: (p) => ({ hasNextPage: p.exposeBoolean('hasNextPage'), endCursor: p.exposeString('endCursor', { nullable: true }) }),
      }),
      resolve: (c) => ({ hasNextPage: c.hasNextPage, endCursor: c.items.at(-1)?.id ?? null }),
    }),
  }),
});

builder.queryFields((t) => ({
  session: t.field({
    scope: 'client',
    type: SessionRef,
    nullable: true,
    description: 'One session, or null when there is none the caller may see.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) =>
      ctx.services.sessions.get(String(id), ctx.viewer).catch((error: unknown) => {
        if (error instanceof NotFoundError) return null;
        throw error;
      }),
  }),
  sessions: t.field({
    scope: 'client',
    type: SessionConnectionRef,
    description: 'The sessions the caller may see (a client key: its own).',
    args: { first: t.arg.int({ defaultValue: 20 }), after: t.arg.string() },
    resolve: (_root, { first, after }, ctx) => ctx.services.sessions.page(ctx.viewer, first ?? 20, after),
  }),
}));

builder.mutationFields((t) => ({
  createSession: t.field({
    scope: 'client',
    type: SessionRef,
    description: 'Starts a session on a model (NOT_FOUND or MODEL_UNAVAILABLE when it cannot take requests).',
    args: { input: t.arg({ type: CreateSessionInput, required: true }) },
    resolve: (_root, { input }, ctx) => ctx.services.sessions.create(withoutNulls(input), ctx.viewer),
  }),
  switchModel: t.field({
    scope: 'client',
    type: ModelSwitchRef,
    description:
      "Switches a session's model for every later request (never one already running); the history is kept. Publishes modelSwitched.",
    args: { input: t.arg({ type: SwitchModelInput, required: true }) },
    resolve: (_root, { input }, ctx) => ctx.services.sessions.switchModel(withoutNulls(input), ctx.viewer, performance.now()),
  }),
}));

builder.subscriptionFields((t) => ({
  modelSwitched: t.field({
    scope: 'client',
    type: ModelSwitchRef,
    description: 'Model switches as they are applied, in revision order per session. Without sessionId: every session the caller may see.',
    extensions: BROADCAST,
    args: { sessionId: t.arg.id() },
    subscribe: async (_root, { sessionId }, ctx) => {
      if (sessionId) await ctx.services.sessions.get(String(sessionId), ctx.viewer);
      // In revision order per session even with several instances (another instance's event can
      // arrive after a later local one): an event at or below the last delivered revision is dropped.
      const delivered = new Map<string, number>();
      return ctx.services.bus.subscribe('modelSwitched', (event: ModelSwitchRecord) => {
        if (sessionId ? event.session.id !== String(sessionId) : !canSee(ctx.viewer, event.session)) return false;
        if ((delivered.get(event.session.id) ?? 0) >= event.revision) return false;
        delivered.delete(event.session.id);
        delivered.set(event.session.id, event.revision);
        if (delivered.size > 10_000) delivered.delete(delivered.keys().next().value as string); // bounded: the longest-quiet session goes
        return true;
      });
    },
    resolve: (event) => event,
  }),
}));
