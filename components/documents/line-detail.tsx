'use client';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Sheet } from '@/components/ui/sheet';
import { serialEntryDescription } from '@/components/serials/serial-entry-dialog';
import { KINDS } from '@/lib/inventory/kinds';
import { noSerialsReason, useLineSerialEntry, type LineSerialContext } from './line-serials';

// The sheet's body (the line's facts, the item's stock, the serial form) is only seen once the sheet opens: its code
// is fetched once the form is up, outside the document form's first load (170 KB budget, scripts/bundle/budgets.ts).
const loadBody = () => import('./line-detail-body');
const LazyBody = lazy(loadBody);
/** The body once fetched: rendered directly, so the opening sheet finds its scan box to focus at once. */
let loadedBody: typeof import('./line-detail-body').default | null = null;
function preloadBody() {
  loadBody()
    .then((module) => {
      loadedBody = module.default;
    })
    .catch(() => {
      // A failed preload is retried by the opening itself (LazyBody), whose body then focuses its scan box.
    });
}

/**
 * The detail view of one document line: its item, quantity, unit, price and VAT, the item's stock per
 * warehouse, and the line's serial numbers in THE serial form (the same SerialEntry as the line's Serials
 * button, with the same checks). The quantity can be corrected here, next to the count it must match.
 */
export function LineDetail({
  context,
  enabled,
  defaultOpen,
  onQuantityChange,
}: {
  context: LineSerialContext;
  enabled: boolean;
  defaultOpen?: boolean;
  onQuantityChange: (quantity: string) => void;
}) {
  const { line, lineNo, fixedNote } = context;
  const { entry, key } = useLineSerialEntry(context);
  const reason = noSerialsReason(line, enabled);
  const entering = !reason && !fixedNote;
  // The scan box the sheet focuses on opening; the body focuses it too when it arrives after the opening.
  const focusId = entering ? `line-${lineNo}-detail-scan` : undefined;
  useEffect(preloadBody, []);
  // Chosen once per line: switching from LazyBody to the loaded one later would remount an open sheet's body.
  const [Body] = useState(() => loadedBody ?? LazyBody);
  return (
    <Sheet
      defaultOpen={defaultOpen}
      initialFocus={focusId}
      title={`Line ${lineNo} — ${line.itemCode} · ${line.itemName}`}
      description={`${KINDS[context.kind].priced ? 'The line’s item, prices and stock.' : 'The line’s item and stock.'}${entering ? ` ${serialEntryDescription(entry.direction)}` : ''}`}
      trigger={
        <Button variant="ghost" aria-label={`Details of line ${lineNo}`}>
          Details
        </Button>
      }
    >
      <Suspense>
        <Body
          focusId={focusId}
          context={context}
          reason={reason}
          entry={entering ? { key, props: entry } : null}
          onQuantityChange={onQuantityChange}
        />
      </Suspense>
    </Sheet>
  );
}
