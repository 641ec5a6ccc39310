import { cn } from '@/components/ui/cn';
import { formatCount } from '@/lib/format';

type CountState = 'unknown' | 'under' | 'complete' | 'over';

function countState(count: number, expected: number | null): CountState {
  if (expected === null) return 'unknown';
  if (count === expected) return 'complete';
  return count > expected ? 'over' : 'under';
}

const TONE: Record<CountState, string> = {
  unknown: 'bg-slate-100 text-slate-800',
  under: 'bg-slate-100 text-slate-800',
  complete: 'bg-green-100 text-green-800',
  over: 'bg-red-100 text-red-800',
};

function hint(state: CountState, count: number, expected: number | null, itemLabel: string): string {
  if (expected === null) return 'The line has no quantity yet.';
  const needs = `${itemLabel} needs ${formatCount(expected)} serial number${expected === 1 ? '' : 's'}`;
  if (state === 'complete') return `Complete: ${needs}.`;
  return `${needs}, ${formatCount(count)} entered.`;
}

/**
 * "3 / 5" as a polite live region, so a scanner user hears the count after each scan. The colour is
 * backed by a sentence (the description) because colour alone tells nothing to everyone.
 */
export function SerialCounter({
  id,
  count,
  expected,
  itemLabel,
}: {
  id: string;
  count: number;
  expected: number | null;
  itemLabel: string;
}) {
  const state = countState(count, expected);
  const text = expected === null ? `${formatCount(count)} entered` : `${formatCount(count)} / ${formatCount(expected)}`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span id={`${id}-label`} className="text-sm font-medium text-slate-700">
        Serial numbers entered
      </span>
      <span
        role="status"
        aria-live="polite"
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-hint`}
        data-state={state}
        className={cn('rounded-full px-2.5 py-0.5 text-sm font-semibold tabular-nums', TONE[state])}
      >
        {text}
      </span>
      <span id={`${id}-hint`} className={cn('text-xs', state === 'over' ? 'text-red-700' : 'text-slate-500')}>
        {hint(state, count, expected, itemLabel)}
      </span>
    </div>
  );
}
