import { allPipelined } from '@/lib/sql-pipeline';
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { offsetOf, parseListParams, type SearchParams } from '@/lib/data-table/params';
import { rows } from '@/lib/sql-rows';
import { keySearch, type KeySearch } from '@/lib/search/key-search';
import { keyMatchSql, keyRankSql, keyRankTiers, throughKeyIndex } from '@/lib/search/key-search-sql';
import { canonicalKey } from '@/lib/text/canonical-key';
import type { SERIAL_STATUSES } from '@/db/schema/inventory';
import type { DocumentKind } from '@/lib/inventory/kinds';

type SerialStatus = (typeof SERIAL_STATUSES)[number];
import { parseDateFilter, parseIdFilter, timestampInDays } from './filters';

export const SERIAL_SORTS = ['serial', 'receivedAt'] as const;
export const SERIAL_FILTERS = ['item', 'warehouse', 'from', 'to', 'all'] as const;
/** Counting stops here: "10,000+" is as useful as an exact figure and costs no scan of a million rows. */
export const SERIAL_COUNT_CAP = 10_000;

export function parseSerialListParams(params: SearchParams) {
  return parseListParams(params, {
    sortable: SERIAL_SORTS,
    defaultSort: { id: 'serial', desc: false },
    filters: SERIAL_FILTERS,
  });
}
export type SerialListParams = ReturnType<typeof parseSerialListParams>;

export type SerialRow = {
  id: string;
  serial: string;
  status: SerialStatus;
  itemId: string;
  itemCode: string;
  itemName: string;
  warehouseCode: string;
  receivedAt: string;
  receivedById: string | null;
  receivedBy: string | null;
  /** The kind of the document that last brought it in: a receipt, a transfer or an arrival. */
  receivedByKind: DocumentKind | null;
};

/**
 * The Serial Numbers agenda, built for a million rows: the serial search matches any part of the canonical
 * key (lib/search/key-search.ts: `0012` finds UIW-00012), served by the key's trigram index, with exact and
 * starting matches first; the serial order is the prefix btree's own order (USING ~<~ on the key, which keeps
 * digits in order), so a page is read off the index instead of sorting everything; the received-date order
 * walks the (status, warehouse_id, received_at) index once per status and warehouse and merges the
 * heads; the page is cut before anything is joined; and the count stops at SERIAL_COUNT_CAP + 1.
 */
export async function listSerials(
  db: DbOrTx,
  params: SerialListParams,
): Promise<{ rows: SerialRow[]; total: number; capped: boolean }> {
  const search = params.q ? keySearch(params.q) : null;
  const itemIds = await itemIdsOf(db, params.filters.item);
  const where = serialWhere(params, itemIds, Boolean(search));
  const matching = search ? sql`${where} and ${keyMatchSql(sql.raw('s.serial_key'), search)}` : where;
  const matches = search
    ? throughKeyIndex(sql`select 1 from serial_number s where ${matching}`)
    : sql`(select 1 from serial_number s where ${matching})`;
  const count = async () =>
    (
      await rows<{ n: number }>(
        db,
        sql`select count(*)::int as n from (select 1 from ${matches} m limit ${SERIAL_COUNT_CAP + 1}) x`,
      )
    )[0].n;
  // A search counts first (the trigram index answers in milliseconds): the count decides how to rank (searchedPage).
  const n = search ? await count() : null;
  const source = search
    ? searchedPage(params, { where, walkedWhere: serialWhere(params, itemIds) }, search, n! <= SERIAL_COUNT_CAP)
    : pageOfSerials(params, where);
  const [page, total] = await allPipelined([
    rows<SerialRow>(
      db,
      sql`
      select s.id::text, s.serial, s.status, i.id::text as "itemId", i.code as "itemCode", i.name as "itemName",
        w.code as "warehouseCode", s.received_at as "receivedAt", rd.id::text as "receivedById", rd.number as "receivedBy",
        rd.kind as "receivedByKind"
      from (${source}) s
      join item i on i.id = s.item_id
      join warehouse w on w.id = s.warehouse_id
      left join document_line rl on rl.id = s.received_line_id
      left join document rd on rd.id = rl.document_id
      order by ${search ? sql`s.search_rank, ` : sql``}${orderOf(params.sort, Boolean(params.filters.item))}`,
    ),
    n ?? count(),
  ]);
  return {
    rows: page.map((r) => ({ ...r, receivedAt: String(r.receivedAt) })),
    total,
    capped: total > SERIAL_COUNT_CAP,
  };
}

function orderOf(sort: SerialListParams['sort'], oneItem = false): SQL {
  if (sort.id === 'receivedAt')
    return sql.raw(sort.desc ? 's.received_at desc, s.id desc' : 's.received_at asc, s.id asc');
  // Within one item the unique (item_id, serial_key) index holds the order; across items, the prefix
  // index does, in the order of its operator class (~<~, byte order).
  if (oneItem) return sql.raw(sort.desc ? 's.serial_key desc, s.id desc' : 's.serial_key asc, s.id asc');
  return sql.raw(sort.desc ? 's.serial_key using ~>~, s.id desc' : 's.serial_key using ~<~, s.id asc');
}

