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
        // No codegen `useFragment` masking: components get plain fragment types. If masking is
        // wanted later, Apollo Client 4's own data masking is the one to adopt (one mechanism).
        fragmentMasking: false,
      },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        // Types for operations, enums and inputs only: pages type their props from fragments,
        // and the generated file does not grow with every schema type.
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
