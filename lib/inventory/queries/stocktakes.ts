import { allPipelined } from '@/lib/sql-pipeline';
import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rows } from '@/lib/sql-rows';
import { FINDING_SQL, type Finding } from '../stocktake/findings';
import { inScope } from '../stocktake/lock';
import { adjustmentPlan, planDigest } from '../stocktake/plan';

/** Rows per page of the lists of differences: a 10,000-serial count is never rendered whole. */
export const DIFFERENCES_PER_PAGE = 50;
export const LATEST_SCANS = 10;
/** Items offered by the count screen's selects. */
const MAX_ITEMS_SHOWN = 1000;

export type StocktakeRow = {
  id: string;
  number: string;
  date: string;
  warehouseId: string;
  warehouseCode: string;
  status: 'open' | 'closed' | 'cancelled';
  note: string;
  reason: string | null;
  itemCodes: string[];
  createdBy: string;
  closedBy: string | null;
  closedAt: string | null;
  scans: number;
};

const HEADER = sql`select st.id::text, st.number, st.date::text, st.warehouse_id::text as "warehouseId",
    w.code as "warehouseCode", st.status, st.note, st.reason,
    array(select i.code from stocktake_item si join item i on i.id = si.item_id where si.stocktake_id = st.id
      order by i.code) as "itemCodes",
    coalesce(cu.name, '') as "createdBy", xu.name as "closedBy", to_char(st.closed_at, 'YYYY-MM-DD HH24:MI') as "closedAt",
    (select count(*)::int from stocktake_scan sc where sc.stocktake_id = st.id) as scans
  from stocktake st join warehouse w on w.id = st.warehouse_id
  left join "user" cu on cu.id = st.created_by left join "user" xu on xu.id = st.closed_by`;

export async function listStocktakes(db: DbOrTx, page: number, perPage = 50) {
  const [list, [{ total }]] = await allPipelined([
    rows<StocktakeRow>(db, sql`${HEADER} order by st.id desc limit ${perPage} offset ${(page - 1) * perPage}`),
    rows<{ total: number }>(db, sql`select count(*)::int as total from stocktake`),
  ]);
  return { rows: list, total };
}

export async function getStocktake(db: DbOrTx, id: bigint): Promise<StocktakeRow | null> {
  const [row] = await rows<StocktakeRow>(db, sql`${HEADER} where st.id = ${id}`);
  return row ?? null;
}

type Scope = { id: bigint; warehouseId: bigint; itemIds: bigint[] };

async function scopeOf(db: DbOrTx, st: StocktakeRow): Promise<Scope> {
  const items = await rows<{ id: string }>(
    db,
    sql`select item_id::text as id from stocktake_item where stocktake_id = ${BigInt(st.id)}`,
  );
  return { id: BigInt(st.id), warehouseId: BigInt(st.warehouseId), itemIds: items.map((i) => BigInt(i.id)) };
}

export type StocktakeSummary = {
  expected: number;
  found: number;
  missing: number;
  scanned: number;
  unexpected: Record<Exclude<Finding, 'expected'>, number>;
  countDifferences: number;
};

/** Counts only, each from an index: what the count screen polls every few seconds. */
export async function stocktakeSummary(db: DbOrTx, st: StocktakeRow): Promise<StocktakeSummary> {
  const scope = await scopeOf(db, st);
  const [[expected], findings, [counts]] = await allPipelined([
    rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from serial_number s
        where s.status = 'in_stock' and s.warehouse_id = ${scope.warehouseId} and ${inScope(scope, 's.item_id')}`,
    ),
    rows<{ finding: Finding; n: number }>(
      db,
      sql`select ${sql.raw(FINDING_SQL)} as finding, count(*)::int as n
        from stocktake st join stocktake_scan sc on sc.stocktake_id = st.id
        left join serial_number s on s.item_id = sc.item_id and s.serial_key = sc.serial_key
        where st.id = ${scope.id} group by 1`,
    ),
    rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from stocktake_count where stocktake_id = ${scope.id} and quantity <> book_quantity`,
    ),
  ]);
  const of = (f: Finding) => findings.find((x) => x.finding === f)?.n ?? 0;
  return {
    expected: expected.n,
    found: of('expected'),
    missing: expected.n - of('expected'),
    scanned: findings.reduce((sum, f) => sum + f.n, 0),
    unexpected: {
      unknown: of('unknown'),
      other_warehouse: of('other_warehouse'),
      issued: of('issued'),
      in_transit: of('in_transit'),
    },
    countDifferences: counts.n,
  };
}

export type ScanRow = {
  serial: string;
  itemCode: string;
  finding: Finding;
  where: string | null;
  by: string;
  at: string;
};

