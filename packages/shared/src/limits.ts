/**
 * Limits both the API (validation) and the web app (form hints) enforce.
 * One source, so a form never accepts what the server will refuse.
 */
export const LIMITS = {
  /** `first` on every connection: 1..maxPageSize. */
  maxPageSize: 100,
  defaultPageSize: 50,
  /** Deepest selection set a GraphQL operation may have. */
  maxQueryDepth: 12,
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
