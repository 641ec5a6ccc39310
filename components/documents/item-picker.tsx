'use client';
import { lazy, Suspense } from 'react';
import { Button } from '@/components/ui/button';
import { useLazyDialog } from '@/components/ui/lazy-dialog';
import type { LineItemOption } from '@/lib/inventory/queries/form-lookups';

// The dialog (Radix, the search, the look-alike table of canonical keys) comes on the first opening: it is not
// part of the document form's first load.
const ItemPickerDialog = lazy(() => import('./item-picker-dialog'));

/**
 * "Choose item…": a searchable list of items; each pick (a click, or Enter in the search) adds a line and the
 * picker stays open for the next one.
 */
export function ItemPicker({
  onPick,
  description,
}: {
  onPick: (item: LineItemOption) => void;
  /** What a pick does, when it is not "a new line" (the document form's). */
  description?: string;
}) {
  const { open, setOpen, used, triggerProps, returnFocus } = useLazyDialog();
  return (
    <>
      <Button variant="secondary" {...triggerProps}>
        Choose item…
      </Button>
      {used && (
        <Suspense fallback={null}>
          <ItemPickerDialog
            open={open}
            onOpenChange={setOpen}
            onCloseAutoFocus={returnFocus}
            onPick={onPick}
            description={description}
          />
        </Suspense>
      )}
    </>
  );
}
