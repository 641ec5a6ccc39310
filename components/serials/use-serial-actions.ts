'use client';
import { useCallback, useState } from 'react';
import { addSerials, describeAddResult, removeEntry, removeSerials, type OtherLinesOf } from '@/lib/serials/merge';
import { generateSerialRange, type RangeShorthand } from '@/lib/serials/parse';
import { formatCount } from '@/lib/format';

export type Feedback = { text: string; isProblem: boolean };

function errorText(problem: unknown): string {
  return problem instanceof Error ? problem.message : String(problem);
}

/**
 * Every change to the controlled list, each followed by one sentence of feedback for the live region.
 * Adding many at once and clearing can be undone: those are the slips of the hand that cost the most.
 */
export function useSerialActions(value: string[], onChange: (serials: string[]) => void, otherLinesOf?: OtherLinesOf) {
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [undoTo, setUndoTo] = useState<string[] | null>(null);

  const add = useCallback(
    (incoming: string[]) => {
      const result = addSerials(value, incoming, otherLinesOf);
      if (result.next !== value) onChange(result.next);
      setUndoTo(result.added.length > 1 ? value : null);
      setFeedback(describeAddResult(result));
    },
    [value, onChange, otherLinesOf],
  );

  /**
   * Enter in the scan box: what arrives is one serial, always, exactly as scanned or typed. A scanner
   * types `UIW-K12-345` + Enter without anyone looking: reading it as a range added 334 serials unseen.
   */
  const submitText = useCallback((text: string) => add([text]), [add]);

  /** A range the user chose to add (the pasted-range offer); false when it cannot be generated. */
  const addRange = useCallback(
    (range: RangeShorthand): boolean => {
      try {
        add(generateSerialRange(range));
        return true;
      } catch (problem) {
        setFeedback({ text: errorText(problem), isProblem: true });
        return false;
      }
    },
    [add],
  );

  /** Removes the entry at `index`, which the list showed as `serial` (removeEntry: the list may be a moment old). */
  const removeAt = useCallback(
    (index: number, serial: string) => {
      const next = removeEntry(value, index, serial);
      if (next === value) return;
      onChange(next);
      setUndoTo(null);
      setFeedback({ text: `Removed ${serial}.`, isProblem: false });
    },
    [value, onChange],
  );

  const remove = useCallback(
    (serial: string) => {
      onChange(removeSerials(value, new Set([serial])));
      setUndoTo(null);
      setFeedback({ text: `Removed ${serial}.`, isProblem: false });
    },
    [value, onChange],
  );

  const clearAll = useCallback(() => {
    onChange([]);
    setUndoTo(value);
    setFeedback({ text: `Cleared ${formatCount(value.length)} serial numbers.`, isProblem: false });
  }, [value, onChange]);

  const undo = useCallback(() => {
    if (undoTo === null) return;
    onChange(undoTo);
    setUndoTo(null);
    setFeedback({ text: 'Undone.', isProblem: false });
  }, [undoTo, onChange]);

  const reportProblem = useCallback((text: string) => setFeedback({ text, isProblem: true }), []);

  return {
    feedback,
    canUndo: undoTo !== null,
    add,
    submitText,
    addRange,
    removeAt,
    remove,
    clearAll,
    undo,
    reportProblem,
  };
}
