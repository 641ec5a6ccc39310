import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { postDocument } from '@/lib/inventory/post';
import { KINDS, type DocumentKind } from '@/lib/inventory/kinds';
import { listDocuments, parseDocumentListParams } from '@/lib/inventory/queries/document-list';
import { keySearch } from '@/lib/search/key-search';
import { canonicalKey } from '@/lib/text/canonical-key';

/*
 * The document lists' serial filter has two ways to the same answer (document-list.ts, serialCondition): through the
 * ids of few matching serials, or walking the documents when many match. Both are checked against a model (the
 * serials each document moved, invoices by their goods document) on generated fragments, with the thresholds
 * lowered so small data takes either way; then once at the real threshold.
 */
type World = Awaited<ReturnType<typeof seedWorld>>;
type Posted = { kind: DocumentKind; number: string; serials: string[] };

describe('document lists filtered by a serial', async () => {
  const { db } = await useTestDatabase();
  let w: World;
  const posted: Posted[] = [];
  const serialsOf = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(5, '0')}`);

  beforeAll(async () => {
    w = await seedWorld(db);
    const post = async (kind: DocumentKind, serials: string[], extra: object = {}) => {
      const doc = await postDocument(
        db,
        {
          kind,
          date: '2026-05-01',
          warehouseId: w.main,
          ...extra,
          lines: [{ itemId: w.tracked, quantity: String(serials.length), unitPrice: '1', serials }],
        },
        w.actor,
      );
      posted.push({ kind, number: doc.number, serials });
      if (doc.stockDocument) posted.push({ kind: KINDS[kind].generates!, number: doc.stockDocument.number, serials });
    };
    const bulk = serialsOf('BULK', 2_100);
    await post('purchase_invoice', bulk, { partnerId: w.supplier, createStockDocument: true });
    await post('goods_receipt', ['AB-1', 'AB-2', 'XY-17']);
    await post('goods_receipt', ['XY-18', 'ZZ-01700']);
    await post('sales_invoice', bulk.slice(100, 103), { partnerId: w.customer, createStockDocument: true });
    await post('goods_issue', ['AB-2']);
  });

  const numbers = async (kind: DocumentKind, serial: string, limits?: { few: number; countCap: number }) => {
    const { rows, total, capped } = await listDocuments(
      db,
      kind,
      parseDocumentListParams({ serial, perPage: '100' }),
      limits,
    );
    return { numbers: rows.map((r) => r.number).sort(), total, capped };
  };
  // As every serial search reads a text (lib/search/key-search.ts): by canonical key, anywhere in it from 3 letters
  // or digits on, else at its start; a text that reads as nothing finds nothing.
  const matches = (serial: string, fragment: string) => {
    const search = keySearch(fragment);
    if (!search) return false;
    const key = canonicalKey(serial);
    return search.contains ? key.includes(search.key) : key.startsWith(search.key);
  };
  const model = (kind: DocumentKind, fragment: string) =>
    posted
      .filter((p) => p.kind === kind && p.serials.some((s) => matches(s, fragment)))
      .map((p) => p.number)
      .sort();

  it('finds the same documents both ways, as the model does', async () => {
    const kinds: DocumentKind[] = ['goods_receipt', 'goods_issue', 'purchase_invoice', 'sales_invoice'];
    const fragments = fc.constantFrom(
      'BULK',
      'bulk-0010',
      'ULK-0210',
      'AB-',
      'XY-1',
      'xy',
      '017',
      '000',
      'Z-0',
      'NONE',
      '-',
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...kinds), fragments, fc.integer({ min: 0, max: 3 }), async (kind, f, few) => {
        const found = await numbers(kind, f, { few, countCap: 1_000 });
        expect(found.numbers).toEqual(model(kind, f));
        expect(found.total).toBe(found.numbers.length);
        expect(found.capped).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('counts no further than the cap when many serials match, and says so', async () => {
    expect(model('goods_receipt', 'XY-1')).toHaveLength(2);
    const walked = await numbers('goods_receipt', 'XY-1', { few: 0, countCap: 1 });
    expect(walked).toMatchObject({ total: 1, capped: true });
    expect(walked.numbers).toEqual(model('goods_receipt', 'XY-1'));
    expect(await numbers('goods_receipt', 'XY-1', { few: 0, countCap: 2 })).toMatchObject({ total: 2, capped: false });
  });

  it('walks at the real threshold: a fragment in 2,100 serials', async () => {
    expect(await numbers('purchase_invoice', 'bulk')).toEqual({
      numbers: model('purchase_invoice', 'bulk'),
      total: 1,
      capped: false,
    });
  });
});
