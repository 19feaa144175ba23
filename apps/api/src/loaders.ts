/**
 * Per-request DataLoaders, created fresh for every request so nothing is cached across viewers.
 * Feature slices add their loaders here (each from its `<x>.loaders.ts`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Loaders {}

export function createLoaders(): Loaders {
  return {};
}
