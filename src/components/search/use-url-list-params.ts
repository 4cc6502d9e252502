import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';

export interface UrlWriteOptions {
  /** Replace the history entry instead of adding one (typing, not a choice worth a Back). */
  replace?: boolean;
}

export type SearchChange = (current: URLSearchParams) => URLSearchParams;

export interface UrlListParams<P> {
  /** The view as the rendered URL holds it. */
  params: P;
  /** Changes the view: `change` gets the newest view, including writes the render has not shown yet. */
  update: (change: (current: P) => P, options?: UrlWriteOptions) => void;
  /** The same for one raw search parameter that is not part of `P`'s order (the search text). */
  updateSearch: (change: SearchChange, options?: UrlWriteOptions) => void;
}

/**
 * A list's view (search text, filters, sort) kept in the URL, and the one way its page writes it.
 *
 * react-router's `setSearchParams(fn)` hands `fn` the search of the component's last render, not
 * the router's location. A data router moves its location first and re-renders later (in a
 * transition, after the route's loader), so a second change made before that render was computed
 * from the URL before the first and put it back. So each write is remembered until the render
 * shows it, the next change starts from the newest write, and the router gets a value.
 */
export function useUrlListParams<P>(read: (search: URLSearchParams) => P, write: (params: P) => URLSearchParams): UrlListParams<P> {
  const [searchParams, setSearchParams] = useSearchParams();
  const rendered = searchParams.toString();
  const params = useMemo(() => read(new URLSearchParams(rendered)), [read, rendered]);

  const latest = useRef({ rendered, setSearchParams });
  /** Searches written, oldest first, that no render has shown yet. */
  const pending = useRef<string[]>([]);
  // A layout effect: it runs before any passive effect of the same commit (the search box's
  // debounced write among them) can start a change from a list that is out of date.
  useLayoutEffect(() => {
    latest.current = { rendered, setSearchParams };
    const reached = pending.current.indexOf(rendered);
    // Not one of ours: the URL changed by itself (Back, a link), and what was written before is past.
    pending.current = reached === -1 ? [] : pending.current.slice(reached + 1);
  }, [rendered, setSearchParams]);

  const updateSearch = useCallback((change: SearchChange, { replace = false }: UrlWriteOptions = {}) => {
    const base = pending.current.at(-1) ?? latest.current.rendered;
    const next = change(new URLSearchParams(base)).toString();
    if (next === base) return;
    pending.current.push(next);
    latest.current.setSearchParams(new URLSearchParams(next), { replace });
  }, []);

  const update = useCallback(
    (change: (current: P) => P, options?: UrlWriteOptions) => updateSearch((current) => write(change(read(current))), options),
    [read, write, updateSearch],
  );

  return { params, update, updateSearch };
}
