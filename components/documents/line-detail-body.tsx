'use client';
import { useEffect, useState } from 'react';
import { Input } from '@/components/ui/input';
import { reach } from '@/lib/actions/reach';
import { formatCount, formatDecimal, formatQuantity } from '@/lib/format';
import { itemStockAction } from '@/app/(app)/_documents/actions';
import { isTransfer, KINDS } from '@/lib/inventory/kinds';
import { LazyLineSerialEntry, useLineSerials, type LineSerialContext, type useLineSerialEntry } from './line-serials';

type StockRow = { warehouseId: string; warehouseCode: string; warehouseName: string; quantity: string };

/** What an open line sheet shows (line-detail.tsx): the line's facts, the item's stock, its serials. */
export default function LineDetailBody({
  focusId,
  context,
  reason,
  entry,
  onQuantityChange,
}: {
  /** The scan box the sheet focuses on opening: focused here too, in case this body arrived after the opening. */
  focusId: string | undefined;
  context: LineSerialContext;
  /** Why the line takes no serials here, if it takes none. */
  reason: string | null;
  /** The serial form to show (null: the serials are fixed, or there are none to enter). */
  entry: { key: string; props: ReturnType<typeof useLineSerialEntry>['entry'] } | null;
  onQuantityChange: (quantity: string) => void;
}) {
  const { lineNo, fixedNote } = context;
  useEffect(() => {
    const focused = document.activeElement;
    if (focusId && !(focused instanceof HTMLInputElement)) document.getElementById(focusId)?.focus();
  }, [focusId]);
  return (
    <div className="flex flex-1 flex-col gap-5 sm:pb-4">
      <LineFacts context={context} onQuantityChange={onQuantityChange} />
      {reason && <p className="text-sm text-slate-600">Serial numbers: {reason}</p>}
      {!reason && fixedNote && <FixedSerials context={context} />}
      {entry && <LazyLineSerialEntry key={entry.key} idPrefix={`line-${lineNo}-detail`} {...entry.props} />}
    </div>
  );
}

/** Serials shown in a pinned document's line; the rest are counted (the detail page and the agenda have them all). */
const FIXED_SHOWN = 200;

/**
 * A pinned document's serials: listed, not editable (the reason is beside the lines). Watched here, not by the body,
 * so a scan into an open line's form re-renders the form, not the whole sheet.
 */
function FixedSerials({ context }: { context: LineSerialContext }) {
  const { lineNo } = context;
  const serials = useLineSerials(context.control, lineNo - 1);
  return (
    <section aria-label={`Serial numbers of line ${lineNo}`} className="text-sm">
      <h3 className="mb-1 font-medium text-slate-700">
        Serial numbers ({formatCount(serials.length)}, fixed by later documents)
      </h3>
      <ul className="flex flex-wrap gap-x-3 gap-y-1 font-mono text-xs">
        {serials.slice(0, FIXED_SHOWN).map((serial) => (
          <li key={serial}>{serial}</li>
        ))}
      </ul>
      {serials.length > FIXED_SHOWN && (
        <p className="mt-1 text-xs text-slate-500">and {formatCount(serials.length - FIXED_SHOWN)} more.</p>
      )}
    </section>
  );
}

function LineFacts({
  context,
  onQuantityChange,
}: {
  context: LineSerialContext;
  onQuantityChange: (quantity: string) => void;
}) {
  const { line, lineNo, warehouseId, fixedNote } = context;
  const quantityId = `line-${lineNo}-detail-quantity`;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2 text-sm">
        <dt className="text-slate-500">Item</dt>
        <dd>
          <span className="font-medium">{line.itemCode}</span> · {line.itemName}
        </dd>
        <dt className="text-slate-500">
          <label htmlFor={quantityId}>Quantity</label>
        </dt>
        <dd className="flex items-center gap-2">
          <div className="w-28">
            <Input
              id={quantityId}
              inputMode="decimal"
              autoComplete="off"
              value={line.quantity}
              onChange={(e) => onQuantityChange(e.target.value)}
              readOnly={fixedNote !== null}
              aria-describedby={fixedNote ?? undefined}
            />
          </div>
          <span>{line.unit}</span>
        </dd>
        {KINDS[context.kind].priced && (
          <>
            <dt className="text-slate-500">Unit price</dt>
            <dd className="tabular-nums">{formatDecimal(line.unitPrice)}</dd>
            <dt className="text-slate-500">VAT rate</dt>
            <dd className="tabular-nums">{formatDecimal(line.vatRate)} %</dd>
          </>
        )}
      </dl>
      <ItemStock itemId={line.itemId} unit={line.unit} warehouseId={warehouseId} transfer={isTransfer(context.kind)} />
    </div>
  );
}

/** The item's stock per warehouse, read when the view opens; the document's warehouse is marked. */
function ItemStock({
  itemId,
  unit,
  warehouseId,
  transfer,
}: {
  itemId: string;
  unit: string;
  warehouseId: string;
  transfer: boolean;
}) {
  const [stock, setStock] = useState<{ rows: StockRow[] } | { error: string } | null>(null);
  useEffect(() => {
    let current = true;
    void reach(() => itemStockAction(itemId)).then((result) => {
      if (current) setStock(result.ok ? { rows: result.data } : { error: result.error });
    });
    return () => {
      current = false;
    };
  }, [itemId]);
  return (
    <section aria-label="Stock of the item" className="text-sm">
      <h3 className="mb-1 font-medium text-slate-700">Stock of the item</h3>
      {stock === null && (
        <p role="status" className="text-slate-500">
          Loading the stock…
        </p>
      )}
      {stock && 'error' in stock && (
        <p role="alert" className="text-red-700">
          {stock.error}
        </p>
      )}
      {stock &&
        'rows' in stock &&
        (stock.rows.length === 0 ? (
          <p className="text-slate-500">None in any warehouse.</p>
        ) : (
          <ul className="space-y-0.5">
            {stock.rows.map((row) => (
              <li key={row.warehouseId} className={row.warehouseId === warehouseId ? 'font-semibold' : undefined}>
                {row.warehouseCode} · {row.warehouseName}:{' '}
                <span className="tabular-nums">
                  {formatQuantity(row.quantity)} {unit}
                </span>
                {row.warehouseId === warehouseId &&
                  (transfer ? ' (the warehouse it leaves)' : ' (this document’s warehouse)')}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
