import { allPipelined } from '@/lib/sql-pipeline';
import 'server-only';
import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { partner } from '@/db/schema';
import { likePattern, offsetOf, parseListParams, type SearchParams } from '@/lib/data-table/params';

export const PARTNER_SORTS = ['code', 'name', 'type'] as const;

export function parsePartnerListParams(params: SearchParams) {
  return parseListParams(params, {
    sortable: PARTNER_SORTS,
    defaultSort: { id: 'name', desc: false },
    filters: ['type'] as const,
  });
}
type PartnerListParams = ReturnType<typeof parsePartnerListParams>;

const partnerColumns = {
  id: sql<string>`${partner.id}::text`,
  code: partner.code,
  name: partner.name,
  type: partner.type,
  vatId: partner.vatId,
  email: partner.email,
  phone: partner.phone,
  address: partner.address,
};
export type PartnerRow = {
  id: string;
  code: string;
  name: string;
  type: 'supplier' | 'customer' | 'both';
  vatId: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
};

export async function listPartners(
  db: DbOrTx,
  params: PartnerListParams,
): Promise<{ rows: PartnerRow[]; total: number }> {
  const conditions: (SQL | undefined)[] = [];
  if (params.q)
    conditions.push(
      or(
        ilike(partner.code, likePattern(params.q)),
        ilike(partner.name, likePattern(params.q)),
        ilike(partner.vatId, likePattern(params.q)),
      ),
    );
  const type = params.filters.type;
  if (type === 'supplier' || type === 'customer' || type === 'both') conditions.push(eq(partner.type, type));
  const where = and(...conditions);
  const order = partner[params.sort.id];
  const [rows, [{ total }]] = await allPipelined([
    db
      .select(partnerColumns)
      .from(partner)
      .where(where)
      .orderBy(params.sort.desc ? desc(order) : asc(order), asc(partner.id))
      .limit(params.perPage)
      .offset(offsetOf(params)),
    db.select({ total: count() }).from(partner).where(where),
  ]);
  return { rows, total };
}

/** One partner, with the version an edit form carries. */
export async function getPartner(db: DbOrTx, id: bigint): Promise<(PartnerRow & { version: number }) | null> {
  const [row] = await db
    .select({ ...partnerColumns, version: partner.version })
    .from(partner)
    .where(eq(partner.id, id));
  return row ?? null;
}
