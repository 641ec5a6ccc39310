import 'server-only';
import { count } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { item, partner, warehouse } from '@/db/schema';

export async function catalogCounts(db: DbOrTx) {
  const [[items], [warehouses], [partners]] = await Promise.all([
    db.select({ n: count() }).from(item), db.select({ n: count() }).from(warehouse), db.select({ n: count() }).from(partner),
  ]);
  return { items: items.n, warehouses: warehouses.n, partners: partners.n };
}
