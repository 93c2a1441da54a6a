import SchemaBuilder from '@pothos/core';
import { hasScope } from '../modules/keys/viewer.js';
import type { Context } from './context.js';
import { fieldScopePlugin } from './scope-plugin.js';

/** The Pothos builder. It defines no types: each module's *.graphql.ts adds its own. */
export interface BuilderTypes {
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: { DateTime: { Input: Date; Output: Date | string }; JSON: { Input: unknown; Output: unknown } };
}

/**
 * Every Query, Mutation and Subscription field declares its `scope` (see scope-plugin.ts): the
 * caller's key must have it, else FORBIDDEN before the resolver runs. The services still decide
 * per argument and filter by owner.
 */
export const builder = new SchemaBuilder<BuilderTypes>({
  defaultFieldNullability: false,
  plugins: [fieldScopePlugin],
  fieldScope: { allows: ({ viewer }, scope) => hasScope(viewer, scope) },
});

builder.queryType({ description: 'Reads.' });
builder.mutationType({ description: 'Changes.' });
builder.subscriptionType({ description: 'Live events, over graphql-ws (or SSE).' });
