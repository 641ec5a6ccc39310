'use client';
import type { ReactElement, ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Sheet } from '@/components/ui/sheet';
import type { SerialEntryProps } from './serial-entry';
import { formatCount } from '@/lib/format';

export type SerialEntryDialogProps = Pick<SerialEntryProps, 'direction' | 'itemLabel'> & {
  /**
   * The button that opens the dialog (SerialEntryTrigger, or a component rendering one with the props it is given):
   * its own component, so a scan that changes the count re-renders the button, not the dialog around the form.
   */
  trigger: ReactElement<Record<string, unknown>>;
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
 * The Serials button: the count against the expected quantity, on one line (it never wraps), so a short line stands
 * out. The props Sheet gives its trigger (ref, the opening click, aria-expanded) pass through to the button.
 */
export function SerialEntryTrigger({
  label,
  count,
  expectedCount,
  ...buttonProps
}: {
  /** Accessible name, e.g. "Serial numbers for line 1". */
  label: string;
  /** How many serials the list holds now. */
  count: number;
  expectedCount: number | null;
} & Record<string, unknown>) {
  const complete = expectedCount !== null && count === expectedCount;
  return (
    <Button
      {...buttonProps}
      variant="secondary"
      aria-label={label}
      className={complete ? 'whitespace-nowrap border-green-400' : 'whitespace-nowrap'}
    >
      Serials <span className="tabular-nums">{countText(count, expectedCount)}</span>
    </Button>
  );
}

/** The line's Serials button and its dialog around SerialEntry, the one serial form the line's detail view embeds. */
export function SerialEntryDialog({ trigger, onDone, direction, itemLabel, children }: SerialEntryDialogProps) {
  return (
    <Sheet
      title={`Serial numbers — ${itemLabel}`}
      description={serialEntryDescription(direction)}
      onDone={onDone}
      trigger={trigger}
    >
      {children}
    </Sheet>
  );
}
