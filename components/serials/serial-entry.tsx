'use client';
import { useId, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { findDuplicates } from '@/lib/serials/parse';
import { CameraLauncher } from './camera-launcher';
import { RangePanel } from './range-panel';
import { ScanInput } from './scan-input';
import { SerialCounter } from './serial-counter';
import { SerialList } from './serial-list';
import { StockPicker, type LoadInStock } from './stock-picker';
import { useSerialActions } from './use-serial-actions';
import { useSerialCheck, type CheckSerials, type SerialProblem } from './use-serial-check';

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
  /** Keeps ids unique when several entries are on one page. */
  idPrefix?: string;
};

/** Duplicates inside the list, plus the server's answers for serials still in the list. */
function collectProblems(serials: string[], present: ReadonlySet<string>, fromServer: ReadonlyMap<string, string[]>) {
  const problems = new Map<string, string[]>();
  for (const [serial, first] of findDuplicates(serials)) {
    problems.set(serial, [serial === first ? `${serial} is entered twice.` : `${serial} looks the same as ${first}, entered above: they are one serial.`]);
  }
  for (const [serial, messages] of fromServer) {
    if (present.has(serial)) problems.set(serial, [...(problems.get(serial) ?? []), ...messages]);
  }
  return problems;
}

/**
 * THE serial-number form, opened from a document line and from the line's item detail view alike.
 * Serials come only from what the user scans, types, pastes, generates or ticks: never filled in silently.
 */
export function SerialEntry(props: SerialEntryProps) {
  const { direction, itemLabel, expectedCount, value, onChange, checkSerials, loadInStock } = props;
  const generatedId = useId();
  const ids = props.idPrefix ?? `serials-${generatedId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [rangeOpen, setRangeOpen] = useState(false);
  const [stockOpen, setStockOpen] = useState(false);
  const actions = useSerialActions(value, onChange);
  const { problems: serverProblems, checkFailed } = useSerialCheck(value, checkSerials);
  const present = useMemo(() => new Set(value), [value]);
  const problems = useMemo(() => collectProblems(value, present, serverProblems), [value, present, serverProblems]);
  const canPick = direction === 'issue' && loadInStock !== undefined;

  return (
    <div role="group" aria-label={`Serial numbers of ${itemLabel}`} className="space-y-4">
      <p className="text-sm text-slate-600">
        {direction === 'receive' ? 'Receiving' : 'Issuing'} <span className="font-medium text-slate-900">{itemLabel}</span>
      </p>
      <SerialCounter id={`${ids}-count`} count={value.length} expected={expectedCount} itemLabel={itemLabel} />
      <ScanInput id={`${ids}-scan`} hintId={`${ids}-scan-hint`} onSubmitText={actions.submitText} onPasteList={actions.add} />
      <div className="flex min-h-6 flex-wrap items-center gap-2">
        <p role="status" aria-live="polite" className={cn('text-sm', actions.feedback?.isProblem ? 'font-medium text-red-700' : 'text-slate-700')}>
          {actions.feedback?.text}
        </p>
        {actions.canUndo && <Button variant="ghost" className="min-h-8 py-1" onClick={actions.undo}>Undo</Button>}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" className={DISCLOSURE} aria-expanded={rangeOpen} aria-controls={`${ids}-range`}
          onClick={() => setRangeOpen(!rangeOpen)}>Generate range</Button>
        {canPick && (
          <Button variant="secondary" className={DISCLOSURE} aria-expanded={stockOpen} aria-controls={`${ids}-stock`}
            onClick={() => setStockOpen(!stockOpen)}>Pick from stock</Button>
        )}
        <CameraLauncher onDetected={actions.add} onLoadFailed={actions.reportProblem} />
      </div>
      {rangeOpen && <RangePanel id={`${ids}-range`} existing={value} expectedCount={expectedCount} onAddRange={actions.add} />}
      {stockOpen && canPick && (
        <StockPicker idPrefix={ids} loadInStock={loadInStock} selected={present} onAdd={(serial) => actions.add([serial])} onRemove={actions.remove} />
      )}
      <ProblemSummary count={problems.size} checkFailed={checkFailed} />
      <SerialList idPrefix={ids} serials={value} problems={problems} onRemoveAt={actions.removeAt} onClearAll={actions.clearAll} />
    </div>
  );
}

// An open disclosure looks pressed, not only announced as expanded.
const DISCLOSURE = 'aria-expanded:bg-slate-100 aria-expanded:border-slate-400';

function ProblemSummary({ count, checkFailed }: { count: number; checkFailed: boolean }) {
  return (
    <>
      {count > 0 && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {count === 1 ? '1 serial number has a problem' : `${count.toLocaleString('en')} serial numbers have problems`}; see the list below.
        </p>
      )}
      {checkFailed && (
        <p className="text-sm text-amber-800">
          The serial numbers could not be checked with the server yet; they are checked again on the next change and when the document is saved.
        </p>
      )}
    </>
  );
}
