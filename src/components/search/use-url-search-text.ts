import { useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import type { UrlListParams } from './use-url-list-params';

export interface UrlSearchText {
  /** What the box shows: every keystroke, at once. */
  text: string;
  setText: (text: string) => void;
  /** The box holds what the URL searches for (typing has settled and the URL has caught up). */
  settled: boolean;
  /**
   * Empties the box without a round of debouncing. The caller writes the URL (without `q`) in
   * the same event, with whatever else it clears.
   */
  clear: () => void;
}

/**
 * The text of a list's search box, kept in the URL's search parameter `key` once typing settles
 * (`delayMs`), replacing the history entry rather than adding one per word. `urlText` is what the
 * URL searches for, as the page read it; `updateSearch` is the page's own URL writer, so a search
 * and a filter changed in quick succession start from each other. When the URL changes by itself
 * (back, a link), the box shows what is searched.
 */
export function useUrlSearchText(
  urlText: string,
  updateSearch: UrlListParams<unknown>['updateSearch'],
  { key = 'q', delayMs = 250 }: { key?: string; delayMs?: number } = {},
): UrlSearchText {
  const [text, setText] = useState(urlText);
  const debounced = useDebouncedValue(text.trim(), delayMs);
  const lastDebounced = useRef(debounced);
  const lastSynced = useRef(urlText);

  useEffect(() => {
    if (debounced === lastDebounced.current) return;
    lastDebounced.current = debounced;
    if (debounced === urlText) return;
    lastSynced.current = debounced;
    updateSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (debounced) next.set(key, debounced);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  }, [debounced, urlText, key, updateSearch]);

  useEffect(() => {
    if (urlText === lastSynced.current) return;
    lastSynced.current = urlText;
    setText(urlText);
  }, [urlText]);

  return {
    text,
    setText,
    settled: text.trim() === urlText,
    clear: () => {
      setText('');
      lastSynced.current = '';
    },
  };
}
