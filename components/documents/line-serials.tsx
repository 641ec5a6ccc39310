'use client';
import { lazy, Suspense, useContext, useMemo } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import { SerialEntryDialog, SerialEntryTrigger } from '@/components/serials/serial-entry-dialog';
import { KINDS, type DocumentKind } from '@/lib/inventory/kinds';
import { checkSerialsAction, loadInStockAction } from '@/app/(app)/_documents/actions';
import { expectedSerialCount, type DocumentFormValues, type FormLine } from './form-values';
import type { LineSerialEntryProps } from './line-serial-entry';
import { ReturnableContext } from './returnable-context';
import type { ReturnableSerials } from './returnable-serials';
import { formatCount } from '@/lib/format';

const loadLineSerialEntry = () => import('./line-serial-entry');
const LineSerialEntry = lazy(loadLineSerialEntry);

/**
 * Fetches the serial form's code ahead of its first opening (a line exists, so it may be opened soon); it
 * is not part of the form's first load (scripts/bundle/budgets.ts checks that).
 */
export function preloadLineSerialEntry(): void {
  void loadLineSerialEntry().catch(() => {
    // A failed preload is retried by the opening itself, whose Suspense shows the wait.
  });
}

/** The serial form of a line, appearing when its code has arrived (at once when preloaded). */
export function LazyLineSerialEntry(props: LineSerialEntryProps) {
  return (
    <Suspense fallback={<p className="text-sm text-slate-600">Loading the serial form…</p>}>
      <LineSerialEntry {...props} />
    </Suspense>
  );
}

/** Serials per live-check request: well inside the server's limit and the action body size. */
const CHECK_BATCH = 5000;

/** A line's facts without its serials, which only their own watchers read (useLineSerials). */
export type LineFacts = Omit<FormLine, 'serials'>;

export type LineSerialContext = {
  kind: DocumentKind;
  line: LineFacts;
  lineNo: number;
  /** The form's control, for the watchers of this line's serials. */
  control: Control<DocumentFormValues>;
  warehouseId: string;
  documentId: string | null;
  /** The document's lines, for the rule that a serial goes on one line of an item only. */
  lines: FormLine[];
  onChange: (serials: string[]) => void;
  /** The serials are read-only, for the reason with this id (a pinned document), or null. */
  fixedNote: string | null;
};

/**
 * The serials of line `index`, watched on their own: a scan re-renders what shows them (the form, the count), not
 * the line's row, the dialog around the form or the other lines (`npm run perf:web`, the scan's time until shown).
 */
export function useLineSerials(control: Control<DocumentFormValues>, index: number): string[] {
  return useWatch({ control, name: `lines.${index}.serials` }) ?? [];
}

/**
 * Everything the serial form of one line needs, built once for both of its entry points (the line's
 * Serials button and the line's detail view), so they are the same form with the same checks. The live
 * check's answers hold for one item in one warehouse: `key` remounts the form when either changes.
 */
export function useLineSerialEntry({
  kind,
  line,
  lineNo,
  lines,
  control,
  warehouseId,
  documentId,
  onChange,
}: LineSerialContext) {
  const direction = KINDS[kind].direction === 'in' ? 'receive' : 'issue';
  const { itemId, itemCode } = line;
  const returnable = useContext(ReturnableContext);
  const stockChecks = useStockChecks(itemId, warehouseId, direction, documentId);
  const returnChecks = useMemo(
    () => returnable && returnableChecks(returnable, itemId, itemCode),
    [returnable, itemId, itemCode],
  );
  const { checkSerials, loadInStock } = returnChecks ?? stockChecks;
  const entry: Omit<LineSerialEntryProps, 'idPrefix'> = {
    direction,
    itemLabel: `${line.itemCode} · ${line.itemName}`,
    expectedCount: expectedSerialCount(line.quantity),
    control,
    onChange,
    checkSerials,
    loadInStock,
    pickFrom: returnable?.origin,
    lines,
    index: lineNo - 1,
  };
  return { entry, key: `${itemId}:${warehouseId}` };
}

