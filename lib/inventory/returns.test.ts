import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS } from '@/db/schema/inventory';
import { documentSchema } from '@/lib/validation/documents';
import { isReturn, KINDS, returnKindsFor, returnOfLabels } from './kinds';

const line = { itemId: '1', quantity: '1' };

describe('returns in the kinds table and the shared schema', () => {
  it('names for each return the kinds it may send goods back on, and for each document the returns it offers', () => {
    expect(returnKindsFor('sales_invoice')).toEqual(['customer_return', 'credit_note']);
    expect(returnKindsFor('goods_issue')).toEqual(['customer_return', 'credit_note']);
    expect(returnKindsFor('purchase_invoice')).toEqual(['supplier_return']);
    expect(returnKindsFor('transfer')).toEqual([]);
    expect(returnOfLabels('supplier_return')).toBe('a purchase invoice or goods receipt');
    // Only a credit note creates a document (its customer return), and it does not move stock itself.
    expect(KINDS.credit_note).toMatchObject({ generates: 'customer_return', movesStock: false, priced: true });
    for (const kind of DOCUMENT_KINDS)
      for (const origin of KINDS[kind].returnOf ?? []) expect(returnKindsFor(origin)).toContain(kind);
  });

  it('requires the document a return names, and refuses one on any other kind', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DOCUMENT_KINDS), fc.boolean(), (kind, named) => {
        const parsed = documentSchema.safeParse({
          kind,
          date: '2026-05-01',
          warehouseId: '1',
          destinationWarehouseId: kind === 'transfer' ? '2' : null,
          transferId: kind === 'transfer_arrival' ? '9' : null,
          partnerId: null,
          returnOfId: named ? '7' : '',
          lines: [line],
        });
        const issue = parsed.error?.issues.find((i) => i.path[0] === 'returnOfId');
        expect(issue === undefined).toBe(isReturn(kind) === named);
        if (parsed.success) expect(parsed.data.returnOfId).toBe(named ? 7n : null);
      }),
    );
  });
});
