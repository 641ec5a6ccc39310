import { allPipelined } from '@/lib/sql-pipeline';
import 'server-only';
import { and, asc, count, desc, eq, gte, ilike, like, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { document, partner, warehouse } from '@/db/schema';
import { likePattern, offsetOf, parseListParams, type SearchParams } from '@/lib/data-table/params';
import type { DocumentKind } from '@/lib/inventory/kinds';
import { parseDateFilter, parseIdFilter } from './filters';
import { documentTotalsSql } from './money';
import { keySearch, type KeySearch } from '@/lib/search/key-search';
import { keyMatchSql, throughKeyIndex } from '@/lib/search/key-search-sql';
import { rows as sqlRows } from '@/lib/sql-rows';
import { canonicalKey } from '@/lib/text/canonical-key';

export const DOCUMENT_SORTS = ['number', 'date', 'partner', 'warehouse', 'destination'] as const;
export const DOCUMENT_FILTERS = ['from', 'to', 'partner', 'warehouse', 'item', 'serial'] as const;

export function parseDocumentListParams(params: SearchParams) {
  return parseListParams(params, {
    sortable: DOCUMENT_SORTS,
    defaultSort: { id: 'date', desc: true },
    filters: DOCUMENT_FILTERS,
  });
}
export type DocumentListParams = ReturnType<typeof parseDocumentListParams>;

export type DocumentRow = {
  id: string;
  number: string;
  externalNumber: string | null;
  date: string;
  partnerCode: string | null;
  partnerName: string | null;
  warehouseCode: string;
  destinationCode: string | null;
  lineCount: number;
  net: string;
  vat: string;
  gross: string;
  linkedId: string | null;
  linkedNumber: string | null;
};

const linked = alias(document, 'linked');
const destination = alias(warehouse, 'destination');

/**
 * The serial filter finds documents through the serials matching its text while they are at most this many; past
 * it (a few digits that most serials contain) the documents are walked in the list's order, each asked whether one
 * of its serials matches, and counted up to DOCUMENT_COUNT_CAP (see serialCondition).
 */
export const SERIAL_FILTER_FEW = 2_000;
export const DOCUMENT_COUNT_CAP = 1_000;

/**
 * One page of documents of a kind, filtered and sorted as the URL says, with exact totals computed in SQL. `capped`:
 * the count stopped at DOCUMENT_COUNT_CAP (a serial filter matching very many serials), so `total` is a floor.
 */
export async function listDocuments(
  db: DbOrTx,
  kind: DocumentKind,
  params: DocumentListParams,
  limits = { few: SERIAL_FILTER_FEW, countCap: DOCUMENT_COUNT_CAP },
): Promise<{ rows: DocumentRow[]; total: number; capped: boolean }> {
  const serial = params.filters.serial ? keySearch(params.filters.serial) : null;
  const walk = serial ? (await matchingSerials(db, serial, limits.few + 1)) > limits.few : false;
  if (!walk) return readPage(db, kind, params, limits, false);
  // The walk asks each document for its first serials through the movements' (line_id, serial_id) index; the planner,
  // expecting the EXISTS to stop early, otherwise reads the movements table from its start for every document (21 s
  // at 10,000,000 serials; serialCondition). Set for this transaction only, and set back after: inside a caller's
  // transaction it would outlive the read.
  return db.transaction(async (tx) => {
    const [{ previous }] = await sqlRows<{ previous: string }>(
      tx,
      sql`select current_setting('enable_seqscan') as previous, set_config('enable_seqscan', 'off', true)`,
    );
    const page = await readPage(tx, kind, params, limits, true);
    await tx.execute(sql`select set_config('enable_seqscan', ${previous}, true)`);
    return page;
  });
}

async function readPage(
  db: DbOrTx,
  kind: DocumentKind,
  params: DocumentListParams,
  limits: { few: number; countCap: number },
  walk: boolean,
): Promise<{ rows: DocumentRow[]; total: number; capped: boolean }> {
  const where = documentWhere(kind, params, walk);
  const totals = documentTotalsSql(sql`${document.id}`);
  const [rows, [{ total }]] = await allPipelined([
    db
      .select({
        id: sql<string>`${document.id}::text`,
        number: document.number,
        externalNumber: document.externalNumber,
        date: document.date,
        partnerCode: partner.code,
        partnerName: partner.name,
        warehouseCode: warehouse.code,
        destinationCode: destination.code,
        lineCount: sql<number>`(select count(*)::int from document_line l where l.document_id = ${document.id})`,
        net: sql<string>`${totals.net}`,
        vat: sql<string>`${totals.vat}`,
        gross: sql<string>`${totals.gross}`,
        linkedId: sql<string | null>`${linked.id}::text`,
        linkedNumber: linked.number,
      })
      .from(document)
      .leftJoin(partner, eq(partner.id, document.partnerId))
      .innerJoin(warehouse, eq(warehouse.id, document.warehouseId))
      .leftJoin(destination, eq(destination.id, document.destinationWarehouseId))
      .leftJoin(
        linked,
        sql`${linked.id} = coalesce(${document.stockDocumentId}, ${document.sourceInvoiceId}, ${document.transferId})`,
      )
      .where(where)
      .orderBy(...documentOrder(params.sort))
      .limit(params.perPage)
      .offset(offsetOf(params)),
    walk
      ? sqlRows<{ total: number }>(
          db,
          sql`select count(*)::int as total from (select 1 from ${document} where ${where} limit ${limits.countCap + 1}) x`,
        )
      : db.select({ total: count() }).from(document).where(where),
  ]);
  const capped = walk && total > limits.countCap;
  return { rows, total: capped ? limits.countCap : total, capped };
}

/** How many serials match a search, counting no further than `upTo` (through the key's index, see key-search-sql). */
async function matchingSerials(db: DbOrTx, search: KeySearch, upTo: number): Promise<number> {
  const matches = throughKeyIndex(
    sql`select 1 from serial_number s where ${keyMatchSql(sql.raw('s.serial_key'), search)}`,
  );
  const [{ n }] = await sqlRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (select 1 from ${matches} m limit ${upTo}) x`,
  );
  return n;
}

function documentOrder(sort: DocumentListParams['sort']): SQL[] {
  const dir = sort.desc ? desc : asc;
  switch (sort.id) {
    case 'number':
      return [dir(document.number)];
    case 'partner':
      return [dir(sql`${partner.name}`), dir(document.id)];
    case 'warehouse':
      return [dir(sql`${warehouse.code}`), dir(document.id)];
    case 'destination':
      return [dir(sql`${destination.code}`), dir(document.id)];
    default:
      return [dir(document.date), dir(document.id)];
  }
}

/**
 * The search box: our number, or the partner's external number as it reads (its canonical key, the key
 * that makes it unique), so "dl-77" finds DL-77.
 */
function numberSearch(q: string): SQL | undefined {
  const key = canonicalKey(q);
  return or(
    ilike(document.number, likePattern(q)),
    key ? like(document.externalNumberKey, likePattern(key)) : undefined,
  );
}

/**
 * Every filter is written so an index can serve it: (kind, date), partner, warehouse (either of a transfer's), line
 * item, serial text.
 */
function documentWhere(kind: DocumentKind, params: DocumentListParams, walk = false): SQL | undefined {
  const f = params.filters;
  const conditions: (SQL | undefined)[] = [eq(document.kind, kind)];
  if (params.q) conditions.push(numberSearch(params.q));
  const from = parseDateFilter(f.from);
  const to = parseDateFilter(f.to);
  if (from) conditions.push(gte(document.date, from));
  if (to) conditions.push(lte(document.date, to));
  const partnerId = parseIdFilter(f.partner);
  if (f.partner) conditions.push(partnerId ? eq(document.partnerId, partnerId) : sql`false`);
  const warehouseId = parseIdFilter(f.warehouse);
  // A transfer is listed under either of its warehouses.
  if (f.warehouse)
    conditions.push(
      warehouseId
        ? or(eq(document.warehouseId, warehouseId), eq(document.destinationWarehouseId, warehouseId))
        : sql`false`,
    );
  if (f.item) {
    conditions.push(sql`${document.id} in (select l.document_id from document_line l join item i on i.id = l.item_id
      where i.code_key = ${canonicalKey(f.item)})`);
  }
  if (f.serial) {
    const serial = keySearch(f.serial);
    conditions.push(serial ? serialCondition(serial, walk) : sql`false`);
  }
  return and(...conditions);
}

/** How many of a document's serials the walk asks one by one before it looks the document up among all matches. */
export const WALK_PROBE_MOST = 50;

/**
 * Documents that moved a serial matching the search (any part of it, as everywhere serials are searched). An
 * invoice's serials travel on the goods document it generated, which names its invoice (source_invoice_id; an
 * invariant keeps the two links agreeing), so a moving document stands for itself and for its invoice.
 * - Few matching serials: their ids flow through arrays the next index looks up (serial keys → movements →
 *   documents), because the planner cannot estimate a fragment's matches: `coalesce(stock_document_id, id) in (…)`
 *   hash-joined every receipt (200 ms–2 s at 10,000,000 serials) and plain joins scanned all 14,000,000 movements
 *   for a 4-character fragment (4 s).
 * - Many (`walk`): the list's own order is walked and the count stops at the cap. Each document is first asked
 *   whether one of its first WALK_PROBE_MOST serials matches (the key test hidden from the trigram index, which
 *   would collect every match for each document): for a fragment most serials contain, that answers every document
 *   in a few lookups. The first serials are read line by line in serial id order, an order only the movements'
 *   (line_id, serial_id) index gives, so the probe stops after them whatever the row estimates say. Read through
 *   the document_id index instead, stale statistics right after big postings turned each probe into a bitmap scan
 *   of all the document's movements (3 ms per 10,000-serial receipt, 360 ms a page in the bench at 1,000,000
 *   serials, 14 ms once analyzed). A document that moved no more units than that is then answered; a bigger one is
 *   looked up among the documents of all matching movements, hashed once, because asking it serial by serial could
 *   read tens of thousands that do not match (330 s for a fragment absent from a third of the bench's 80,000-serial
 *   receipts).
 */
function serialCondition(serial: KeySearch, walk: boolean): SQL {
  const match = keyMatchSql(sql.raw('s.serial_key'), serial);
  if (walk) {
    const moving = sql`coalesce(${document.stockDocumentId}, ${document.id})`;
    const probe = keyMatchSql(sql.raw(`(s.serial_key || '')`), serial);
    return sql`case
      when exists (select 1 from (select p.serial_id from document_line l
          cross join lateral (select m.serial_id from serial_movement m where m.line_id = l.id
            order by m.serial_id limit ${WALK_PROBE_MOST}) p
          where l.document_id = ${moving} limit ${WALK_PROBE_MOST}) first
        join serial_number s on s.id = first.serial_id where ${probe}) then true
      when (select coalesce(sum(l.quantity), 0) from document_line l where l.document_id = ${moving}) <= ${WALK_PROBE_MOST}
        then false
      else ${moving} in (select m.document_id from serial_movement m join serial_number s on s.id = m.serial_id
        where ${match}) end`;
  }
  return sql`${document.id} = any(array(
    select moved.id from serial_movement m join document md on md.id = m.document_id
      cross join lateral (values (md.id), (md.source_invoice_id)) moved(id)
    where m.serial_id = any(array(select s.id from serial_number s where ${match})) and moved.id is not null))`;
}
