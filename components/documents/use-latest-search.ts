'use client';
import { useEffect, useRef, useState } from 'react';
import type { ActionResult } from '@/lib/actions/result';

const SEARCH_DELAY_MS = 250;

/** What a search found for `text`, or why it failed (then `data` is empty). */
export type SearchAnswer<T> = { text: string; data: T[]; error: string | null };

/**
 * Searches `text` a moment after the typing stops, while `enabled` (a picker that is open); the answer
 * to an older search never overwrites a newer one. `search` must keep its identity between renders
 * (a module function, or useCallback): a new one starts a new search.
 */
export function useLatestSearch<T>(
  enabled: boolean,
  text: string,
  search: (text: string) => Promise<ActionResult<T[]>>,
): SearchAnswer<T> | null {
  const [answer, setAnswer] = useState<SearchAnswer<T> | null>(null);
  const latest = useRef(0);
  useEffect(() => {
    const request = ++latest.current;
    if (!enabled) return;
    const timer = setTimeout(async () => {
      const result = await search(text);
      if (request !== latest.current) return;
      setAnswer(result.ok ? { text, data: result.data, error: null } : { text, data: [], error: result.error });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [enabled, text, search]);
  return answer;
}
