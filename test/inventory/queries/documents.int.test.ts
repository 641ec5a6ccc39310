import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { deleteDocument } from '@/lib/inventory/change';
import { postDocument } from '@/lib/inventory/post';
import {
  getDocument,
  getDocumentAudit,
  getDocumentLines,
  getEditableLines,
} from '@/lib/inventory/queries/document-detail';
import { listDocuments, parseDocumentListParams } from '@/lib/inventory/queries/document-list';
import { documentKindOf, findItemByCodeOrEan, searchLineItems } from '@/lib/inventory/queries/form-lookups';

type World = Awaited<ReturnType<typeof seedWorld>>;

describe('document queries', async () => {
  const { db } = await useTestDatabase();
  let w: World;
  let pi: Awaited<ReturnType<typeof postDocument>>;
  let grOld: Awaited<ReturnType<typeof postDocument>>;
  beforeAll(async () => {
    w = await seedWorld(db);
    grOld = await postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: '2026-01-10',
        warehouseId: w.shop,
        lines: [{ itemId: w.plain, quantity: '2.5', unitPrice: '3' }],
      },
      w.actor,
    );
    // 3 × 0.10 + 21 % and 1 × 0.015: sums a float would get wrong (0.30000000000000004) and a half-cent to round.
    pi = await postDocument(
      db,
      {
        kind: 'purchase_invoice',
        date: '2026-02-15',
        warehouseId: w.main,
        partnerId: w.supplier,
        note: 'first',
        lines: [
          { itemId: w.plain, quantity: '3', unitPrice: '0.1', vatRate: '21' },
          { itemId: w.tracked, quantity: '2', unitPrice: '1234567.8905', vatRate: '21', serials: ['Q-1', 'Q-2'] },
          { itemId: w.plain, quantity: '1', unitPrice: '0.015', vatRate: '0' },
        ],
      },
      w.actor,
    );
  });
  const list = (kind: Parameters<typeof listDocuments>[1], query: Record<string, string>) =>
    listDocuments(db, kind, parseDocumentListParams(query));

  it('lists a kind with exact totals and the linked document', async () => {
    const { rows, total } = await list('purchase_invoice', {});
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({
      number: pi.number,
      partnerCode: 'SUP',
      warehouseCode: 'MAIN',
      lineCount: 3,
      linkedNumber: pi.stockDocument!.number,
      net: '2469136.10',
      vat: '518518.57',
      gross: '2987654.67',
    });
    const receipts = await list('goods_receipt', {});
    expect(receipts.rows.map((r) => r.number)).toEqual([pi.stockDocument!.number, grOld.number]);
    expect(receipts.rows[0].linkedNumber).toBe(pi.number);
  });

  it('filters by date range, partner, warehouse, item code, serial and number', async () => {
    const numbers = async (query: Record<string, string>) =>
      (await list('goods_receipt', query)).rows.map((r) => r.number);
    expect(await numbers({ from: '2026-02-01' })).toEqual([pi.stockDocument!.number]);
    expect(await numbers({ to: '2026-01-31' })).toEqual([grOld.number]);
    expect(await numbers({ from: '2026-01-10', to: '2026-01-10' })).toEqual([grOld.number]);
    expect(await numbers({ from: 'not-a-date' })).toHaveLength(2);
    expect(await numbers({ partner: String(w.supplier) })).toEqual([pi.stockDocument!.number]);
    expect(await numbers({ partner: 'x' })).toEqual([]);
    expect(await numbers({ warehouse: String(w.shop) })).toEqual([grOld.number]);
    expect(await numbers({ item: 'cable' })).toEqual([pi.stockDocument!.number, grOld.number]);
    expect(await numbers({ item: 'ACME-1' })).toEqual([pi.stockDocument!.number]);
    expect(await numbers({ serial: 'Q-2' })).toEqual([pi.stockDocument!.number]);
    expect(await numbers({ serial: 'q-' })).toEqual([pi.stockDocument!.number]); // the start of
    expect(await numbers({ serial: 'Q-3' })).toEqual([]);
    expect(await numbers({ serial: '\u200b' })).toEqual([]); // reads as nothing: finds nothing
    expect(await numbers({ q: grOld.number.slice(-5) })).toEqual([grOld.number]);
    // An invoice is found by the serials of the goods document it generated.
    expect((await list('purchase_invoice', { serial: 'Q-1' })).rows.map((r) => r.number)).toEqual([pi.number]);
  });

  it('filters by any part of a serial, as it reads', async () => {
    const gr = await postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: '2026-03-01',
        warehouseId: w.main,
        lines: [{ itemId: w.tracked, quantity: '1', serials: ['LOT-77123-X'] }],
      },
      w.actor,
    );
    const numbers = async (serial: string) => (await list('goods_receipt', { serial })).rows.map((r) => r.number);
    expect(await numbers('7712')).toEqual([gr.number]);
    expect(await numbers('l0t-77')).toEqual([gr.number]); // lower case, zero for O
    expect(await numbers('123-x')).toEqual([gr.number]);
    expect(await numbers('77124')).toEqual([]);
    await deleteDocument(db, gr.id, w.actor); // the other tests count the receipts
  });

  it('searches by the number or the external number as it reads, and shows the external number', async () => {
    const gr = await postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: '2026-03-02',
        warehouseId: w.main,
        partnerId: w.supplier,
        externalNumber: 'DL-OO7',
        lines: [{ itemId: w.plain, quantity: '1' }],
      },
      w.actor,
    );
    const found = async (q: string) =>
      (await list('goods_receipt', { q })).rows.map((r) => [r.number, r.externalNumber]);
    expect(await found('dl-007')).toEqual([[gr.number, 'DL-OO7']]); // lower case, zeros for the letters O
    expect(await found('OO7')).toEqual([[gr.number, 'DL-OO7']]);
    expect(await found(gr.number)).toEqual([[gr.number, 'DL-OO7']]);
    expect(await found('DL-8')).toEqual([]);
    expect((await getDocument(db, gr.id))!.externalNumber).toBe('DL-OO7');
    await deleteDocument(db, gr.id, w.actor); // the other tests count the receipts
  });

  it('sorts and pages', async () => {
    const asc = await list('goods_receipt', { sort: 'number.asc', perPage: '10' });
    expect(asc.rows.map((r) => r.number)).toEqual([grOld.number, pi.stockDocument!.number]);
    const page2 = await list('goods_receipt', { sort: 'date.asc', perPage: '10', page: '2' });
    expect(page2).toMatchObject({ rows: [], total: 2 });
  });

  it('reads the header, lines with exact line totals and the serials from the goods document', async () => {
    const header = (await getDocument(db, pi.id))!;
    expect(header).toMatchObject({
      kind: 'purchase_invoice',
      number: pi.number,
      note: 'first',
      createdBy: 'Test Clerk',
      partner: { code: 'SUP' },
      warehouse: { code: 'MAIN' },
      stockDocument: { number: pi.stockDocument!.number, kind: 'goods_receipt' },
      totals: { net: '2469136.10', vat: '518518.57', gross: '2987654.67' },
    });
    const lines = await getDocumentLines(db, header);
    expect(lines.map((l) => [l.lineNo, l.itemCode, l.net, l.vat, l.gross])).toEqual([
      [1, 'CABLE', '0.30', '0.06', '0.36'],
      [2, 'ACME-1', '2469135.78', '518518.51', '2987654.29'],
      [3, 'CABLE', '0.02', '0.00', '0.02'],
    ]);
    expect(lines[1].serials.map((s) => s.serial)).toEqual(['Q-1', 'Q-2']);
    expect(lines[1].serialTotal).toBe(2);
    const generated = (await getDocument(db, pi.stockDocument!.id))!;
    expect(generated.sourceInvoice).toMatchObject({ number: pi.number, kind: 'purchase_invoice' });
    expect((await getDocumentLines(db, generated))[1].serials.map((s) => s.serial)).toEqual(['Q-1', 'Q-2']);
  });

  it('gives the lines for editing with trimmed decimals and every serial', async () => {
    const header = (await getDocument(db, pi.id))!;
    const lines = await getEditableLines(db, header);
    expect(lines.map((l) => [l.itemCode, l.quantity, l.unitPrice, l.vatRate, l.serials])).toEqual([
      ['CABLE', '3', '0.1', '21', []],
      ['ACME-1', '2', '1234567.8905', '21', ['Q-1', 'Q-2']],
      ['CABLE', '1', '0.015', '0', []],
    ]);
  });

  it('keeps the audit log with who and what', async () => {
    const log = await getDocumentAudit(db, pi.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ action: 'create', userName: 'Test Clerk' });
    expect(JSON.parse(log[0].changes).after.lines).toHaveLength(3);
  });

  it('looks up items and document kinds for the form', async () => {
    expect(await findItemByCodeOrEan(db, 'acme-1')).toMatchObject({ code: 'ACME-1', trackSerials: true });
    expect(await findItemByCodeOrEan(db, 'nope')).toBeNull();
    expect((await searchLineItems(db, 'printer')).map((i) => i.code)).toEqual(['ACME-2']);
    expect(await documentKindOf(db, pi.id)).toBe('purchase_invoice');
    expect(await getDocument(db, 987654321n)).toBeNull();
  });
});
