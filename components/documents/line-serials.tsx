'use client';
import { useMemo } from 'react';
import { SerialEntryDialog } from '@/components/serials/serial-entry-dialog';
import { KINDS, type DocumentKind } from '@/lib/inventory/kinds';
import { checkSerialsAction, loadInStockAction } from './actions';
import { expectedSerialCount, type FormLine } from './form-values';

/** Serials per live-check request: well inside the server's limit and the action body size. */
const CHECK_BATCH = 5000;

/**
 * The serial form of one line. It is keyed by item and warehouse: the live check's answers hold for
 * one warehouse, so choosing another starts the check afresh. The quantity is never set from the count.
 */
export function LineSerials({ kind, line, lineNo, warehouseId, documentId, enabled, onChange }: {
  kind: DocumentKind; line: FormLine; lineNo: number; warehouseId: string; documentId: string | null; enabled: boolean;
  onChange: (serials: string[]) => void;
}) {
  const direction = KINDS[kind].direction === 'in' ? 'receive' : 'issue';
  const { itemId } = line;
  const checkSerials = useMemo(() => (warehouseId ? async (serials: string[]) => {
    const problems: { serial: string; message: string }[] = [];
    // A pasted container list can be huge; the server checks it a batch at a time, one query per batch.
    for (let start = 0; start < serials.length; start += CHECK_BATCH) {
      const result = await checkSerialsAction({ itemId, warehouseId, direction, serials: serials.slice(start, start + CHECK_BATCH), excludeDocumentId: documentId });
      if (!result.ok) throw new Error(result.error);
      problems.push(...result.data);
    }
    return problems;
  } : undefined), [itemId, warehouseId, direction, documentId]);
  const loadInStock = useMemo(() => (warehouseId ? async (query: string, offset: number, limit: number) => {
    const result = await loadInStockAction({ itemId, warehouseId, query, offset, limit });
    if (!result.ok) throw new Error(result.error);
    return result.data;
  } : undefined), [itemId, warehouseId]);

  if (!line.trackSerials) return <span className="text-slate-400">Not tracked</span>;
  if (!enabled) {
    return <span className="text-xs text-slate-500">Entered on the goods document (this invoice creates none).</span>;
  }
  const expected = expectedSerialCount(line.quantity);
  return (
    <div className="space-y-1">
      <SerialEntryDialog key={`${itemId}:${warehouseId}`} triggerLabel={`Serial numbers for line ${lineNo}`} direction={direction}
        itemLabel={`${line.itemCode} · ${line.itemName}`} expectedCount={expected} value={line.serials} onChange={onChange}
        checkSerials={checkSerials} loadInStock={direction === 'issue' ? loadInStock : undefined} idPrefix={`line-${lineNo}-serials`} />
      <p className="text-xs text-slate-500">
        {line.serials.length.toLocaleString('en')} of {expected === null ? '?' : expected.toLocaleString('en')} entered
      </p>
    </div>
  );
}
