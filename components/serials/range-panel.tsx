'use client';
import { useState, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { generateSerialRange, serialPrefix, suggestNextNumber } from '@/lib/serials/parse';
import { formatCount } from '@/lib/format';

type RangeDraft = { prefix: string; start: string; count: string; digits: string };

/** Pre-fills from what is already entered: same prefix as the last serial, next free number, remaining count. */
function initialDraft(existing: string[], expectedCount: number | null): RangeDraft {
  const last = existing[existing.length - 1];
  const prefix = last !== undefined && /\d$/.test(last) ? serialPrefix(last) : '';
  const { start, padTo } = suggestNextNumber(existing, prefix);
  const remaining = expectedCount === null ? 0 : expectedCount - existing.length;
  return { prefix, start: String(start), count: remaining > 0 ? String(remaining) : '', digits: String(padTo) };
}

function wholeNumber(text: string): number {
  return /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
}

function preview({ prefix, start, count, digits }: RangeDraft): string | null {
  const [first, howMany, padTo] = [wholeNumber(start), wholeNumber(count), wholeNumber(digits)];
  if ([first, howMany, padTo].some(Number.isNaN) || howMany < 1) return null;
  const format = (n: number) => `${prefix}${String(n).padStart(padTo, '0')}`;
  return howMany === 1
    ? `Adds ${format(first)}.`
    : `Adds ${format(first)} … ${format(first + howMany - 1)} (${formatCount(howMany)}).`;
}

/**
 * The panel of the "Generate range" disclosure: prefix, start, count and digits, previewed before
 * anything is added. It mounts when opened, so the pre-fill reflects the serials entered by then.
 */
export function RangePanel({
  id,
  existing,
  expectedCount,
  onAddRange,
}: {
  id: string;
  existing: string[];
  expectedCount: number | null;
  onAddRange: (serials: string[]) => void;
}) {
  const [draft, setDraft] = useState<RangeDraft>(() => initialDraft(existing, expectedCount));
  const [error, setError] = useState<string | undefined>();

  function changePrefix(prefix: string) {
    const { start, padTo } = suggestNextNumber(existing, prefix);
    setDraft({ ...draft, prefix, start: String(start), digits: String(padTo) });
  }

  function addRange() {
    try {
      if (draft.count.trim() === '') throw new Error('Enter how many serial numbers to generate.');
      const serials = generateSerialRange({
        prefix: draft.prefix,
        start: wholeNumber(draft.start),
        count: wholeNumber(draft.count),
        padTo: wholeNumber(draft.digits),
      });
      setError(undefined);
      onAddRange(serials);
      // Ready for the next batch right after this one.
      setDraft({ ...draft, start: String(wholeNumber(draft.start) + serials.length) });
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : String(problem));
    }
  }

  function addOnEnter(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return;
    event.preventDefault();
    addRange();
  }

  const summary = preview(draft);
  return (
    <div
      id={id}
      role="group"
      aria-label="Generate range"
      onKeyDown={addOnEnter}
      className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
    >
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Field id={`${id}-prefix`} label="Prefix">
          <Input
            value={draft.prefix}
            onChange={(e) => changePrefix(e.target.value)}
            autoComplete="off"
            className="font-mono"
          />
        </Field>
        <Field id={`${id}-start`} label="Start number">
          <Input
            inputMode="numeric"
            value={draft.start}
            onChange={(e) => setDraft({ ...draft, start: e.target.value })}
          />
        </Field>
        <Field id={`${id}-count`} label="Count">
          <Input
            inputMode="numeric"
            value={draft.count}
            onChange={(e) => setDraft({ ...draft, count: e.target.value })}
          />
        </Field>
        <Field id={`${id}-digits`} label="Digits">
          <Input
            inputMode="numeric"
            value={draft.digits}
            onChange={(e) => setDraft({ ...draft, digits: e.target.value })}
          />
        </Field>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={addRange}>Add range</Button>
        {summary && <span className="font-mono text-sm text-slate-600">{summary}</span>}
      </div>
    </div>
  );
}
