'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { SERIAL_SEARCH_HINT } from '@/lib/search/serial-search-hint';
import { formatCount } from '@/lib/format';

export type LoadInStock = (
  query: string,
  offset: number,
  limit: number,
) => Promise<{ serials: string[]; total: number }>;

const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 300;

type StockPage = { query: string; serials: string[]; total: number };

/**
 * Loads serials in stock page by page. A request id drops answers that arrive after a newer search,
 * so a slow first page never overwrites the results of what the user typed since.
 */
function useStockSearch(loadInStock: LoadInStock, query: string, failed: string) {
  const [page, setPage] = useState<StockPage | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latestRequest = useRef(0);
  // Callers often pass an inline function; reading it through a ref keeps the search from restarting
  // (and dropping the pages loaded so far) each time the parent re-renders.
  const loadRef = useRef(loadInStock);
  const failedRef = useRef(failed);
  useEffect(() => {
    loadRef.current = loadInStock;
    failedRef.current = failed;
  }, [loadInStock, failed]);

  const load = useCallback(async (forQuery: string, offset: number) => {
    const request = ++latestRequest.current;
    setLoading(true);
    try {
      const result = await loadRef.current(forQuery, offset, PAGE_SIZE);
      if (request !== latestRequest.current) return;
      setPage((previous) => ({
        query: forQuery,
        serials: offset > 0 && previous ? previous.serials.concat(result.serials) : result.serials,
        total: result.total,
      }));
      setError(null);
    } catch {
      if (request === latestRequest.current) setError(failedRef.current);
    } finally {
      if (request === latestRequest.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => void load(query.trim(), 0), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [load, query]);

  const loadMore = () => page && load(page.query, page.serials.length);
  return { page, loading, error, loadMore };
}

/** How the picker names what it lists: the stock here, or (a return) what can go back on one document. */
function wordsFor(pickFrom: string | undefined) {
  return pickFrom
    ? {
        title: `Pick from ${pickFrom}`,
        search: 'Search serials that can go back',
        list: `Serial numbers that can go back on ${pickFrom}`,
        loading: 'Loading the serial numbers that can go back…',
        noMatch: (query: string) => `No serial numbers that can go back match “${query}”.`,
        none: `No serial numbers of this item can go back on ${pickFrom}.`,
        where: `that can go back on ${pickFrom}`,
        failed: 'The serial numbers that can go back could not be loaded. Try again.',
      }
    : {
        title: 'Pick from stock',
        search: 'Search serials in stock',
        list: 'Serial numbers in stock',
        loading: 'Loading serial numbers in stock…',
        noMatch: (query: string) => `No serial numbers in stock match “${query}”.`,
        none: 'No serial numbers of this item are in stock here.',
        where: 'in stock',
        failed: 'The serial numbers in stock could not be loaded. Try again.',
      };
}

/**
 * Check boxes over the serials of the item still in the warehouse (issue direction) or, on a return's line, over those
 * that can go back on the document it names (`pickFrom`). Checking adds, unchecking removes.
 */
export function StockPicker({
  idPrefix,
  loadInStock,
  pickFrom,
  selected,
  onAdd,
  onRemove,
}: {
  idPrefix: string;
  loadInStock: LoadInStock;
  pickFrom?: string;
  selected: ReadonlySet<string>;
  onAdd: (serial: string) => void;
  onRemove: (serial: string) => void;
}) {
  const [query, setQuery] = useState('');
  const words = wordsFor(pickFrom);
  const { page, loading, error, loadMore } = useStockSearch(loadInStock, query, words.failed);
  const searchId = `${idPrefix}-stock-search`;
  const statusId = `${idPrefix}-stock-status`;
  const hintId = `${idPrefix}-stock-hint`;

  let status = words.loading;
  if (page) {
    status =
      page.total === 0
        ? page.query
          ? words.noMatch(page.query)
          : words.none
        : `Showing ${formatCount(page.serials.length)} of ${formatCount(page.total)} ${words.where}.`;
  }

  return (
    <div
      id={`${idPrefix}-stock`}
      role="group"
      aria-label={words.title}
      className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3"
    >
      <label htmlFor={searchId} className="block text-sm font-medium text-slate-700">
        {words.search}
      </label>
      <Input
        id={searchId}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-describedby={`${hintId} ${statusId}`}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.preventDefault();
        }}
        autoComplete="off"
      />
      <p id={hintId} className="text-xs text-slate-500">
        {SERIAL_SEARCH_HINT}
      </p>
      <p id={statusId} role="status" aria-live="polite" className="text-xs text-slate-600">
        {status}
      </p>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      {page && page.serials.length > 0 && (
        <ul aria-label={words.list} className="max-h-64 overflow-y-auto rounded border border-slate-200 bg-white">
          {page.serials.map((serial, index) => {
            const boxId = `${idPrefix}-stock-${index}`;
            const checked = selected.has(serial);
            return (
              <li
                key={serial}
                className="flex items-center gap-2 border-b border-slate-100 px-3 py-1.5 last:border-b-0"
              >
                <input
                  id={boxId}
                  type="checkbox"
                  checked={checked}
                  className="size-4"
                  onChange={() => (checked ? onRemove(serial) : onAdd(serial))}
                />
                <label htmlFor={boxId} className="font-mono text-sm">
                  {serial}
                </label>
              </li>
            );
          })}
        </ul>
      )}
      {page && page.serials.length < page.total && (
        <Button variant="secondary" onClick={() => void loadMore()} disabled={loading}>
          {loading ? 'Loading…' : 'Load more'}
        </Button>
      )}
    </div>
  );
}
