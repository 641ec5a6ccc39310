// The stock and serial invariants, as SQL over the whole database: whatever ran before (the large seed,
// the load test, a fault scenario, a chaos round), 0 offenders everywhere means the data is consistent.
// One copy for every caller: scripts/perf/integrity.ts, scripts/faults/lib/invariants.ts and test/chaos.
// No `server-only` import: the perf and fault scripts run outside React's server build.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rows } from '@/lib/sql-rows';
import { DOCUMENT_STOCK_EFFECTS } from './stock-effects';

/**
 * `gapless`: every series holds exactly the numbers 1 … last_number (true while nothing was deleted, as
 * in the large data set and the fault scenarios); `within-series`: no number lies beyond its series'
 * counter (what still holds once documents are deleted, which leaves gaps on purpose).
 */
export type NumberingRule = 'gapless' | 'within-series';

export type InvariantResult = {
  name: string;
  /** What one offender is, for messages: "serials whose state disagrees with their history". */
  noun: string;
  bad: number;
  /** Up to 20 offenders: a readable key, and the serial's id where the offender is a serial. */
  examples: { key: string; serialId: string | null }[];
};

type Invariant = { name: string; noun: string; offenders: SQL };

// Each query lists offenders as (key text, serial_id bigint or null); counting them gives the check.
// An (item, warehouse) pair is named by its codes: "ACME-1 in MAIN".
const PAIR = sql.raw(`pair_item.code || ' in ' || pair_warehouse.code`);
const PAIR_NAMES = sql.raw(
  'left join item pair_item on pair_item.id = item_id left join warehouse pair_warehouse on pair_warehouse.id = warehouse_id',
);

// A serial's movements with where each leaves it: `in` in its warehouse, `move` in its document's destination
// (a transfer), `out` nowhere: issued, or in transit when the document is a transfer (sent in transit).
const MOVEMENTS_WITH_ARRIVAL = sql.raw(`select m.id, m.serial_id, m.direction, m.warehouse_id,
    case m.direction when 'in' then m.warehouse_id when 'move' then d.destination_warehouse_id end as arrived_in,
    m.direction = 'out' and d.kind = 'transfer' as in_transit
  from serial_movement m join document d on d.id = m.document_id`);

const SERIALS_ALTERNATE: Invariant = {
  // Transfers (`move`) count as staying in: they may follow an `in` or a `move`, never an `out`.
  name: 'serial movements alternate in, out, in … starting with in',
  noun: 'serials issued twice, received twice, transferred while out, or issued before any receipt',
  offenders: sql`select distinct serial_id::text as key, serial_id from (
      select serial_id, direction, lag(direction) over w as previous, row_number() over w as nth
      from serial_movement window w as (partition by serial_id order by id)) m
    where (nth = 1 and direction <> 'in') or (direction = 'in' and previous in ('in', 'move')) or (direction <> 'in' and previous = 'out')`,
};

const SERIALS_LEAVE_WHERE_THEY_ARE: Invariant = {
  name: 'serials leave from the warehouse they arrived in',
  noun: 'serials issued or transferred from a warehouse other than the one they last arrived in',
  offenders: sql`select distinct serial_id::text as key, serial_id from (
      select serial_id, direction, warehouse_id, lag(arrived_in) over w as previous_warehouse
      from (${MOVEMENTS_WITH_ARRIVAL}) a window w as (partition by serial_id order by id)) m
    where direction in ('out', 'move') and previous_warehouse is not null and warehouse_id <> previous_warehouse`,
};

const MOVES_MATCH_DOCUMENTS: Invariant = {
  name: 'serial movements match their document',
  noun: "movements whose document, warehouse or direction differs from their line's stock document",
  offenders: sql`select distinct m.serial_id::text as key, m.serial_id from serial_movement m
    join document_line l on l.id = m.line_id join document d on d.id = l.document_id
    where m.document_id <> d.id or m.warehouse_id <> d.warehouse_id
      or m.direction is distinct from (case when d.kind in ('goods_receipt', 'transfer_arrival', 'customer_return') then 'in'
        when d.kind in ('goods_issue', 'supplier_return') then 'out'
        when d.kind = 'transfer' then (case when d.in_transit then 'out' else 'move' end) end)`,
};

