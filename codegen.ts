import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents from schema/schema.graphql: every `graphql(`…`)` call in src/client/ (the
 * client library) and in test/ is checked against the schema and gets result and variable types.
 */
const preset = {
  preset: 'client' as const,
  config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string' } },
  presetConfig: { fragmentMasking: false },
};

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  ignoreNoDocuments: true,
  importExtension: '.js',
  generates: {
    'src/client/gql/': { ...preset, documents: ['src/client/**/*.ts', '!src/client/gql/**'] },
    'test/gql/': { ...preset, documents: ['test/**/*.ts', '!test/gql/**'] },
  },
};

export default config;
