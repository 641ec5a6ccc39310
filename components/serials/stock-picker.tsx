'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { SERIAL_SEARCH_HINT } from '@/lib/search/key-search';
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
function useStockSearch(loadInStock: LoadInStock, query: string) {
  const [page, setPage] = useState<StockPage | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latestRequest = useRef(0);
  // Callers often pass an inline function; reading it through a ref keeps the search from restarting
  // (and dropping the pages loaded so far) each time the parent re-renders.
  const loadRef = useRef(loadInStock);
  useEffect(() => {
    loadRef.current = loadInStock;
  }, [loadInStock]);

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
      if (request === latestRequest.current) setError('The serial numbers in stock could not be loaded. Try again.');
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

/**
 * Issue direction: check boxes over the serials of the item still in the warehouse. Checking adds, unchecking removes.
 */
export function StockPicker({
  idPrefix,
  loadInStock,
  selected,
  onAdd,
  onRemove,
}: {
  idPrefix: string;
  loadInStock: LoadInStock;
  selected: ReadonlySet<string>;
  onAdd: (serial: string) => void;
  onRemove: (serial: string) => void;
}) {
  const [query, setQuery] = useState('');
  const { page, loading, error, loadMore } = useStockSearch(loadInStock, query);
  const searchId = `${idPrefix}-stock-search`;
  const statusId = `${idPrefix}-stock-status`;
  const hintId = `${idPrefix}-stock-hint`;

  let status = 'Loading serial numbers in stock…';
  if (page) {
    status =
      page.total === 0
        ? page.query
          ? `No serial numbers in stock match “${page.query}”.`
          : 'No serial numbers of this item are in stock here.'
        : `Showing ${formatCount(page.serials.length)} of ${formatCount(page.total)} in stock.`;
  }

  return (
    <div
      id={`${idPrefix}-stock`}
      role="group"
      aria-label="Pick from stock"
      className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3"
    >
      <label htmlFor={searchId} className="block text-sm font-medium text-slate-700">
        Search serials in stock
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
        <ul
          aria-label="Serial numbers in stock"
          className="max-h-64 overflow-y-auto rounded border border-slate-200 bg-white"
        >
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
