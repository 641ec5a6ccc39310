import { item, partner, user, warehouse } from '@/db/schema';
import type { Db } from '@/db/client';
import { withCodeKeys } from '@/lib/catalog/code-key';

/** A small world for inventory tests: one user, two warehouses, a supplier, a customer and a few items. */
export async function seedWorld(db: Db) {
  const [u] = await db
    .insert(user)
    .values({ name: 'Test Clerk', email: `clerk${Math.random()}@example.com`, role: 'admin' })
    .returning({ id: user.id });
  const [w1, w2] = await db
    .insert(warehouse)
    .values(
      withCodeKeys([
        { code: 'MAIN', name: 'Main' },
        { code: 'SHOP', name: 'Shop' },
      ]),
    )
    .returning({ id: warehouse.id });
  const [supplier, customer] = await db
    .insert(partner)
    .values(
      withCodeKeys([
        { code: 'SUP', name: 'Supplier', type: 'supplier' },
        { code: 'CUS', name: 'Customer', type: 'customer' },
      ]),
    )
    .returning({ id: partner.id });
  const [tracked, other, plain] = await db
    .insert(item)
    .values(
      withCodeKeys([
        { code: 'ACME-1', name: 'Acme scanner', trackSerials: true },
        { code: 'ACME-2', name: 'Acme printer', trackSerials: true },
        { code: 'CABLE', name: 'Cable', unit: 'm', trackSerials: false },
      ]),
    )
    .returning({ id: item.id });
  return {
    actor: { userId: u.id },
    main: w1.id,
    shop: w2.id,
    supplier: supplier.id,
    customer: customer.id,
    tracked: tracked.id,
    other: other.id,
    plain: plain.id,
  };
}
