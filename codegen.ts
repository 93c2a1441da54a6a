import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the tests (and, later, the client): every `graphql(`…`)` call in test/
 * is checked against schema/schema.graphql and gets result and variable types.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['test/**/*.ts', '!test/gql/**'],
  ignoreNoDocuments: true,
  importExtension: '.js',
  generates: {
    'test/gql/': {
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string' } },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
