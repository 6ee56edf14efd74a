import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** Changes to the address's query: a value sets the parameter, undefined or '' removes it. */
export type UrlChanges = Record<string, string | undefined>;

/**
 * The page's state kept in the address (shareable, survives a reload, back/forward work): the
 * current parameters and an update that applies changes. Any change that does not name `cursor`
 * starts again at the first page: a cursor belongs to the query it was returned for.
 */
export function useUrlState(): [URLSearchParams, (changes: UrlChanges) => void] {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (changes: UrlChanges) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) {
            next.set(key, value);
          } else {
            next.delete(key);
          }
        }
        if (!('cursor' in changes)) {
          next.delete('cursor');
        }
        return next;
      }),
    [setParams],
  );
  return [params, update];
}