const SCANS = sql`select sc.serial, i.code as "itemCode", ${sql.raw(FINDING_SQL)} as finding,
    case when s.status = 'in_stock' and s.warehouse_id <> st.warehouse_id then w.code
      when s.status <> 'in_stock' then d.number end as where,
    coalesce(u.name, '') as by, to_char(sc.scanned_at, 'HH24:MI:SS') as at
  from stocktake st join stocktake_scan sc on sc.stocktake_id = st.id
  join item i on i.id = sc.item_id
  left join "user" u on u.id = sc.scanned_by
  left join serial_number s on s.item_id = sc.item_id and s.serial_key = sc.serial_key
  left join warehouse w on w.id = s.warehouse_id
  left join document_line dl on dl.id = s.issued_line_id
  left join document d on d.id = dl.document_id`;

export async function latestScans(db: DbOrTx, id: bigint, limit = LATEST_SCANS): Promise<ScanRow[]> {
  return rows<ScanRow>(db, sql`${SCANS} where st.id = ${id} order by sc.id desc limit ${limit}`);
}

/** One page of the scanned serials the books do not have in stock here, newest first. */
export async function unexpectedScans(db: DbOrTx, id: bigint, page: number): Promise<ScanRow[]> {
  return rows<ScanRow>(
    db,
    sql`${SCANS} where st.id = ${id} and ${sql.raw(FINDING_SQL)} <> 'expected'
      order by sc.id desc limit ${DIFFERENCES_PER_PAGE} offset ${(page - 1) * DIFFERENCES_PER_PAGE}`,
  );
}

/** One page of the serials in stock here by the books and not scanned, by item and serial. */
export async function missingSerials(db: DbOrTx, st: StocktakeRow, page: number) {
  const scope = await scopeOf(db, st);
  return rows<{ serial: string; itemCode: string }>(
    db,
    sql`select s.serial, i.code as "itemCode" from serial_number s join item i on i.id = s.item_id
      where s.status = 'in_stock' and s.warehouse_id = ${scope.warehouseId} and ${inScope(scope, 's.item_id')}
        and not exists (select 1 from stocktake_scan sc
          where sc.stocktake_id = ${scope.id} and sc.item_id = s.item_id and sc.serial_key = s.serial_key)
      order by s.item_id, s.serial_key limit ${DIFFERENCES_PER_PAGE} offset ${(page - 1) * DIFFERENCES_PER_PAGE}`,
  );
}

export type CountRow = {
  itemId: string;
  itemCode: string;
  itemName: string;
  unit: string;
  quantity: string;
  bookQuantity: string;
  difference: string;
  by: string;
  at: string;
};

export async function countRows(db: DbOrTx, id: bigint): Promise<CountRow[]> {
  return rows<CountRow>(
    db,
    sql`select c.item_id::text as "itemId", i.code as "itemCode", i.name as "itemName", i.unit,
        trim_scale(c.quantity)::text as quantity, trim_scale(c.book_quantity)::text as "bookQuantity",
        trim_scale(c.quantity - c.book_quantity)::text as difference, coalesce(u.name, '') as by,
        to_char(c.counted_at, 'HH24:MI:SS') as at
      from stocktake_count c join item i on i.id = c.item_id left join "user" u on u.id = c.counted_by
      where c.stocktake_id = ${id} order by i.code`,
  );
}

/** The items a count can take: tracked ones to scan, untracked ones to count (the count's own, when limited). */
export async function countableItems(db: DbOrTx, st: StocktakeRow) {
  const scope = await scopeOf(db, st);
  return rows<{ id: string; code: string; name: string; trackSerials: boolean }>(
    db,
    sql`select i.id::text, i.code, i.name, i.track_serials as "trackSerials" from item i
      where ${inScope(scope, 'i.id')} order by i.code limit ${MAX_ITEMS_SHOWN}`,
  );
}

/** What the close confirmation lists: the totals and the fingerprint the close must find again. */
export async function closingPreview(db: DbOrTx, st: StocktakeRow) {
  const plan = await adjustmentPlan(db, await scopeOf(db, st), false);
  const codes = new Map((await countableItems(db, st)).map((i) => [i.id, i.code]));
  return {
    digest: planDigest(plan),
    missing: plan.missing.length,
    unknown: plan.unknown.length,
    /** The first unknown serials, to show: the receipt takes them all. */
    unknownShown: plan.unknown
      .slice(0, DIFFERENCES_PER_PAGE)
      .map((u) => ({ serial: u.serial, itemCode: codes.get(u.itemId) ?? '' })),
    counts: plan.counts.length,
  };
}

/** The receipts and issues a closed count posted. */
export async function stocktakeDocuments(db: DbOrTx, id: bigint) {
  return rows<{ id: string; kind: 'goods_receipt' | 'goods_issue'; number: string; lines: number }>(
    db,
    sql`select d.id::text, d.kind, d.number, (select count(*)::int from document_line l where l.document_id = d.id) as lines
      from document d where d.stocktake_id = ${id} order by d.id`,
  );
}
