'use client';
import { Button } from '@/components/ui/button';
import { Sheet } from '@/components/ui/sheet';
import { SerialEntry, type SerialEntryProps } from './serial-entry';

export type SerialEntryDialogProps = SerialEntryProps & {
  /** Accessible name of the trigger, e.g. "Serial numbers for line 1". */
  triggerLabel: string;
  /** Called when the user presses Done (the list itself is saved live through onChange). */
  onDone?: () => void;
};

function countText(count: number, expected: number | null): string {
  return expected === null
    ? `${count.toLocaleString('en')}`
    : `${count.toLocaleString('en')} / ${expected.toLocaleString('en')}`;
}

/** What the serial form is for, under its title: the same words from every entry point. */
export function serialEntryDescription(direction: SerialEntryProps['direction']): string {
  return direction === 'receive'
    ? 'Scan, type, paste or generate the serial numbers received on this line.'
    : 'Scan, type, paste or pick from stock the serial numbers issued on this line.';
}

/**
 * The line's Serials button and its dialog: SerialEntry, the one serial form the line's detail view
 * embeds too. The trigger shows the count (on one line: it never wraps) so a short line stands out.
 */
export function SerialEntryDialog({ triggerLabel, onDone, ...entry }: SerialEntryDialogProps) {
  const complete = entry.expectedCount !== null && entry.value.length === entry.expectedCount;
  return (
    <Sheet
      title={`Serial numbers — ${entry.itemLabel}`}
      description={serialEntryDescription(entry.direction)}
      onDone={onDone}
      trigger={
        <Button
          variant="secondary"
          aria-label={triggerLabel}
          className={complete ? 'whitespace-nowrap border-green-400' : 'whitespace-nowrap'}
        >
          Serials <span className="tabular-nums">{countText(entry.value.length, entry.expectedCount)}</span>
        </Button>
      }
    >
      <SerialEntry {...entry} />
    </Sheet>
  );
}
