/**
 * Limits both the API (validation) and the web app (form hints) enforce.
 * One source, so a form never accepts what the server will refuse.
 */
export const LIMITS = {
  /** `first` on every connection: 1..maxPageSize. */
  maxPageSize: 100,
  defaultPageSize: 50,
  /** Deepest selection set a GraphQL operation may have (fields only; fragments add no depth). */
  maxQueryDepth: 12,
  /**
   * What one GraphQL operation may ask for, checked before it runs (README "Query limits").
   * Tokens: names, values and punctuation of the document (variables do not count).
   * Aliases: with fragments expanded. Fields: selections with fragments expanded.
   * Cost: every field 1, every list field once per item it asks for (`first`), nested lists multiply.
   */
  maxQueryTokens: 2_000,
  maxQueryAliases: 30,
  maxQueryFields: 1_000,
  maxQueryCost: 25_000,
  /** Largest JSON body the GraphQL endpoint accepts. */
  maxRequestBytes: 1_000_000,
  groupNameMax: 100,
  groupDescriptionMax: 2_000,
  groupMetadataBytes: 16 * 1024,
  reasonMax: 1_000,
  displayNameMax: 200,
  emailMax: 254,
  passwordMin: 12,
  passwordMax: 256,
  /** Questions one bulk access check (checkAccessMany) may ask. */
  maxBulkChecks: 500,
} as const;