/** The serials of one page in the list's order: `limit` rows after `offset`. */
function pageOfSerials(params: SerialListParams, where: SQL, limit = params.perPage, offset = offsetOf(params)): SQL {
  const order = orderOf(params.sort, Boolean(params.filters.item));
  if (params.sort.id === 'serial') {
    return sql`select * from serial_number s where ${where} order by ${order} limit ${limit} offset ${offset}`;
  }
  // One ordered index walk per (status, warehouse), each stopping at the page's end, then merged.
  const statuses =
    params.filters.all === '1'
      ? sql`array['in_stock', 'issued', 'in_transit']::serial_status[]`
      : sql`array['in_stock']::serial_status[]`;
  return sql`
    select s.* from unnest(${statuses}) as st(status) cross join warehouse w
    cross join lateral (select * from serial_number s where s.status = st.status and s.warehouse_id = w.id and ${where}
      order by ${order} limit ${offset + limit}) s
    order by ${order} limit ${limit} offset ${offset}`;
}

/**
 * A page of a searched list, exact matches first, then those starting with the text, then the rest.
 * Few matches (`few`: the capped count did not reach its cap) are ranked in one sort of all of them, which
 * the trigram index fetches in milliseconds. Many are ranked rank by rank (key-search-sql.ts): each rank
 * contributes its first rows up to the page's end, read in the list's order off the btree, which finds them
 * quickly because they are many. (The ordered walk alone is what a planner picks for a fragment whose
 * trigrams are common but whose matches are rare, and it then reads the whole index to find none.)
 * `where` filters the trigram index's matches (serialWhere's `searched` form); `walkedWhere` is the plain form, whose
 * status test lets a rank walk the in-stock serials' own key index instead of skipping the issued ones.
 */
function searchedPage(
  params: SerialListParams,
  { where, walkedWhere }: { where: SQL; walkedWhere: SQL },
  search: KeySearch,
  few: boolean,
): SQL {
  const key = sql.raw('s.serial_key');
  const order = orderOf(params.sort, Boolean(params.filters.item));
  if (few) {
    const matches = throughKeyIndex(sql`select * from serial_number s where ${where} and ${keyMatchSql(key, search)}`);
    return sql`select s.*, ${keyRankSql(key, search)} as search_rank from ${matches} s
      order by search_rank, ${order} limit ${params.perPage} offset ${offsetOf(params)}`;
  }
  const upTo = offsetOf(params) + params.perPage;
  const tiers = keyRankTiers(key, search).map(
    (tier, rank) =>
      sql`select ${rank}::int as search_rank, t.* from (${pageOfSerials(params, sql`${walkedWhere} and ${tier}`, upTo, 0)}) t`,
  );
  return sql`select s.* from (${sql.join(tiers, sql` union all `)}) s
    order by s.search_rank, ${order} limit ${params.perPage} offset ${offsetOf(params)}`;
}

/** The item filter resolved first, so the planner sees the item's real id (and its statistics). */
async function itemIdsOf(db: DbOrTx, code: string | undefined): Promise<string[] | null> {
  if (!code) return null;
  const found = await rows<{ id: string }>(db, sql`select id::text from item where code_key = ${canonicalKey(code)}`);
  return found.map((r) => r.id);
}

/**
 * `searched`: the status is compared as text, which no index serves. Written plainly, the planner ANDs the key's
 * trigram bitmap (a few thousand rows) with the partial in-stock index's bitmap (6,000,000 rows at 10,000,000
 * serials): 700 ms for `ta8a`, against 40–70 ms reading the trigram matches and filtering their status.
 */
function serialWhere(params: SerialListParams, itemIds: string[] | null, searched = false): SQL {
  const f = params.filters;
  const conditions: SQL[] = [];
  if (f.all !== '1') conditions.push(searched ? sql`s.status::text = 'in_stock'` : sql`s.status = 'in_stock'`);
  if (itemIds)
    conditions.push(
      itemIds.length > 0
        ? sql`s.item_id in (${sql.join(
            itemIds.map((id) => sql`${id}::bigint`),
            sql`, `,
          )})`
        : sql`false`,
    );
  if (f.warehouse) {
    const warehouseId = parseIdFilter(f.warehouse);
    conditions.push(warehouseId ? sql`s.warehouse_id = ${warehouseId}` : sql`false`);
  }
  conditions.push(...timestampInDays(sql.raw('s.received_at'), parseDateFilter(f.from), parseDateFilter(f.to)));
  return conditions.length > 0 ? sql.join(conditions, sql` and `) : sql`true`;
}

