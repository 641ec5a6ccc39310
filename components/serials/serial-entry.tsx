'use client';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import type { OtherLinesOf } from '@/lib/serials/merge';
import { CameraLauncher } from './camera-launcher';
import { RangePanel } from './range-panel';
import { ScanInput } from './scan-input';
import { SerialCounter } from './serial-counter';
import { SerialList } from './serial-list';
import { collectProblems } from './serial-problems';
import { StockPicker, type LoadInStock } from './stock-picker';
import { useSerialActions, type Feedback } from './use-serial-actions';
import { useSerialCheck, type CheckSerials, type SerialProblem } from './use-serial-check';
import { formatCount } from '@/lib/format';

export type { SerialProblem };

export type SerialEntryProps = {
  direction: 'receive' | 'issue';
  /** For example "ACME-1 · Acme widget". */
  itemLabel: string;
  /** The line's quantity; null when not yet known. */
  expectedCount: number | null;
  /** Controlled list of serials. */
  value: string[];
  onChange: (serials: string[]) => void;
  /** Server check (already in stock / not in stock), debounced 400 ms, sent only for serials not yet checked. */
  checkSerials?: CheckSerials;
  /** Issue direction: the serials of the item in stock in the warehouse, a page at a time. */
  loadInStock?: LoadInStock;
  /**
   * A return's line: the number of the document it names. `loadInStock` then lists what can go back on that document
   * (either direction), and the picker says so.
   */
  pickFrom?: string;
  /** The other lines of the document holding a serial of the same item: such a serial is not added here. */
  otherLinesOf?: OtherLinesOf;
  /** Keeps ids unique when several entries are on one page. */
  idPrefix?: string;
};

/**
 * THE serial-number form, opened from a document line's Serials button and from the line's detail
 * view alike. Serials come only from what the user scans, types, pastes, generates or ticks: never
 * filled in silently. On a phone the scan box, the camera button and the feedback sit at the bottom of
 * the screen, where the thumb is.
 */
export function SerialEntry(props: SerialEntryProps) {
  const { direction, itemLabel, expectedCount, value, onChange, checkSerials, loadInStock, otherLinesOf, pickFrom } =
    props;
  const generatedId = useId();
  const ids = props.idPrefix ?? `serials-${generatedId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [rangeOpen, setRangeOpen] = useState(false);
  const [stockOpen, setStockOpen] = useState(false);
  const actions = useSerialActions(value, onChange, otherLinesOf);
  const { problems: serverProblems, checkFailed } = useSerialCheck(value, checkSerials);
  const present = useMemo(() => new Set(value), [value]);
  // The feedback and the counter answer a scan at once; the list and its problems (a pass over every serial) follow
  // in a render React may interrupt, so a scan into a long line shows its result first (npm run perf:web).
  const listed = useDeferredValue(value);
  const problems = useMemo(
    () => collectProblems(listed, otherLinesOf, serverProblems),
    [listed, otherLinesOf, serverProblems],
  );
  const canPick = (direction === 'issue' || pickFrom !== undefined) && loadInStock !== undefined;

  return (
    <div role="group" aria-label={`Serial numbers of ${itemLabel}`} className="flex flex-col gap-4 max-sm:flex-1">
      <p className="text-sm text-slate-600">
        {direction === 'receive' ? 'Receiving' : 'Issuing'}{' '}
        <span className="font-medium text-slate-900">{itemLabel}</span>
      </p>
      <SerialCounter id={`${ids}-count`} count={value.length} expected={expectedCount} itemLabel={itemLabel} />
      <div className="space-y-2 bg-white max-sm:sticky max-sm:bottom-0 max-sm:order-last max-sm:mt-auto max-sm:-mx-1 max-sm:border-t max-sm:border-slate-200 max-sm:px-1 max-sm:py-2">
        <ScanInput
          id={`${ids}-scan`}
          hintId={`${ids}-scan-hint`}
          onSubmitText={actions.submitText}
          onPasteList={actions.add}
          onAddRange={actions.addRange}
        >
          <CameraLauncher onDetected={actions.add} onLoadFailed={actions.reportProblem} />
        </ScanInput>
        <FeedbackLine feedback={actions.feedback} canUndo={actions.canUndo} onUndo={actions.undo} />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          className={DISCLOSURE}
          aria-expanded={rangeOpen}
          aria-controls={`${ids}-range`}
          onClick={() => setRangeOpen(!rangeOpen)}
        >
          Generate range
        </Button>
        {canPick && (
          <Button
            variant="secondary"
            className={DISCLOSURE}
            aria-expanded={stockOpen}
            aria-controls={`${ids}-stock`}
            onClick={() => setStockOpen(!stockOpen)}
          >
            {pickFrom ? `Pick from ${pickFrom}` : 'Pick from stock'}
          </Button>
        )}
      </div>
      {rangeOpen && (
        <RangePanel id={`${ids}-range`} existing={value} expectedCount={expectedCount} onAddRange={actions.add} />
      )}
      {stockOpen && canPick && (
        <StockPicker
          idPrefix={ids}
          loadInStock={loadInStock}
          pickFrom={pickFrom}
          selected={present}
          onAdd={(serial) => actions.add([serial])}
          onRemove={actions.remove}
        />
      )}
      <ProblemSummary count={problems.size} checkFailed={checkFailed} />
      <SerialList
        idPrefix={ids}
        serials={listed}
        problems={problems}
        onRemoveAt={actions.removeAt}
        onClearAll={actions.clearAll}
      />
    </div>
  );
}

// An open disclosure looks pressed, not only announced as expanded.
const DISCLOSURE = 'aria-expanded:bg-slate-100 aria-expanded:border-slate-400';

function FeedbackLine({
  feedback,
  canUndo,
  onUndo,
}: {
  feedback: Feedback | null;
  canUndo: boolean;
  onUndo: () => void;
}) {
  return (
    <div className="flex min-h-6 flex-wrap items-center gap-2">
      <p
        role="status"
        aria-live="polite"
        className={cn('text-sm', feedback?.isProblem ? 'font-medium text-red-700' : 'text-slate-700')}
      >
        {feedback?.text}
      </p>
      {canUndo && (
        <Button variant="ghost" className="min-h-8 py-1" onClick={onUndo}>
          Undo
        </Button>
      )}
    </div>
  );
}

function ProblemSummary({ count, checkFailed }: { count: number; checkFailed: boolean }) {
  return (
    <>
      {count > 0 && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {count === 1 ? '1 serial number has a problem' : `${formatCount(count)} serial numbers have problems`}; see
          the list below.
        </p>
      )}
      {checkFailed && (
        <p className="text-sm text-amber-800">
          The serial numbers could not be checked with the server yet; they are checked again on the next change and
          when the document is saved.
        </p>
      )}
    </>
  );
}
