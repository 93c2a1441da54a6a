import { builder } from '../../graphql/builder.js';
import { microToUsd } from '../../pricing/money.js';
import { UsageRef } from '../generations/generation.graphql.js';
import type { EmbedFields, Embedded } from './embedding-service.js';

/** How `embed` names its fields in errors. */
const EMBED_FIELDS: EmbedFields = { model: 'input.model', pool: 'input.pool', input: 'input.input', dimensions: 'input.dimensions' };

const EmbedInput = builder.inputType('EmbedInput', {
  description: 'Texts to embed on a model of kind EMBEDDING, or on a pool of them.',
  fields: (t) => ({
    model: t.string({ description: 'An embedding model id (or pool).' }),
    pool: t.string({ description: 'A pool of embedding models (takes precedence over model).' }),
    input: t.stringList({ required: true, description: 'The texts, 1 to 2048, none empty: one vector each, in order.' }),
    dimensions: t.int({ description: 'The size of each vector, where the model can shorten them.' }),
  }),
});

const EmbedResultRef = builder.objectRef<Embedded>('EmbedResult').implement({
  description: 'The vectors of an embed request, and the generation it was stored as.',
  fields: (t) => ({
    embeddings: t.field({
      type: t.listRef(t.listRef('Float')),
      description: 'One vector per input text, in order.',
      resolve: (e) => e.embeddings,
    }),
    model: t.string({ description: 'The model that embedded the texts.', resolve: (e) => e.model.id }),
    usage: t.field({ type: UsageRef, description: 'Input tokens (no output tokens).', resolve: (e) => e.record }),
    generationId: t.id({ description: 'The stored generation (see generation, generations and costs).', resolve: (e) => e.record.id }),
    costUsd: t.float({
      nullable: true,
      description:
        'What the request cost: its input tokens at the model’s input price; null when the price is unknown (see Generation.costUsd).',
      resolve: (e) => (e.record.costMicroUsd === null ? null : microToUsd(e.record.costMicroUsd)),
    }),
  }),
});

builder.mutationFields((t) => ({
  embed: t.field({
    scope: 'client',
    type: EmbedResultRef,
    description:
      'Embeds texts on a model of kind EMBEDDING (or a pool of them), through the same admission, routing, budgets and records as generate; stored as a generation of its model. A chat model is BAD_USER_INPUT.',
    args: { input: t.arg({ type: EmbedInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const model = input.model ?? undefined;
      const pool = input.pool ?? undefined;
      // One name for both: a pool's name given as model is taken as the pool, like /v1 does.
      const asPool = pool === undefined && model !== undefined && !ctx.services.models.find(model) && ctx.services.pools.find(model);
      return ctx.services.embeddings.embed(
        {
          ...(asPool ? { pool: model } : { model, pool }),
          input: input.input,
          ...(input.dimensions != null ? { dimensions: input.dimensions } : {}),
        },
        ctx.viewer,
        { requestId: ctx.requestId, signal: ctx.signal, fields: EMBED_FIELDS },
      );
    },
  }),
}));
