import { describe, expect, it } from 'vitest';
import { updateDocument } from '@/lib/inventory/change';
import { postDocument } from '@/lib/inventory/post';
import { getReturnStart } from '@/lib/inventory/queries/returnable';
import type { DocumentInput } from '@/lib/validation/documents';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';

const day = '2026-11-23';

/*
 * What a return's form offers (queries/returnable.ts): a new return, what can still go back on its document; the edit
 * of a return, that plus what the return itself holds, never what other returns took. Whatever the edit offers, the
 * core takes: saving the return with every offered serial and the whole offered quantity goes through.
 */
describe('what can go back on a return being entered or edited', async () => {
  const { db } = await useTestDatabase();
  const w = await seedWorld(db);
  const lines = (serials: string[], metres?: string) => [
    ...(serials.length > 0 ? [{ itemId: w.tracked, quantity: String(serials.length), serials, unitPrice: '10' }] : []),
    ...(metres ? [{ itemId: w.plain, quantity: metres, unitPrice: '1' }] : []),
  ];
  const receive = (serials: string[]) =>
    postDocument(
      db,
      { kind: 'goods_receipt', date: day, warehouseId: w.main, partnerId: w.supplier, lines: lines(serials, '10') },
      w.actor,
    );
  const back = (
    kind: DocumentInput['kind'],
    returnOfId: bigint,
    serials: string[],
    metres?: string,
  ): DocumentInput => ({
    kind,
    date: day,
    warehouseId: w.shop,
    returnOfId,
    partnerId: kind === 'supplier_return' ? w.supplier : w.customer,
    ...(kind === 'credit_note' ? { createStockDocument: true } : {}),
    lines: lines(serials, metres),
  });
  const offered = async (kind: DocumentInput['kind'], originId: bigint, returnId: bigint | null = null) => {
    const start = await getReturnStart(db, kind, originId, returnId);
    return Object.fromEntries(start!.lines.map((l) => [l.itemCode, l.trackSerials ? l.serials : l.quantity]));
  };

  it('customer returns and credit notes: the edit adds back its own serials and quantity only', async () => {
    await receive(['RQ-1', 'RQ-2', 'RQ-3', 'RQ-4']);
    const si = await postDocument(
      db,
      {
        kind: 'sales_invoice',
        date: day,
        warehouseId: w.main,
        partnerId: w.customer,
        createStockDocument: true,
        lines: lines(['RQ-1', 'RQ-2', 'RQ-3'], '5'),
      },
      w.actor,
    );
    const first = await postDocument(db, back('customer_return', si.id, ['RQ-1'], '1'), w.actor);
    const note = await postDocument(db, back('credit_note', si.id, ['RQ-2'], '2'), w.actor);
    expect(await offered('customer_return', si.id)).toEqual({ 'ACME-1': ['RQ-3'], CABLE: '2' });
    expect(await offered('customer_return', si.id, first.id)).toEqual({ 'ACME-1': ['RQ-1', 'RQ-3'], CABLE: '3' });
    expect(await offered('credit_note', si.id, note.id)).toEqual({ 'ACME-1': ['RQ-2', 'RQ-3'], CABLE: '4' });
    // Named through the goods issue, the same sale offers the same.
    expect(await offered('customer_return', si.stockDocument!.id, first.id)).toEqual({
      'ACME-1': ['RQ-1', 'RQ-3'],
      CABLE: '3',
    });
    await updateDocument(db, first.id, back('customer_return', si.id, ['RQ-1', 'RQ-3'], '3'), w.actor);
    expect(await offered('customer_return', si.id)).toEqual({});
    expect(await offered('credit_note', si.id, note.id)).toEqual({ 'ACME-1': ['RQ-2'], CABLE: '2' });
  });

  it('returns to the supplier: the edit adds back what it sent, not what was sold since', async () => {
    const gr = await receive(['RS-1', 'RS-2', 'RS-3']);
    await postDocument(
      db,
      { kind: 'goods_issue', date: day, warehouseId: w.main, partnerId: w.customer, lines: lines(['RS-3']) },
      w.actor,
    );
    const sent = await postDocument(
      db,
      { ...back('supplier_return', gr.id, ['RS-1'], '4'), warehouseId: w.main },
      w.actor,
    );
    expect(await offered('supplier_return', gr.id)).toEqual({ 'ACME-1': ['RS-2'], CABLE: '6' });
    expect(await offered('supplier_return', gr.id, sent.id)).toEqual({ 'ACME-1': ['RS-1', 'RS-2'], CABLE: '10' });
    await updateDocument(
      db,
      sent.id,
      { ...back('supplier_return', gr.id, ['RS-1', 'RS-2'], '10'), warehouseId: w.main },
      w.actor,
    );
    expect(await offered('supplier_return', gr.id, sent.id)).toEqual({ 'ACME-1': ['RS-1', 'RS-2'], CABLE: '10' });
  });
});