const SERIAL_STATE_IS_LAST_MOVE: Invariant = {
  name: 'serial status and warehouse = its last movement',
  noun: 'serials whose state disagrees with their history (or that have none)',
  offenders: sql`select s.id::text as key, s.id as serial_id from serial_number s
    left join lateral (select direction, arrived_in, in_transit from (${MOVEMENTS_WITH_ARRIVAL}) m where m.serial_id = s.id order by m.id desc limit 1) last on true
    where last.direction is null or (s.status = 'in_stock') <> (last.direction <> 'out') or (s.status = 'in_transit') <> last.in_transit
      or (s.status = 'in_stock' and s.warehouse_id <> last.arrived_in)`,
};

const ARRIVALS_MATCH_THEIR_TRANSFER: Invariant = {
  name: 'arrivals bring what their in-transit transfer sent, no more',
  noun: 'transfers whose arrivals are not theirs (not in transit, another warehouse, an earlier date) or brought more of an item than they sent',
  offenders: sql`select t.number as key, null::bigint as serial_id from document a join document t on t.id = a.transfer_id
      where t.kind <> 'transfer' or not t.in_transit or a.warehouse_id <> t.destination_warehouse_id or a.date < t.date
    union
    select t.number, null from document t
      join (select a.transfer_id, l.item_id, sum(l.quantity) as q from document a join document_line l on l.document_id = a.id
            where a.transfer_id is not null group by 1, 2) arrived on arrived.transfer_id = t.id
      left join (select document_id, item_id, sum(quantity) as q from document_line group by 1, 2) sent on sent.document_id = t.id and sent.item_id = arrived.item_id
      where arrived.q > coalesce(sent.q, 0)`,
};

// A return's goods document: the goods issue or receipt it names, or the one the invoice it names generated.
const RETURN_GOODS = sql.raw(`select r.id as return_id, g.id as goods_id from document r
    join document g on (g.id = r.return_of_id or g.source_invoice_id = r.return_of_id) and g.kind in ('goods_issue', 'goods_receipt')
    where r.kind in ('customer_return', 'supplier_return')`);

const RETURNS_MATCH_THEIR_ORIGINAL: Invariant = {
  name: 'returns take back what moved with the document they name, no more',
  noun: 'returns without a fitting goods document, dated before it, taking more of an item than it moved, or taking back a serial it did not move',
  offenders: sql`select r.number as key, null::bigint as serial_id from document r
      left join (${RETURN_GOODS}) rg on rg.return_id = r.id left join document g on g.id = rg.goods_id
      where r.kind in ('customer_return', 'supplier_return') and (g.id is null or r.date < g.date
        or g.kind <> (case r.kind when 'customer_return' then 'goods_issue' else 'goods_receipt' end)::document_kind)
    union
    select g.number, null from document g
      join (select rg.goods_id, l.item_id, sum(l.quantity) as q from (${RETURN_GOODS}) rg
            join document_line l on l.document_id = rg.return_id group by 1, 2) returned on returned.goods_id = g.id
      left join (select document_id, item_id, sum(quantity) as q from document_line group by 1, 2) moved
        on moved.document_id = g.id and moved.item_id = returned.item_id
      where returned.q > coalesce(moved.q, 0)
    union
    select m.serial_id::text, m.serial_id from serial_movement m join (${RETURN_GOODS}) rg on rg.return_id = m.document_id
      join document r on r.id = m.document_id
      where r.kind = 'customer_return' and not exists (
        select 1 from serial_movement p join document_line pl on pl.id = p.line_id
        where pl.document_id = rg.goods_id and p.serial_id = m.serial_id and p.direction = 'out'
          and p.id = (select max(q.id) from serial_movement q where q.serial_id = m.serial_id and q.id < m.id))`,
};

