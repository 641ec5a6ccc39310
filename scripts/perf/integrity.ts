import postgres from 'postgres';

export type IntegrityCheck = { label: string; bad: number };

/**
 * The stock invariants, checked over the whole database (used after seed:large and after the load run).
 * Each query counts violations, so 0 everywhere means consistent.
 */
const CHECKS: [string, string][] = [
  ['serials issued twice (two outs without an in between, or more outs than ins)', `
    select count(distinct serial_id)::int as bad from (
      select serial_id, direction, lag(direction) over (partition by serial_id order by id) as before from serial_movement) m
    where direction = 'out' and (before is null or before = 'out')`],
  ['serials whose status disagrees with their last movement', `
    select count(*)::int as bad from serial_number s
    left join lateral (select direction from serial_movement m where m.serial_id = s.id order by m.id desc limit 1) last on true
    where last.direction is distinct from (case when s.status = 'in_stock' then 'in' else 'out' end)`],
  ['negative stock levels', `select count(*)::int as bad from stock_level where quantity < 0`],
  ['item × warehouse where stock ≠ Σ receipt lines − Σ issue lines', `
    select count(*)::int as bad from stock_level sl
    full join (select l.item_id, d.warehouse_id, sum(case when d.kind = 'goods_receipt' then l.quantity else -l.quantity end) as q
               from document_line l join document d on d.id = l.document_id where d.kind in ('goods_receipt', 'goods_issue') group by 1, 2) m
      on m.item_id = sl.item_id and m.warehouse_id = sl.warehouse_id
    where coalesce(sl.quantity, 0) <> coalesce(m.q, 0)`],
  ['tracked item × warehouse where stock ≠ serials in stock', `
    select count(*)::int as bad from stock_level sl join item i on i.id = sl.item_id and i.track_serials
    left join (select item_id, warehouse_id, count(*) as n from serial_number where status = 'in_stock' group by 1, 2) s
      on s.item_id = sl.item_id and s.warehouse_id = sl.warehouse_id
    where sl.quantity <> coalesce(s.n, 0)`],
  ['document series whose numbers are not 1 … last_number', `
    select count(*)::int as bad from document_series ds
    full join (select kind, split_part(number, '-', 2)::int as year, count(*) as n, max(split_part(number, '-', 3)::int) as top
               from document group by 1, 2) d on d.kind = ds.kind and d.year = ds.year
    where d.n is distinct from ds.last_number::bigint or d.top is distinct from ds.last_number`],
];

export async function checkIntegrity(url: string): Promise<IntegrityCheck[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const results: IntegrityCheck[] = [];
    for (const [label, query] of CHECKS) {
      const [row] = await sql.unsafe(query);
      results.push({ label, bad: Number(row.bad) });
    }
    return results;
  } finally {
    await sql.end();
  }
}

export function printIntegrity(results: IntegrityCheck[], log = console.log): boolean {
  for (const r of results) log(`  ${r.bad === 0 ? 'PASS' : 'FAIL'}  ${r.label}: ${r.bad}`);
  return results.every((r) => r.bad === 0);
}
