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
        // Masking is Apollo Client's own (`dataMasking: true` in app/apollo-client.ts): one mechanism.
        // The preset's `useFragment` helper only casts types and would hand a component the masked
        // object Apollo returns, so it is not generated; components read their fragment with
        // Apollo's `useFragment` instead, and the types below are masked the way Apollo masks data.
        fragmentMasking: false,
      },
      config: {
        // A parent's type holds only its own fields plus a reference to each spread fragment.
        inlineFragmentTypes: 'mask',
        // `@unmask` (for objects the cache cannot identify, so `useFragment` cannot read them) keeps
        // the fragment's fields in the parent's type, as Apollo keeps them in the parent's data.
        customDirectives: { apolloUnmask: true },
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
