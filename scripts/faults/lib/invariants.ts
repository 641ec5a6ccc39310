// The consistency checks every fault scenario ends with, as SQL over the whole database: whatever was
// killed or cut, the data must look as if each posting and each import chunk happened entirely or not at all.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';

export interface Check { name: string; ok: boolean; detail: string }

async function count(db: Db, query: SQL): Promise<number> {
  const rows = await db.execute<{ n: number }>(query);
  return Number(rows[0]?.n ?? 0);
}

async function zero(db: Db, name: string, query: SQL, noun: string): Promise<Check> {
  const n = await count(db, query);
  return { name, ok: n === 0, detail: `${n} ${noun}` };
}

/** Stock and serial invariants that hold for every database, with or without an import. */
export async function stockInvariants(db: Db): Promise<Check[]> {
  return [
    await zero(db, '0 serials issued twice', sql`
      select count(*)::int as n from (
        select serial_id, direction, lag(direction) over (partition by serial_id order by id) as previous,
               row_number() over (partition by serial_id order by id) as nth
        from serial_movement) m
      where (nth = 1 and direction <> 'in') or direction = previous`, 'serials with two issues (or two receipts) in a row'),
    await zero(db, 'serial status = its last movement', sql`
      select count(*)::int as n from serial_number s
      join lateral (select direction, warehouse_id from serial_movement m where m.serial_id = s.id order by m.id desc limit 1) last on true
      where (s.status = 'in_stock') <> (last.direction = 'in') or (s.status = 'in_stock' and s.warehouse_id <> last.warehouse_id)`, 'serials whose state disagrees with their history'),
    await zero(db, '0 negative stock', sql`select count(*)::int as n from stock_level where quantity < 0`, 'negative stock levels'),
    await zero(db, 'stock = sum of movements', sql`
      with moved as (
        select l.item_id, d.warehouse_id, sum(case when d.kind = 'goods_receipt' then l.quantity else -l.quantity end) as q
        from document_line l join document d on d.id = l.document_id
        where d.kind in ('goods_receipt', 'goods_issue') group by 1, 2)
      select count(*)::int as n from stock_level s full join moved m using (item_id, warehouse_id)
      where coalesce(s.quantity, 0) <> coalesce(m.q, 0)`, '(item, warehouse) pairs whose stock differs from receipts minus issues'),
    await zero(db, 'tracked stock = serials in stock', sql`
      with serials as (select item_id, warehouse_id, count(*) as q from serial_number where status = 'in_stock' group by 1, 2)
      select count(*)::int as n from stock_level s join item i on i.id = s.item_id and i.track_serials
      full join serials c using (item_id, warehouse_id)
      where coalesce(s.quantity, 0) <> coalesce(c.q, 0)`, 'tracked (item, warehouse) pairs whose stock differs from the serials in stock'),
    await zero(db, 'every document has its lines', sql`
      select count(*)::int as n from document d where not exists (select 1 from document_line l where l.document_id = d.id)`, 'documents without lines'),
    await zero(db, 'every tracked line has its serials', sql`
      select count(*)::int as n from document_line l join document d on d.id = l.document_id join item i on i.id = l.item_id
      where i.track_serials and d.kind in ('goods_receipt', 'goods_issue')
        and (select count(*) from serial_movement m where m.line_id = l.id) <> l.quantity`, 'tracked lines whose serial count differs from their quantity'),
    await zero(db, 'every invoice has its stock document', sql`
      select count(*)::int as n from document inv
      where inv.kind in ('purchase_invoice', 'sales_invoice') and inv.create_stock_document
        and not exists (select 1 from document g where g.id = inv.stock_document_id and g.source_invoice_id = inv.id
          and (select count(*) from document_line where document_id = g.id) = (select count(*) from document_line where document_id = inv.id))`,
    'invoices without their (complete) goods document'),
  ];
}

/** Row results of one job: each source row exactly once, and the job's counters agreeing with them. */
export async function jobInvariants(db: Db, jobId: string, expected: { total: number; skipped?: number }): Promise<Check[]> {
  const [job] = await db.execute<{ status: string; total: number; processed: number; added: number; updated: number; skipped: number }>(sql`
    select status, total_count as total, processed_count as processed, added_count as added, updated_count as updated, skipped_count as skipped
    from import_job where id = ${jobId}`);
  const [rows] = await db.execute<{ n: number; distinct_rows: number; first: number; last: number; added: number; skipped: number }>(sql`
    select count(*)::int as n, count(distinct row_number)::int as distinct_rows, min(row_number) as first, max(row_number) as last,
           count(*) filter (where status = 'ADDED')::int as added, count(*) filter (where status = 'SKIPPED')::int as skipped
    from import_row_result where job_id = ${jobId}`);
  const exactlyOnce = rows.n === expected.total && rows.distinct_rows === expected.total && rows.first === 2 && rows.last === expected.total + 1;
  const countersAgree = job.processed === rows.n && job.added === rows.added && job.skipped === rows.skipped
    && job.added + job.updated + job.skipped === job.processed && job.total === expected.total;
  return [
    { name: `job ${jobId} COMPLETED`, ok: job.status === 'COMPLETED', detail: job.status },
    { name: `job ${jobId}: every row result exactly once`, ok: exactlyOnce,
      detail: `${rows.n} results, ${rows.distinct_rows} distinct rows ${rows.first}..${rows.last} for ${expected.total} rows` },
    { name: `job ${jobId}: counts match`, ok: countersAgree && (expected.skipped === undefined || job.skipped === expected.skipped),
      detail: `total ${job.total}, processed ${job.processed}, added ${job.added}, updated ${job.updated}, skipped ${job.skipped}` },
  ];
}

/** Prints PASS/FAIL per check; true when all passed. */
export function report(title: string, checks: Check[]): boolean {
  console.log(`\n${title}`);
  for (const check of checks) console.log(`  ${check.ok ? 'PASS' : 'FAIL'}  ${check.name} — ${check.detail}`);
  return checks.every((check) => check.ok);
}
