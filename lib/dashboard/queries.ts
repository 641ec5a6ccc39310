import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { DocumentKind } from '@/lib/inventory/kinds';
import { jsonList, rows } from '@/lib/sql-rows';

export type DashboardTotals = {
  items: number;
  stockQuantity: string;
  serialsInStock: number;
  documentsThisMonth: number;
};

/** The four headline figures. Documents are counted only for the kinds the viewer may read. */
export async function dashboardTotals(db: DbOrTx, kinds: DocumentKind[]): Promise<DashboardTotals> {
  const [row] = await rows<DashboardTotals>(
    db,
    sql`
    select (select count(*)::int from item where active) as items,
      (select trim_scale(coalesce(sum(quantity), 0))::text from stock_level) as "stockQuantity",
      -- A tracked item's stock is its number of serials in stock (the core keeps them equal in one transaction;
      -- the integrity checks verify it), so a few thousand stock levels answer instead of a million serials.
      (select coalesce(sum(sl.quantity), 0)::int from stock_level sl join item i on i.id = sl.item_id where i.track_serials)
        as "serialsInStock",
      (select count(*)::int from document
        where kind::text in (select jsonb_array_elements_text(${jsonList(kinds)}::jsonb))
          and date >= date_trunc('month', now() at time zone 'UTC')::date) as "documentsThisMonth"`,
  );
  return row;
}

export type DailyMovement = { day: string; received: string; issued: string };

/**
 * Quantities received (goods receipts) and issued (goods issues) per document date, for each of the last `days` days
 * (UTC).
 */
export async function movementsPerDay(db: DbOrTx, days = 30): Promise<DailyMovement[]> {
  return rows<DailyMovement>(
    db,
    sql`
    with days as (
      select generate_series((now() at time zone 'UTC')::date - ${days - 1}::int, (now() at time zone 'UTC')::date, interval '1 day')::date as day)
    select days.day::text as day,
      trim_scale(coalesce(sum(l.quantity) filter (where d.kind = 'goods_receipt'), 0))::text as received,
      trim_scale(coalesce(sum(l.quantity) filter (where d.kind = 'goods_issue'), 0))::text as issued
    from days
    -- The explicit date bound lets the (kind, date) index serve the join instead of scanning every document.
    left join document d on d.date = days.day and d.kind in ('goods_receipt', 'goods_issue')
      and d.date >= (now() at time zone 'UTC')::date - ${days - 1}::int
    left join document_line l on l.document_id = d.id
    group by days.day order by days.day`,
  );
}

export type RecentDocument = {
  id: string;
  kind: DocumentKind;
  number: string;
  date: string;
  partnerName: string | null;
};

/** The newest documents the viewer may read (identity order: newest posted first). */
export async function recentDocuments(db: DbOrTx, kinds: DocumentKind[], limit = 8): Promise<RecentDocument[]> {
  if (kinds.length === 0) return [];
  return rows<RecentDocument>(
    db,
    sql`
    select d.id::text, d.kind, d.number, d.date::text, p.name as "partnerName"
    from document d left join partner p on p.id = d.partner_id
    where d.kind::text in (select jsonb_array_elements_text(${jsonList(kinds)}::jsonb))
    order by d.id desc limit ${limit}`,
  );
}

export type LowStockItem = { id: string; code: string; name: string; unit: string; minStock: string; onHand: string };

/** Active items whose stock over all warehouses is below their minimum. */
export async function itemsBelowMinimum(db: DbOrTx, limit = 20): Promise<LowStockItem[]> {
  return rows<LowStockItem>(
    db,
    sql`
    select i.id::text, i.code, i.name, i.unit, trim_scale(i.min_stock)::text as "minStock",
      trim_scale(coalesce(sum(sl.quantity), 0))::text as "onHand"
    from item i left join stock_level sl on sl.item_id = i.id
    where i.active and i.min_stock is not null
    group by i.id
    having coalesce(sum(sl.quantity), 0) < i.min_stock
    order by i.code limit ${limit}`,
  );
}
