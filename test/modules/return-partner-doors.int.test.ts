import { beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { partner } from '@/db/schema';
import { withCodeKeys } from '@/lib/catalog/code-key';
import { postDocument, type PostedDocument } from '@/lib/inventory/post';
import { createUser } from '@/lib/users/users';
import { call, keyFor as recordsKeyFor } from '@/test/api/records-client';
import { sessionCookie } from '@/test/authz/principals';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { apiCaller, keyFor as importKeyFor } from '@/test/import/api';
import { runDocumentFile } from '@/test/import/document-files';

// The form's server action reads the caller from the request headers.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { saveDocumentAction } = await import('@/app/(app)/_documents/actions');
const { toWire } = await import('@/components/documents/serials-wire');

/**
 * Changing the partner of a sale a return names is refused by the core (lib/inventory/returns.ts,
 * refusePartnerChange); the web form, the records API and the importer's update say it with the same message on the
 * same field: the form as CONFLICT on partnerId, both Zoho doors as CANNOT_PROCESS on Partner.
 */
describe('the three doors refuse a new partner for a sale with returns alike', async () => {
  const { db } = await useTestDatabase();
  const w = await seedWorld(db);
  const day = '2026-11-23';
  let sale: PostedDocument;
  let message: string;
  const lines = [{ itemId: w.tracked, quantity: '1', serials: ['PD-1'], unitPrice: '10' }];

  beforeAll(async () => {
    await db.insert(partner).values(withCodeKeys([{ code: 'CUS-2', name: 'Second customer', type: 'customer' }]));
    await postDocument(db, { kind: 'goods_receipt', date: day, warehouseId: w.main, lines }, w.actor);
    sale = await postDocument(
      db,
      {
        kind: 'sales_invoice',
        date: day,
        warehouseId: w.main,
        partnerId: w.customer,
        createStockDocument: true,
        lines,
      },
      w.actor,
    );
    const cr = await postDocument(
      db,
      { kind: 'customer_return', date: day, warehouseId: w.main, returnOfId: sale.id, lines },
      w.actor,
    );
    message = `The partner of ${sale.number} cannot change: ${cr.number} returns goods of it for that partner; delete ${cr.number} first.`;
  });

  it('the web form', async () => {
    const email = `pd-${Math.random().toString(36).slice(2)}@example.com`;
    await createUser(db, { name: 'Doors Admin', email, role: 'admin', password: 'return-partner-doors' });
    request.headers = new Headers({ cookie: await sessionCookie(email, 'return-partner-doors') });
    const [{ id: other }] = await db.select({ id: partner.id }).from(partner).where(eq(partner.code, 'CUS-2'));
    const values = {
      kind: 'sales_invoice' as const,
      date: day,
      warehouseId: w.main,
      partnerId: other,
      createStockDocument: true,
      lines,
    };
    const saved = await saveDocumentAction('sales_invoice', { id: String(sale.id), values: toWire(values) });
    expect(saved).toMatchObject({ ok: false, code: 'CONFLICT', error: message, fieldErrors: { partnerId: message } });
  });

  it('the records API', async () => {
    const key = (await recordsKeyFor(db, 'admin')).key;
    const { json } = await call(key, 'PUT', `/crm/v8/Sales_Invoices/${sale.id}`, {
      data: [{ Partner: { Code: 'CUS-2' } }],
    });
    expect(json.data[0]).toMatchObject({ code: 'CANNOT_PROCESS', message, details: { api_name: 'Partner' } });
  });

  it('the importer', async () => {
    const api = apiCaller((await importKeyFor(db, 'admin')).key);
    const [row] = await runDocumentFile(
      db,
      api,
      [
        ['Number', 'Partner'],
        [sale.number, 'CUS-2'],
      ],
      { operation: 'update', module: 'Sales_Invoices', findBy: 'Number' },
    );
    expect(row).toMatchObject({ STATUS: 'SKIPPED', ERRORS: 'CANNOT_PROCESS-Partner', ERROR_MESSAGE: message });
  });
});
