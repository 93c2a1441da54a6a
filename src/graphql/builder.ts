import SchemaBuilder from '@pothos/core';
import type { Context } from './context.js';

/** The Pothos builder. It defines no types: each module's *.graphql.ts adds its own. */
export interface BuilderTypes {
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: { DateTime: { Input: Date; Output: Date | string } };
}

export const builder = new SchemaBuilder<BuilderTypes>({ defaultFieldNullability: false });

builder.queryType({ description: 'Reads.' });
builder.mutationType({ description: 'Changes.' });
builder.subscriptionType({ description: 'Live events, over graphql-ws (or SSE).' });
