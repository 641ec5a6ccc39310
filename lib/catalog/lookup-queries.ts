import 'server-only';
import { asc, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { partner, warehouse } from '@/db/schema';

/** Small option lists for selects (warehouses and partners are tens, not thousands). */
export async function warehouseOptions(db: DbOrTx) {
  return db
    .select({ id: sql<string>`${warehouse.id}::text`, code: warehouse.code, name: warehouse.name })
    .from(warehouse)
    .orderBy(asc(warehouse.code));
}

export async function partnerOptions(db: DbOrTx) {
  return db
    .select({ id: sql<string>`${partner.id}::text`, code: partner.code, name: partner.name, type: partner.type })
    .from(partner)
    .orderBy(asc(partner.name));
}