/** An ordinary line's serial form checks against the stock of its warehouse and picks from it. */
function useStockChecks(
  itemId: string,
  warehouseId: string,
  direction: 'receive' | 'issue',
  documentId: string | null,
) {
  const checkSerials = useMemo(
    () =>
      warehouseId
        ? async (serials: string[]) => {
            const problems: { serial: string; message: string }[] = [];
            // A pasted container list can be huge; the server checks it a batch at a time, one query per batch.
            for (let start = 0; start < serials.length; start += CHECK_BATCH) {
              const result = await checkSerialsAction({
                itemId,
                warehouseId,
                direction,
                serials: serials.slice(start, start + CHECK_BATCH),
                excludeDocumentId: documentId,
              });
              if (!result.ok) throw new Error(result.error);
              problems.push(...result.data);
            }
            return problems;
          }
        : undefined,
    [itemId, warehouseId, direction, documentId],
  );
  const loadInStock = useMemo(
    () =>
      warehouseId && direction === 'issue'
        ? async (query: string, offset: number, limit: number) => {
            const result = await loadInStockAction({ itemId, warehouseId, query, offset, limit });
            if (!result.ok) throw new Error(result.error);
            return result.data;
          }
        : undefined,
    [itemId, warehouseId, direction],
  );
  return { checkSerials, loadInStock };
}

/**
 * A return's line checks against and picks from what can go back on the document it names, read with the page
 * (returnable-serials.ts, loaded with the serial form): not the stock, which holds neither what is still out with a
 * customer nor only what came with that receipt.
 */
function returnableChecks(returnable: ReturnableSerials, itemId: string, itemCode: string) {
  const offered = returnable.byItem[itemId] ?? [];
  const words = { origin: returnable.origin, side: returnable.side, itemCode };
  return {
    checkSerials: async (serials: string[]) =>
      (await import('./returnable-serials')).notReturnable(serials, offered, words),
    loadInStock: async (query: string, offset: number, limit: number) =>
      (await import('./returnable-serials')).pickReturnable(offered, query, offset, limit),
  };
}

/** Why a line takes no serials here, or null when it does. */
export function noSerialsReason(line: Pick<FormLine, 'trackSerials'>, enabled: boolean): string | null {
  if (!line.trackSerials) return 'Not tracked';
  return enabled ? null : 'Entered on the goods document (this invoice creates none).';
}

/**
 * The line's Serials button: the count against the quantity, opening the serial form. On a pinned
 * document the count only, pointing to the reason (the line's Details list them).
 */
export function LineSerials({ context, enabled }: { context: LineSerialContext; enabled: boolean }) {
  const { entry, key } = useLineSerialEntry(context);
  const reason = noSerialsReason(context.line, enabled);
  if (reason)
    return <span className={context.line.trackSerials ? 'text-xs text-slate-500' : 'text-slate-400'}>{reason}</span>;
  if (context.fixedNote) return <FixedSerialCount context={context} />;
  return (
    <SerialEntryDialog
      key={key}
      trigger={
        <LineSerialsTrigger
          control={context.control}
          index={context.lineNo - 1}
          label={`Serial numbers for line ${context.lineNo}`}
          expectedCount={entry.expectedCount}
        />
      }
      direction={entry.direction}
      itemLabel={entry.itemLabel}
    >
      <LazyLineSerialEntry idPrefix={`line-${context.lineNo}-serials`} {...entry} />
    </SerialEntryDialog>
  );
}

type LineSerialsTriggerProps = {
  control: Control<DocumentFormValues>;
  index: number;
  label: string;
  expectedCount: number | null;
} & Record<string, unknown>;

/** The Serials button, watching the count itself; what Sheet gives its trigger (ref, click, aria) passes through. */
function LineSerialsTrigger({ control, index, label, expectedCount, ...sheetProps }: LineSerialsTriggerProps) {
  const count = useLineSerials(control, index).length;
  return <SerialEntryTrigger {...sheetProps} label={label} count={count} expectedCount={expectedCount} />;
}

function FixedSerialCount({ context }: { context: LineSerialContext }) {
  const count = useLineSerials(context.control, context.lineNo - 1).length;
  return (
    <span className="text-sm text-slate-600" aria-describedby={context.fixedNote ?? undefined}>
      {formatCount(count)} serial number{count === 1 ? '' : 's'} (fixed)
    </span>
  );
}
