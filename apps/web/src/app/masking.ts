import type { GraphQLCodegenDataMasking } from '@apollo/client/masking';

// Apollo Client's masked types follow GraphQL Code Generator's: an operation's result type holds
// only its own fields and a `$fragmentRefs` entry per spread fragment, and `useFragment` unwraps it.
declare module '@apollo/client' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- module augmentation by extension
  export interface TypeOverrides extends GraphQLCodegenDataMasking.TypeOverrides {}
}
