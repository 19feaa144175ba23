import type { CodegenConfig } from '@graphql-codegen/cli';

// Types come from the committed schema file, never from a running server, so
// generation is reproducible offline and `check:generated` catches drift in CI.
const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: {
        // Components read fragment data directly; see README "Web app decisions".
        fragmentMasking: false,
      },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        onlyOperationTypes: true,
        defaultScalarType: 'unknown',
        scalars: {
          DateTime: 'string',
          JSONObject: 'Record<string, unknown>',
        },
      },
    },
  },
};

export default config;
