import { lazy, type ComponentType } from 'react';

/**
 * React.lazy for a module's *named* export (the codebase has no default exports).
 * Each page becomes its own chunk; the shell's Suspense boundary shows a skeleton meanwhile.
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