export type SerialDetail = {
  id: string;
  serial: string;
  status: SerialStatus;
  receivedAt: string;
  itemId: string;
  itemCode: string;
  itemName: string;
  warehouseCode: string;
  warehouseName: string;
};

export async function getSerial(db: DbOrTx, id: bigint): Promise<SerialDetail | null> {
  const [row] = await rows<SerialDetail>(
    db,
    sql`
    select s.id::text, s.serial, s.status, s.received_at as "receivedAt", i.id::text as "itemId", i.code as "itemCode", i.name as "itemName",
      w.code as "warehouseCode", w.name as "warehouseName"
    from serial_number s join item i on i.id = s.item_id join warehouse w on w.id = s.warehouse_id where s.id = ${id}`,
  );
  return row ? { ...row, receivedAt: String(row.receivedAt) } : null;
}

export type SerialMove = {
  id: string;
  direction: 'in' | 'out' | 'move';
  at: string;
  documentId: string;
  documentNumber: string;
  documentKind: string;
  documentDate: string;
  partnerCode: string | null;
  partnerName: string | null;
  createdBy: string | null;
  warehouseCode: string;
  invoiceId: string | null;
  invoiceNumber: string | null;
  invoiceKind: string | null;
  /** Where a transfer took it; null for receipts and issues. */
  destinationCode: string | null;
  /** The count whose closing posted this receipt or issue (a serial found or missing there). */
  stocktakeId: string | null;
  stocktakeNumber: string | null;
};

/**
 * Every receipt, issue and transfer of the serial in the order they happened (serial_movement ids), returns included.
 */
export async function getSerialHistory(db: DbOrTx, id: bigint): Promise<SerialMove[]> {
  const found = await rows<SerialMove>(
    db,
    sql`
    select m.id::text, m.direction, m.at, d.id::text as "documentId", d.number as "documentNumber", d.kind as "documentKind",
      d.date::text as "documentDate", p.code as "partnerCode", p.name as "partnerName", u.name as "createdBy",
      w.code as "warehouseCode", inv.id::text as "invoiceId", inv.number as "invoiceNumber", inv.kind as "invoiceKind",
      dw.code as "destinationCode", st.id::text as "stocktakeId", st.number as "stocktakeNumber"
    from serial_movement m
    join document d on d.id = m.document_id
    left join stocktake st on st.id = d.stocktake_id
    join warehouse w on w.id = m.warehouse_id
    left join warehouse dw on dw.id = d.destination_warehouse_id
    left join partner p on p.id = d.partner_id
    left join "user" u on u.id = d.created_by
    left join document inv on inv.id = d.source_invoice_id
    where m.serial_id = ${id} order by m.id`,
  );
  return found.map((m) => ({ ...m, at: String(m.at) }));
}

/**
 * The header search: a serial that reads as the text wins; otherwise the serials whose key contains the
 * text's (lib/search/key-search.ts). Returns the id when exactly one serial matches, else null (the caller
 * then shows the agenda searched for the text, ranked).
 */
export async function findSingleSerial(db: DbOrTx, text: string): Promise<string | null> {
  const search = keySearch(text);
  if (!search) return null;
  const exact = await rows<{ id: string }>(
    db,
    sql`select id::text from serial_number where serial_key = ${search.key} limit 2`,
  );
  if (exact.length > 0) return exact.length === 1 ? exact[0].id : null;
  const matching = await rows<{ id: string }>(
    db,
    sql`select id from ${throughKeyIndex(sql`
    select id::text from serial_number s where ${keyMatchSql(sql.raw('s.serial_key'), search)}`)} m limit 2`,
  );
  return matching.length === 1 ? matching[0].id : null;
}

/**
 * Serials in stock of one item in one warehouse, a page at a time, for picking on an issue line; searched like the
 * agenda.
 */
export async function serialsInStock(
  db: DbOrTx,
  opts: { itemId: bigint; warehouseId: bigint; query: string; offset: number; limit: number },
) {
  const search = opts.query ? keySearch(opts.query) : null;
  const key = sql.raw('s.serial_key');
  const where = sql`s.item_id = ${opts.itemId} and s.warehouse_id = ${opts.warehouseId} and s.status = 'in_stock'
    ${search ? sql`and ${keyMatchSql(key, search)}` : sql``}`;
  const [page, [{ n }]] = await allPipelined([
    // One item in one warehouse (the partial in-stock index narrows it): few enough to rank in one sort.
    rows<{ serial: string }>(
      db,
      sql`select s.serial from serial_number s where ${where}
      order by ${search ? sql`${keyRankSql(key, search)}, ` : sql``}s.serial_key, s.id limit ${opts.limit} offset ${opts.offset}`,
    ),
    rows<{ n: number }>(db, sql`select count(*)::int as n from serial_number s where ${where}`),
  ]);
  return { serials: page.map((r) => r.serial), total: n };
}
