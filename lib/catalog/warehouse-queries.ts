import { allPipelined } from '@/lib/sql-pipeline';
import 'server-only';
import { asc, count, desc, ilike, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { warehouse } from '@/db/schema';
import { likePattern, offsetOf, parseListParams, type SearchParams } from '@/lib/data-table/params';

export const WAREHOUSE_SORTS = ['code', 'name'] as const;

export function parseWarehouseListParams(params: SearchParams) {
  return parseListParams(params, { sortable: WAREHOUSE_SORTS, defaultSort: { id: 'code', desc: false } });
}

/** `version`: the one an edit form of the row carries. */
export type WarehouseRow = { id: string; code: string; name: string; version: number };

export async function listWarehousesPage(
  db: DbOrTx,
  params: ReturnType<typeof parseWarehouseListParams>,
): Promise<{ rows: WarehouseRow[]; total: number }> {
  const where = params.q
    ? or(ilike(warehouse.code, likePattern(params.q)), ilike(warehouse.name, likePattern(params.q)))
    : undefined;
  const order = warehouse[params.sort.id];
  const [rows, [{ total }]] = await allPipelined([
    db
      .select({
        id: sql<string>`${warehouse.id}::text`,
        code: warehouse.code,
        name: warehouse.name,
        version: warehouse.version,
      })
      .from(warehouse)
      .where(where)
      .orderBy(params.sort.desc ? desc(order) : asc(order), asc(warehouse.id))
      .limit(params.perPage)
      .offset(offsetOf(params)),
    db.select({ total: count() }).from(warehouse).where(where),
  ]);
  return { rows, total };
}
