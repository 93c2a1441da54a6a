import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import './scalars.js';
import '../modules/models/model.graphql.js';
import '../modules/models/model-catalog.graphql.js';
import '../modules/models/model-operations.graphql.js';
import '../modules/keys/api-key.graphql.js';
import '../modules/credentials/credential.graphql.js';
import '../modules/generations/generation.graphql.js';
import '../modules/generations/generate-operations.graphql.js';
import '../modules/pools/pool.graphql.js';
import '../modules/sessions/session.graphql.js';
import '../modules/config/config.graphql.js';
import '../modules/budgets/budget.graphql.js';
import '../modules/costs/costs.graphql.js';
import '../modules/embeddings/embed.graphql.js';

/** The whole schema, types sorted, as served and as printed to schema/schema.graphql. */
export const schema = lexicographicSortSchema(builder.toSchema());
