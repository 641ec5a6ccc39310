'use client';
import { Dialog } from 'radix-ui';
import { Button } from '@/components/ui/button';
import { SerialEntry, type SerialEntryProps } from './serial-entry';

export type SerialEntryDialogProps = SerialEntryProps & {
  /** Accessible name of the trigger, e.g. "Serial numbers for line 1". */
  triggerLabel: string;
  /** Called when the user presses Done (the list itself is saved live through onChange). */
  onDone?: () => void;
};

function countText(count: number, expected: number | null): string {
  return expected === null ? `${count.toLocaleString('en')}` : `${count.toLocaleString('en')} / ${expected.toLocaleString('en')}`;
}

/**
 * The same SerialEntry in a dialog, so a document line and the item detail view open one form.
 * The trigger shows the count so a short line can be spotted without opening it.
 */
export function SerialEntryDialog({ triggerLabel, onDone, ...entry }: SerialEntryDialogProps) {
  const complete = entry.expectedCount !== null && entry.value.length === entry.expectedCount;
  return (
    <Dialog.Root>
      <Dialog.Trigger asChild>
        <Button variant="secondary" aria-label={triggerLabel} className={complete ? 'border-green-400' : undefined}>
          Serials <span className="tabular-nums">{countText(entry.value.length, entry.expectedCount)}</span>
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-40 flex max-h-[92vh] w-[min(96vw,48rem)] -translate-x-1/2 -translate-y-1/2 flex-col rounded-lg bg-white shadow-xl">
          <div className="border-b border-slate-200 px-4 py-3 sm:px-6">
            <Dialog.Title className="text-lg font-semibold">Serial numbers — {entry.itemLabel}</Dialog.Title>
            <Dialog.Description className="mt-1 text-sm text-slate-600">
              {entry.direction === 'receive'
                ? 'Scan, type, paste or generate the serial numbers received on this line.'
                : 'Scan, type, paste or pick from stock the serial numbers issued on this line.'}
            </Dialog.Description>
          </div>
          <div className="overflow-y-auto px-4 py-4 sm:px-6">
            <SerialEntry {...entry} />
          </div>
          <div className="flex justify-end border-t border-slate-200 px-4 py-3 sm:px-6">
            <Dialog.Close asChild><Button onClick={onDone}>Done</Button></Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