// A return goes back to (or comes from) the partner of the document it names: neither may change alone (returns.ts).
const RETURNS_KEEP_THEIR_PARTNER: Invariant = {
  name: 'returns name the partner of the document they return goods of',
  noun: 'returns or credit notes whose partner differs from that of the document they name',
  offenders: sql`select r.number as key, null::bigint as serial_id from document r join document o on o.id = r.return_of_id
      where r.partner_id <> o.partner_id`,
};

const TRANSFERS_BETWEEN_TWO_WAREHOUSES: Invariant = {
  name: 'transfers go from one warehouse to another',
  noun: "documents whose destination warehouse is missing, the same as the source, or not a transfer's",
  offenders: sql`select d.number as key, null::bigint as serial_id from document d
    where (d.kind = 'transfer') <> (d.destination_warehouse_id is not null) or d.destination_warehouse_id = d.warehouse_id`,
};

const NO_NEGATIVE_STOCK: Invariant = {
  name: 'no negative stock',
  noun: 'negative stock levels',
  offenders: sql`select ${PAIR} as key, null::bigint as serial_id from stock_level s ${PAIR_NAMES} where s.quantity < 0`,
};

/**
 * Each item × warehouse's balance at the end of every day it moved, from the documents themselves: (item_id,
 * warehouse_id, date, balance). The invariant below reads it; so do tests that name the days a race left negative.
 */
export const DAILY_BALANCES = sql`select item_id, warehouse_id, date,
    sum(q) over (partition by item_id, warehouse_id order by date) as balance
  from (select l.item_id, e.warehouse_id, e.date, sum(e.sign * l.quantity) as q
    from document_line l join ${DOCUMENT_STOCK_EFFECTS} e on e.document_id = l.document_id group by 1, 2, 3) per_day`;

// What the dated check (dated-stock.ts) keeps for counted goods, and each serial's date order keeps for tracked ones.
// Today's stock level alone missed two operations that each passed their check and together left a past week
// negative (hostile findings, December 2026).
const NEVER_NEGATIVE_AT_ANY_DATE: Invariant = {
  name: 'no negative stock at any date',
  noun: '(item, warehouse) pairs whose stock, from the documents, was below zero at the end of some day',
  offenders: sql`select distinct ${PAIR} as key, null::bigint as serial_id from (${DAILY_BALANCES}) b ${PAIR_NAMES}
    where balance < 0`,
};

const STOCK_IS_SUM_OF_DOCUMENTS: Invariant = {
  name: 'stock = receipts − issues',
  noun: '(item, warehouse) pairs whose stock differs from receipts minus issues, transfers out and in',
  offenders: sql`with moved as (
      select l.item_id, e.warehouse_id, sum(e.sign * l.quantity) as q
      from document_line l join ${DOCUMENT_STOCK_EFFECTS} e on e.document_id = l.document_id group by 1, 2)
    select ${PAIR} as key, null::bigint as serial_id
    from stock_level s full join moved m using (item_id, warehouse_id) ${PAIR_NAMES} where coalesce(s.quantity, 0) <> coalesce(m.q, 0)`,
};

const TRACKED_STOCK_IS_SERIALS: Invariant = {
  name: 'tracked stock = serials in stock',
  noun: 'tracked (item, warehouse) pairs whose stock differs from the serials in stock',
  offenders: sql`with serials as (select item_id, warehouse_id, count(*) as q from serial_number where status = 'in_stock' group by 1, 2),
    levels as (select s.item_id, s.warehouse_id, s.quantity from stock_level s join item i on i.id = s.item_id and i.track_serials)
    select ${PAIR} as key, null::bigint as serial_id
    from levels l full join serials c using (item_id, warehouse_id) ${PAIR_NAMES} where coalesce(l.quantity, 0) <> coalesce(c.q, 0)`,
};

const DOCUMENTS_HAVE_LINES: Invariant = {
  name: 'every document has its lines',
  noun: 'documents without lines',
  offenders: sql`select d.number as key, null::bigint as serial_id from document d
    where not exists (select 1 from document_line l where l.document_id = d.id)`,
};

