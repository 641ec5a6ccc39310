import { sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { asciiCodeKeySql } from '@/lib/text/ascii-code-key-sql';
import type { LargeSizes } from './large-catalog';

type Users = { accountant: number; warehouse: number };
type Step = (label: string, run: () => Promise<unknown>) => Promise<void>;

/** A uniform 0 … 2^32-1 hash of an integer expression (hashint4 is signed). */
const h = (expr: string) => sql.raw(`(hashint4(${expr})::bigint + 2147483648)`);

/**
 * The document history, planned and written set-based. Receipt slot r (1 … R) stands for one moment in
 * time; its documents get fixed ids so links need no lookups: purchase invoice 4r-3 → goods receipt 4r-2,
 * sales invoice 4r-1 → goods issue 4r (two slots in three have an invoice). A line's id is document id
 * × 16 + line number. Serial s arrives with receipt 1 + (s-1) % R; 40 % are issued by a later issue of
 * the same warehouse (r + 3k), so every issue happens after its receipt and stock never dips below zero.
 */
export async function seedDocuments(tx: Db | Tx, sizes: LargeSizes, users: Users, step: Step): Promise<void> {
  const R = sizes.receipts;
  if (sizes.serials < 2 * R)
    throw new Error('LARGE_SERIALS must be at least 2 × the receipts (every tracked line needs a serial)');
  const [counts] =
    await tx.execute(sql`select (select count(*) from tracked_item)::int as nt, (select count(*) from plain_item)::int as np,
    (select count(*) from supplier)::int as ns, (select count(*) from customer)::int as nc`);
  const { nt, np, ns, nc } = counts as Record<string, number>;

  await step('document plan', async () => {
    await tx.execute(sql`create temp table slot on commit drop as
      select r, day, wh, has_pi, has_si, sp.id as supplier, cu.id as customer,
        day + interval '8 hours' + (r - min(r) over (partition by day))::float / count(*) over (partition by day) * interval '10 hours' as at0
      from (select r, ${sizes.start}::date + ((r - 1)::bigint * ${sizes.days} / ${R})::int as day, 1 + r % 3 as wh,
              r % 3 <> 0 as has_pi, r % 3 <> 1 as has_si from generate_series(1, ${R}) r) s
      join supplier sp on sp.k = ${h('r')} % ${ns}
      join customer cu on cu.k = ${h('r + 7777777')} % ${nc}`);
    await tx.execute(sql`create unique index on slot (r)`);
    // Serial s: its receipt r, round t, line (even receipts have a second tracked line), and its issue, if any.
    await tx.execute(sql`create temp table splan on commit drop as
      select s, r, line_no, i, ${h('s')} % 100 < 40 and i <= ${R} as issued
      from (select s, r, case when r % 2 = 0 and t % 2 = 1 then 3 else 1 end as line_no
            from (select s, 1 + (s - 1) % ${R} as r, (s - 1) / ${R} as t from generate_series(1, ${sizes.serials}) s) a) b
      cross join lateral (select r + 3 * ((r + line_no) % 5) as i) c`);
    // Receipt lines: 1 and 3 tracked (quantity = their serials), 2 and 4 counted goods.
    await tx.execute(sql`create temp table rline on commit drop as
      select x.r, x.line_no, x.item_id, coalesce(c.n, x.qty) as qty, x.price, x.vat from (
        select r, 1 as line_no, t.id as item_id, 0::numeric as qty, t.purchase_price as price, t.vat_rate as vat from slot join tracked_item t on t.k = (r * 7) % ${nt}
        union all select r, 2, p.id, 2 + (r * 13) % 99, p.purchase_price, p.vat_rate from slot join plain_item p on p.k = (r * 11) % ${np}
        union all select r, 3, t.id, 0, t.purchase_price, t.vat_rate from slot join tracked_item t on t.k = (r * 7 + 1) % ${nt} where r % 2 = 0
        union all select r, 4, p.id, 1 + (r * 17) % 20, p.purchase_price, p.vat_rate from slot join plain_item p on p.k = (r * 11 + 1) % ${np} where r % 4 = 0
      ) x left join (select r, line_no, count(*)::numeric as n from splan group by r, line_no) c on c.r = x.r and c.line_no = x.line_no`);
    await tx.execute(sql`create unique index on rline (r, line_no)`);
    // Issue lines: the serials each issue takes from each receipt line, then half of receipt i's counted goods.
    await tx.execute(sql`create temp table iline on commit drop as
      select i, (row_number() over (partition by i order by ord, src_r, src_line))::int as line_no, src_r, src_line, x.item_id, qty,
        it.sale_price as price, it.vat_rate as vat
      from (select sp.i, 0 as ord, sp.r as src_r, sp.line_no as src_line, rl.item_id, count(*)::numeric as qty
            from splan sp join rline rl on rl.r = sp.r and rl.line_no = sp.line_no where sp.issued group by 1, 2, 3, 4, 5
            union all select r, 1, r, 2, item_id, floor(qty / 2) from rline where line_no = 2) x
      join item it on it.id = x.item_id`);
    await tx.execute(sql`create index on iline (i, src_r, src_line)`);
    const [max] = await tx.execute(sql`select max(line_no)::int as n from iline`);
    if (Number(max.n) >= 16) throw new Error(`an issue got ${max.n} lines; line ids allow 15`);
    for (const t of ['slot', 'splan', 'rline', 'iline']) await tx.execute(sql.raw(`analyze ${t}`));
  });

  await step('documents', () =>
    tx.execute(sql`
    with d as (
      select 4 * r - 3 as id, 'purchase_invoice' as kind, day, at0, supplier as partner_id, wh, true as csd, 4 * r - 2 as stock_id, null::bigint as source_id, ${users.accountant}::int as by from slot where has_pi
      union all select 4 * r - 2, 'goods_receipt', day, at0 + interval '1 minute', case when has_pi or r % 5 <> 0 then supplier end, wh, false, null, case when has_pi then 4 * r - 3 end,
        case when has_pi then ${users.accountant}::int else ${users.warehouse}::int end from slot
      union all select 4 * r - 1, 'sales_invoice', day, at0 + interval '2 minutes', customer, wh, true, 4 * r, null, ${users.accountant}::int from slot where has_si
      union all select 4 * r, 'goods_issue', day, at0 + interval '3 minutes', case when has_si or r % 4 <> 0 then customer end, wh, false, null, case when has_si then 4 * r - 1 end,
        case when has_si then ${users.accountant}::int else ${users.warehouse}::int end from slot
    )
    insert into document (id, kind, number, date, partner_id, warehouse_id, note, create_stock_document, stock_document_id, source_invoice_id, created_by, created_at, updated_at)
    overriding system value
    select id, kind::document_kind,
      (case kind when 'goods_receipt' then 'GR' when 'goods_issue' then 'GI' when 'purchase_invoice' then 'PI' else 'SI' end) || '-' || extract(year from day)::int
        || '-' || lpad((row_number() over w)::text, greatest(5, length((row_number() over w)::text)), '0'),
      day, partner_id, wh, case when id % 9 = 0 then 'Order ' || (100000 + id) else '' end, csd, stock_id, source_id, by, at0, at0
    from d window w as (partition by kind, extract(year from day) order by id)`),
  );

  await step('document lines', () =>
    tx.execute(sql`
    insert into document_line (id, document_id, line_no, item_id, quantity, unit_price, vat_rate) overriding system value
    select (4 * r - 2) * 16 + line_no, 4 * r - 2, line_no, item_id, qty, price, vat from rline
    union all select (4 * r - 3) * 16 + line_no, 4 * r - 3, line_no, item_id, qty, price, vat from rline join slot using (r) where has_pi
    union all select (4 * i) * 16 + line_no, 4 * i, line_no, item_id, qty, price, vat from iline
    union all select (4 * i - 1) * 16 + line_no, 4 * i - 1, line_no, item_id, qty, price, vat from iline join slot on slot.r = iline.i where has_si`),
  );

  // Serial text: two letters of the category and a scrambled (bijective) 32-bit number, e.g. LA9E3779B1.
  await step('serial numbers', () =>
    tx.execute(sql`
    insert into serial_number (id, item_id, serial, serial_key, status, warehouse_id, received_line_id, issued_line_id, received_at, last_moved_on)
    overriding system value
    select s, item_id, serial, ${asciiCodeKeySql(sql.raw('serial'))}, status, wh, received_line_id, issued_line_id, received_at, last_moved_on from (
      select sp.s, rl.item_id, left(it.code, 2) || lpad(upper(to_hex((sp.s::bigint * 2654435761) % 4294967296)), 8, '0') as serial,
        (case when sp.issued then 'issued' else 'in_stock' end)::serial_status as status, sl.wh, (4 * sp.r - 2) * 16 + sp.line_no as received_line_id,
        case when sp.issued then (4 * sp.i) * 16 + il.line_no end as issued_line_id, sl.at0 + interval '1 minute' as received_at,
        coalesce(isl.day, sl.day) as last_moved_on
      from splan sp join slot sl on sl.r = sp.r join rline rl on rl.r = sp.r and rl.line_no = sp.line_no join item it on it.id = rl.item_id
      left join iline il on sp.issued and il.i = sp.i and il.src_r = sp.r and il.src_line = sp.line_no
      left join slot isl on sp.issued and isl.r = sp.i) x`),
  );

  await step('serial movements', async () => {
    await tx.execute(sql`insert into serial_movement (id, serial_id, line_id, document_id, direction, warehouse_id, at) overriding system value
      select id, id, received_line_id, received_line_id / 16, 'in', warehouse_id, received_at from serial_number`);
    await tx.execute(sql`insert into serial_movement (id, serial_id, line_id, document_id, direction, warehouse_id, at) overriding system value
      select ${sizes.serials} + row_number() over (order by s.id), s.id, s.issued_line_id, s.issued_line_id / 16, 'out', s.warehouse_id, sl.at0 + interval '3 minutes'
      from serial_number s join slot sl on sl.r = s.issued_line_id / 64 where s.status = 'issued'`);
  });

  await step('stock levels, series, audit log', async () => {
    await tx.execute(sql`insert into stock_level (item_id, warehouse_id, quantity)
      select l.item_id, d.warehouse_id, sum(case when d.kind = 'goods_receipt' then l.quantity else -l.quantity end)
      from document_line l join document d on d.id = l.document_id where d.kind in ('goods_receipt', 'goods_issue') group by 1, 2`);
    await tx.execute(sql`insert into document_series (kind, year, last_number)
      select kind, extract(year from date)::int, count(*) from document group by 1, 2`);
    await tx.execute(sql`insert into audit_log (entity, entity_id, action, user_id, changes, at)
      select 'document', id, 'create', created_by, json_build_object('after', json_build_object('date', date::text, 'partnerId', partner_id::text,
        'warehouseId', warehouse_id::text, 'note', note, 'lines', '[]'::json))::text, created_at from document`);
    for (const table of ['document', 'document_line', 'serial_number', 'serial_movement']) {
      await tx.execute(
        sql.raw(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`),
      );
    }
  });
}
