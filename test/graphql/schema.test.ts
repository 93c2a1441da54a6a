import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printSchemaFile } from '../../src/graphql/print-schema.js';

describe('schema/schema.graphql', () => {
  it('should equal the SDL printed from the code (run `npm run codegen` after a schema change)', () => {
    const committed = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(printSchemaFile());
  });

  it('should contain the operations SPEC names', () => {
    const sdl = printSchemaFile();
    for (const field of [
      'models(filter: ModelFilter)',
      'model(id: ID!)',
      'registerModel(input: RegisterModelInput!)',
      'updateModel(input: UpdateModelInput!)',
      'disableModel(id: ID!)',
      'retireModel(id: ID!)',
      'checkModelHealth(id: ID!)',
      'createApiKey(input: CreateApiKeyInput!)',
      'revokeApiKey(id: ID!)',
      'apiKeys:',
      'modelEvents(',
    ]) {
      expect(sdl).toContain(field);
    }
  });
});