const TRACKED_LINES_HAVE_SERIALS: Invariant = {
  name: 'every tracked line has its serials',
  noun: 'tracked lines whose serial count differs from their quantity',
  offenders: sql`select d.number || ' line ' || l.line_no as key, null::bigint as serial_id
    from document_line l join document d on d.id = l.document_id join item i on i.id = l.item_id
    where i.track_serials
      and d.kind in ('goods_receipt', 'goods_issue', 'transfer', 'transfer_arrival', 'customer_return', 'supplier_return')
      and (select count(*) from serial_movement m where m.line_id = l.id) <> l.quantity`,
};

const INVOICES_HAVE_STOCK_DOCUMENTS: Invariant = {
  name: 'every invoice has its stock document',
  noun: 'invoices without their (complete) goods document',
  offenders: sql`select inv.number as key, null::bigint as serial_id from document inv
    where inv.kind in ('purchase_invoice', 'sales_invoice', 'credit_note') and inv.create_stock_document
      and not exists (select 1 from document g where g.id = inv.stock_document_id and g.source_invoice_id = inv.id
        and (select count(*) from document_line where document_id = g.id) = (select count(*) from document_line where document_id = inv.id))`,
};

const GAPLESS_NUMBERS: Invariant = {
  name: 'document series hold 1 … last_number',
  noun: 'document series whose numbers are not 1 … last_number',
  offenders: sql`select coalesce(ds.kind, d.kind) || ' ' || coalesce(ds.year, d.year) as key, null::bigint as serial_id
    from document_series ds
    full join (select kind, split_part(number, '-', 2)::int as year, count(*) as n, max(split_part(number, '-', 3)::int) as top
               from document group by 1, 2) d on d.kind = ds.kind and d.year = ds.year
    where d.n is distinct from ds.last_number::bigint or d.top is distinct from ds.last_number`,
};

const NUMBERS_WITHIN_SERIES: Invariant = {
  name: 'document numbers lie within their series',
  noun: 'documents numbered beyond their series counter',
  offenders: sql`select d.number as key, null::bigint as serial_id from document d
    left join document_series ds on ds.kind = d.kind and ds.year = split_part(d.number, '-', 2)::int
    where ds.last_number is null or split_part(d.number, '-', 3)::int > ds.last_number`,
};

const ALWAYS = [
  SERIALS_ALTERNATE,
  SERIALS_LEAVE_WHERE_THEY_ARE,
  MOVES_MATCH_DOCUMENTS,
  SERIAL_STATE_IS_LAST_MOVE,
  NO_NEGATIVE_STOCK,
  NEVER_NEGATIVE_AT_ANY_DATE,
  STOCK_IS_SUM_OF_DOCUMENTS,
  TRACKED_STOCK_IS_SERIALS,
  DOCUMENTS_HAVE_LINES,
  TRACKED_LINES_HAVE_SERIALS,
  INVOICES_HAVE_STOCK_DOCUMENTS,
  TRANSFERS_BETWEEN_TWO_WAREHOUSES,
  ARRIVALS_MATCH_THEIR_TRANSFER,
  RETURNS_MATCH_THEIR_ORIGINAL,
  RETURNS_KEEP_THEIR_PARTNER,
];

/** Runs every invariant, one query each (the offender list is read only when there are offenders). */
export async function checkStockInvariants(db: DbOrTx, numbering: NumberingRule): Promise<InvariantResult[]> {
  const results: InvariantResult[] = [];
  for (const invariant of [...ALWAYS, numbering === 'gapless' ? GAPLESS_NUMBERS : NUMBERS_WITHIN_SERIES]) {
    const [{ bad }] = await rows<{ bad: number }>(db, sql`select count(*)::int as bad from (${invariant.offenders}) o`);
    const examples =
      bad === 0
        ? []
        : await rows<{ key: string; serialId: string | null }>(
            db,
            sql`select key, serial_id::text as "serialId" from (${invariant.offenders}) o order by key limit 20`,
          );
    results.push({ name: invariant.name, noun: invariant.noun, bad: Number(bad), examples });
  }
  return results;
}
