'use client';
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { formatCount } from '@/lib/format';

/** Rows rendered at once: a 10,000-serial line shows one page, never 10,000 DOM rows. */
export const SERIAL_PAGE_SIZE = 200;

type Entry = { serial: string; index: number };

function visibleEntries(
  serials: string[],
  problems: ReadonlyMap<string, string[]>,
  filter: string,
  problemsOnly: boolean,
): Entry[] {
  const needle = filter.trim().toLowerCase();
  const entries: Entry[] = [];
  serials.forEach((serial, index) => {
    if (problemsOnly && !problems.has(serial)) return;
    if (needle && !serial.toLowerCase().includes(needle)) return;
    entries.push({ serial, index });
  });
  return entries;
}

/** The entered serials, one page at a time (the last page first, where new scans appear), with their problems. */
export const SerialList = memo(function SerialList({
  idPrefix,
  serials,
  problems,
  onRemoveAt,
  onClearAll,
}: {
  idPrefix: string;
  serials: string[];
  problems: ReadonlyMap<string, string[]>;
  onRemoveAt: (index: number, serial: string) => void;
  onClearAll: () => void;
}) {
  const [filter, setFilter] = useState('');
  const [problemsOnly, setProblemsOnly] = useState(false);
  // null follows the last page, so the newest scans stay in view while scanning.
  const [chosenPage, setChosenPage] = useState<number | null>(null);
  const entries = useMemo(
    () => visibleEntries(serials, problems, filter, problemsOnly),
    [serials, problems, filter, problemsOnly],
  );
  // onRemoveAt changes with every scan (it closes over the list); the rows get one stable function instead, so a
  // scan re-renders only the row it adds, not the page of 200 already shown (memo on SerialRow).
  const removeAt = useRef(onRemoveAt);
  useLayoutEffect(() => {
    removeAt.current = onRemoveAt;
  });
  const removeRow = useCallback((index: number, serial: string) => removeAt.current(index, serial), []);

  const pageCount = Math.max(1, Math.ceil(entries.length / SERIAL_PAGE_SIZE));
  const page = chosenPage === null ? pageCount - 1 : Math.min(chosenPage, pageCount - 1);
  const shown = entries.slice(page * SERIAL_PAGE_SIZE, (page + 1) * SERIAL_PAGE_SIZE);
  const goTo = (target: number) => setChosenPage(target >= pageCount - 1 ? null : target);

  if (serials.length === 0) return <p className="text-sm text-slate-500">No serial numbers entered yet.</p>;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-48 flex-1">
          <label htmlFor={`${idPrefix}-find`} className="mb-1 block text-xs font-medium text-slate-600">
            Find in entered serials
          </label>
          <Input
            id={`${idPrefix}-find`}
            type="search"
            value={filter}
            autoComplete="off"
            onChange={(e) => {
              setFilter(e.target.value);
              setChosenPage(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') e.preventDefault();
            }}
          />
        </div>
        {problems.size > 0 && (
          <label className="flex min-h-10 items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              className="size-4"
              checked={problemsOnly}
              onChange={(e) => {
                setProblemsOnly(e.target.checked);
                setChosenPage(null);
              }}
            />
            Only serials with problems
          </label>
        )}
        <Button variant="secondary" onClick={onClearAll}>
          Clear all
        </Button>
      </div>
      <ol
        aria-label="Entered serial numbers"
        className="max-h-96 overflow-y-auto rounded-md border border-slate-200 bg-white"
      >
        {shown.map(({ serial, index }) => (
          <SerialRow key={index} serial={serial} index={index} problems={problems.get(serial)} onRemoveAt={removeRow} />
        ))}
        {shown.length === 0 && <li className="px-3 py-2 text-sm text-slate-500">No entered serial matches.</li>}
      </ol>
      <PageControls page={page} pageCount={pageCount} total={entries.length} onGoTo={goTo} />
    </div>
  );
});

const SerialRow = memo(function SerialRow({
  serial,
  index,
  problems,
  onRemoveAt,
}: {
  serial: string;
  index: number;
  problems: string[] | undefined;
  onRemoveAt: (index: number, serial: string) => void;
}) {
  return (
    <li
      className="flex items-start gap-3 border-b border-slate-100 px-3 py-1.5 last:border-b-0"
      data-invalid={problems ? true : undefined}
    >
      <span className="w-14 shrink-0 pt-1 text-right text-xs tabular-nums text-slate-400" aria-hidden="true">
        {index + 1}
      </span>
      <div className="min-w-0 flex-1 pt-0.5">
        <span className="break-all font-mono text-sm text-slate-900">{serial}</span>
        {problems?.map((message) => (
          <p key={message} className="text-xs text-red-700">
            {message}
          </p>
        ))}
      </div>
      <button
        type="button"
        aria-label={`Remove ${serial}`}
        onClick={() => onRemoveAt(index, serial)}
        className="rounded px-2 py-1 text-sm text-slate-500 hover:bg-red-50 hover:text-red-700 focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        ✕
      </button>
    </li>
  );
});

function PageControls({
  page,
  pageCount,
  total,
  onGoTo,
}: {
  page: number;
  pageCount: number;
  total: number;
  onGoTo: (page: number) => void;
}) {
  if (pageCount <= 1) return null;
  const first = page * SERIAL_PAGE_SIZE + 1;
  const last = Math.min(total, (page + 1) * SERIAL_PAGE_SIZE);
  return (
    <nav
      aria-label="Pages of entered serial numbers"
      className="flex flex-wrap items-center gap-2 text-sm text-slate-600"
    >
      <Button variant="secondary" onClick={() => onGoTo(0)} disabled={page === 0}>
        First page
      </Button>
      <Button variant="secondary" onClick={() => onGoTo(page - 1)} disabled={page === 0}>
        Previous page
      </Button>
      <span>
        {formatCount(first)}–{formatCount(last)} of {formatCount(total)}
      </span>
      <Button variant="secondary" onClick={() => onGoTo(page + 1)} disabled={page >= pageCount - 1}>
        Next page
      </Button>
      <Button variant="secondary" onClick={() => onGoTo(pageCount - 1)} disabled={page >= pageCount - 1}>
        Last page
      </Button>
    </nav>
  );
}
