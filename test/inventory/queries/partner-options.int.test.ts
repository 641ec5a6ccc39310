import { beforeAll, describe, expect, it, vi } from 'vitest';
import { partner } from '@/db/schema';
import type { DocumentKind } from '@/lib/inventory/kinds';
import { createPrincipals, type Credentials } from '@/test/authz/principals';
import { useTestDatabase } from '@/test/db';
import { partnerOptionById, searchPartnerOptions } from '@/lib/inventory/queries/form-lookups';
import { withCodeKeys } from '@/lib/catalog/code-key';

// The action reads its caller from the request headers (next/headers); each call here gets a chosen session.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

describe('partner options for document forms and lists', async () => {
  const { db } = await useTestDatabase();
  let supplierId = '';
  beforeAll(async () => {
    const [alpha] = await db
      .insert(partner)
      .values(
        withCodeKeys([
          { code: 'S-ALPHA', name: 'Alpha Parts', type: 'supplier' },
          { code: 'S-100%', name: 'Hundred_Percent Ltd', type: 'supplier' },
          { code: 'S-1000', name: 'Hundred1Percent', type: 'supplier' },
          { code: 'C-BETA', name: 'Beta Shop', type: 'customer' },
          { code: 'B-GAMMA', name: 'gamma both ways', type: 'both' },
          ...Array.from({ length: 25 }, (_, i) => ({
            code: `S-BULK-${i + 10}`,
            name: `Bulk ${i + 10}`,
            type: 'supplier' as const,
          })),
        ]),
      )
      .returning({ id: partner.id });
    supplierId = String(alpha.id);
  });

  const codes = async (kind: DocumentKind, text: string, limit?: number) =>
    (await searchPartnerOptions(db, kind, text, limit)).map((p) => p.code);

  it('offers suppliers to receipts and purchase invoices, customers to issues and sales invoices, "both" to all', async () => {
    expect(await codes('sales_invoice', '')).toEqual(['C-BETA', 'B-GAMMA']);
    expect(await codes('goods_issue', '')).toEqual(['C-BETA', 'B-GAMMA']);
    const suppliers = await codes('goods_receipt', '', 100);
    expect(suppliers).toHaveLength(29);
    expect(suppliers).toContain('B-GAMMA');
    expect(suppliers).not.toContain('C-BETA');
    expect(await codes('purchase_invoice', 'gamma')).toEqual(['B-GAMMA']);
  });

  it('matches code or name anywhere, in any case, ordered by name', async () => {
    expect(await codes('goods_receipt', 's-alpha')).toEqual(['S-ALPHA']);
    expect(await codes('goods_receipt', 'PHA PAR')).toEqual(['S-ALPHA']);
    expect((await codes('goods_receipt', 'hundred')).sort()).toEqual(['S-100%', 'S-1000']);
    expect(await searchPartnerOptions(db, 'goods_receipt', 'alpha')).toEqual([
      { id: supplierId, code: 'S-ALPHA', name: 'Alpha Parts' },
    ]);
  });

  it('gives 20 by default, or the limit asked for', async () => {
    expect(await codes('goods_receipt', 'bulk')).toEqual(Array.from({ length: 20 }, (_, i) => `S-BULK-${i + 10}`));
    expect(await codes('goods_receipt', '', 3)).toEqual(['S-ALPHA', 'S-BULK-10', 'S-BULK-11']);
  });

  it('takes % and _ literally', async () => {
    expect(await codes('goods_receipt', '100%')).toEqual(['S-100%']);
    expect(await codes('goods_receipt', 'hundred_')).toEqual(['S-100%']);
    expect(await codes('goods_receipt', '%')).toEqual(['S-100%']);
  });

  it('labels the one partner a list is filtered by, when it fits the kind', async () => {
    expect(await partnerOptionById(db, 'goods_receipt', BigInt(supplierId))).toEqual({
      id: supplierId,
      code: 'S-ALPHA',
      name: 'Alpha Parts',
    });
    expect(await partnerOptionById(db, 'sales_invoice', BigInt(supplierId))).toBeNull();
    expect(await partnerOptionById(db, 'goods_receipt', 987654321n)).toBeNull();
  });

  describe('searchPartnersAction', () => {
    let credentials: Record<'warehouse' | 'accountant' | 'admin', Credentials>;
    beforeAll(async () => {
      credentials = await createPrincipals(db);
    });
    const search = async (role: keyof typeof credentials, kind: string, text: string) => {
      request.headers = new Headers({ cookie: credentials[role].cookie });
      const { searchPartnersAction } = await import('@/app/(app)/_documents/actions');
      return searchPartnersAction(kind as DocumentKind, text);
    };

    it('answers with the read permission of the kind: warehouse staff find suppliers for receipts, not for invoices', async () => {
      expect(await search('warehouse', 'goods_receipt', ' alpha ')).toEqual({
        ok: true,
        data: [{ id: supplierId, code: 'S-ALPHA', name: 'Alpha Parts' }],
      });
      expect(await search('warehouse', 'purchase_invoice', 'alpha')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await search('accountant', 'purchase_invoice', 'alpha')).toMatchObject({
        ok: true,
        data: [{ code: 'S-ALPHA' }],
      });
    });

    it('refuses a kind that does not exist', async () => {
      expect(await search('admin', 'constructor', '')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    });
  });
});
