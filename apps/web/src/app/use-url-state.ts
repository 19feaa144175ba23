import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * One piece of a list's view (search, tab, filter) kept in the URL's query string, so Back and a
 * shared link bring the same view back. Changes replace the current history entry (typing does
 * not pile up entries); the default value is left out of the URL.
 */
export function useUrlState<T extends string>(key: string, fallback: T, allowed?: readonly T[]): [T, (value: T) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get(key);
  const value = raw === null || (allowed && !allowed.includes(raw as T)) ? fallback : (raw as T);
  const set = useCallback(
    (next: T) => {
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          if (next === fallback || next === '') updated.delete(key);
          else updated.set(key, next);
          return updated;
        },
        { replace: true },
      );
    },
    [fallback, key, setParams],
  );
  return [value, set];
}

/**
 * A search box kept in the URL: the box itself answers every keystroke from local state, and the
 * settled text (after `delayMs`) goes to the URL and to the query — so typing never waits for a
 * navigation, and Back still restores the search.
 */
export function useUrlSearch(key = 'q', delayMs = 300): { search: string; setSearch: (value: string) => void; debounced: string } {
  const [saved, setSaved] = useUrlState<string>(key, '');
  const [search, setSearch] = useState<string>(saved);
  const [debounced] = useDebouncedValue(search.trim(), delayMs);
  useEffect(() => {
    if (debounced !== saved) setSaved(debounced);
    // Only the settled text moves the URL; the URL moving (Back) remounts the page anyway.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  return { search, setSearch, debounced };
}
