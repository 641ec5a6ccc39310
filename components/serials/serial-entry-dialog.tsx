'use client';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Sheet } from '@/components/ui/sheet';
import type { SerialEntryProps } from './serial-entry';
import { formatCount } from '@/lib/format';

export type SerialEntryDialogProps = Pick<SerialEntryProps, 'direction' | 'itemLabel' | 'expectedCount'> & {
  /** Accessible name of the trigger, e.g. "Serial numbers for line 1". */
  triggerLabel: string;
  /** How many serials the list holds now, for the trigger. */
  count: number;
  /** Called when the user presses Done (the list itself is saved live through onChange). */
  onDone?: () => void;
  /** The serial form (SerialEntry), rendered only while the dialog is open: it may be loaded lazily. */
  children: ReactNode;
};

function countText(count: number, expected: number | null): string {
  return expected === null ? `${formatCount(count)}` : `${formatCount(count)} / ${formatCount(expected)}`;
}

/** What the serial form is for, under its title: the same words from every entry point. */
export function serialEntryDescription(direction: SerialEntryProps['direction']): string {
  return direction === 'receive'
    ? 'Scan, type, paste or generate the serial numbers received on this line.'
    : 'Scan, type, paste or pick from stock the serial numbers issued on this line.';
}

/**
 * The line's Serials button and its dialog around SerialEntry, the one serial form the line's detail view
 * embeds too. The trigger shows the count (on one line: it never wraps) so a short line stands out.
 */
export function SerialEntryDialog({
  triggerLabel,
  onDone,
  direction,
  itemLabel,
  expectedCount,
  count,
  children,
}: SerialEntryDialogProps) {
  const complete = expectedCount !== null && count === expectedCount;
  return (
    <Sheet
      title={`Serial numbers — ${itemLabel}`}
      description={serialEntryDescription(direction)}
      onDone={onDone}
      trigger={
        <Button
          variant="secondary"
          aria-label={triggerLabel}
          className={complete ? 'whitespace-nowrap border-green-400' : 'whitespace-nowrap'}
        >
          Serials <span className="tabular-nums">{countText(count, expectedCount)}</span>
        </Button>
      }
    >
      {children}
    </Sheet>
  );
}
