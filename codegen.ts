import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents from schema/schema.graphql: every `graphql(`…`)` call in src/client/ (the
 * client library), console/src/ (the web console) and test/ is checked against the schema and gets
 * result and variable types.
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
    // The console sends documents as strings: no GraphQL parser or printer in the browser bundle.
    'console/src/gql/': {
      ...preset,
      config: { ...preset.config, documentMode: 'string' },
      documents: ['console/src/**/*.{ts,tsx}', '!console/src/gql/**'],
    },
  },
};

export default config;
