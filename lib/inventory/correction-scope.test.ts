import { describe, expect, it } from 'vitest';
import type { DocumentData } from '@/lib/validation/documents';
import { changesStock, type PostedLine } from './correction';
import { correctable, CORRECTABLE_HEADER, CORRECTABLE_LINE, fixedFacts } from './correction-scope';

type Row = Parameters<typeof changesStock>[0];

const row = {
  date: '2026-06-01',
  warehouseId: 1n,
  destinationWarehouseId: null,
  inTransit: false,
  transferId: null,
  expectedReceiptId: null,
  stockDocumentId: 9n,
  partnerId: 3n,
  note: '',
  externalNumber: null,
} as Row;
const item = { id: 7n, code: 'PHN', trackSerials: true, unit: 'pcs' };
const posted: PostedLine[] = [
  { line: 0, lineId: 70n, item, quantity: '2.000', unitPrice: '10.0000', vatRate: '21.00', serials: ['A', 'B'] },
];
const data: DocumentData = {
  kind: 'purchase_invoice',
  date: '2026-06-01',
  warehouseId: 1n,
  destinationWarehouseId: null,
  inTransit: false,
  transferId: null,
  expectedReceiptId: null,
  missingExpected: 'keep',
  returnOfId: null,
  partnerId: 3n,
  note: '',
  externalNumber: null,
  createStockDocument: true,
  lines: [{ itemId: 7n, quantity: '2', unitPrice: '10', vatRate: '21', serials: ['a', 'B'] }],
};
const line = data.lines[0];

/** The form's words for a pinned document (correction-scope.ts) are the core's rule (correction.ts). */
describe('what a pinned document may still change', () => {
  it('takes every correctable field in place', () => {
    expect(changesStock(row, data, posted, posted)).toBe(false);
    const header: Record<(typeof CORRECTABLE_HEADER)[number], Partial<DocumentData>> = {
      partnerId: { partnerId: 4n },
      note: { note: 'credit note' },
      externalNumber: { externalNumber: 'DL-7' },
    };
    for (const name of CORRECTABLE_HEADER)
      expect(changesStock(row, { ...data, ...header[name] }, posted, posted), name).toBe(false);
    const lineChange: Record<(typeof CORRECTABLE_LINE)[number], string> = { unitPrice: '12.5', vatRate: '15' };
    for (const name of CORRECTABLE_LINE) {
      expect(changesStock(row, { ...data, lines: [{ ...line, [name]: lineChange[name] }] }, posted, posted), name).toBe(
        false,
      );
    }
  });

  it('re-posts for every other field', () => {
    const edits: Partial<DocumentData>[] = [
      { date: '2026-06-02' },
      { warehouseId: 2n },
      { createStockDocument: false },
      { lines: [{ ...line, itemId: 8n }] },
      { lines: [{ ...line, quantity: '3' }] },
      { lines: [{ ...line, serials: ['A', 'C'] }] },
      { lines: [line, line] },
      { lines: [] },
    ];
    for (const edit of edits)
      expect(changesStock(row, { ...data, ...edit }, posted, posted), JSON.stringify(Object.keys(edit))).toBe(true);
  });

  it('re-posts a transfer sent to another destination', () => {
    const transfer = { ...row, stockDocumentId: null, destinationWarehouseId: 2n };
    const data2: DocumentData = {
      ...data,
      kind: 'transfer',
      partnerId: null,
      createStockDocument: undefined,
      destinationWarehouseId: 2n,
    };
    expect(changesStock(transfer, data2, posted, posted)).toBe(false);
    expect(changesStock(transfer, { ...data2, destinationWarehouseId: 3n }, posted, posted)).toBe(true);
    expect(changesStock(transfer, { ...data2, inTransit: true }, posted, posted)).toBe(true);
    expect(correctable('transfer').long).toBe('the note and the external number');
  });

  it('fixes the partner too when a return pins the document (returns.ts, refusePartnerChange)', () => {
    const issue = { serial: 'A', id: '5', number: 'GI-2026-00005', kind: 'goods_issue' as const };
    const back = { serial: null, id: '6', number: 'CR-2026-00001', kind: 'customer_return' as const };
    expect(correctable('sales_invoice', [issue]).short).toBe('note, partner, prices only');
    expect(correctable('sales_invoice', [issue, back]).short).toBe('note, prices only');
    expect(fixedFacts('goods_issue', [back])).toMatch(/^The date, the partner, the warehouse/);
  });
});
