import { useState } from 'react';

/** What `useFragment` answers, as far as completeness goes. */
export type FragmentResult<TData> = { complete: true; data: TData } | { complete: false };

/**
 * A fragment's data once the cache holds all of it, and the last complete data while a mutation's
 * cache update has dropped some fields and the page's query fetches them again, so a component
 * (and its state, such as a token's secret shown once) stays on screen as it did before masking.
 * Null until the fragment has been complete once.
 */
export function useCompleteFragment<TData>(result: FragmentResult<TData>): TData | null {
  const [last, setLast] = useState<TData | null>(result.complete ? result.data : null);
  // Remembering the previous render's data (React's documented pattern): `useFragment` hands back
  // the same object until the cache changes, so this settles after one extra render.
  if (result.complete && result.data !== last) setLast(result.data);
  return result.complete ? result.data : last;
}
