import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { asciiCodeKeySql } from '@/lib/text/ascii-code-key-sql';

/**
 * Fills the bench database with `count` serial numbers in stock, spread over 100 tracked items and two
 * warehouses, each with its receipt, line and movement, the way real postings would leave them.
 */
export async function seedSerials(db: Db, count: number): Promise<void> {
  // A bulk load builds its GIN indexes after the rows (as pg_restore does): a million inserts through a trigram
  // index's pending list take many times longer than one build.
  const gin = (await db.execute(sql`select indexname, indexdef from pg_indexes
    where tablename = 'serial_number' and indexdef like '%USING gin%'`)) as unknown as {
    indexname: string;
    indexdef: string;
  }[];
  for (const { indexname } of gin) await db.execute(sql.raw(`drop index ${indexname}`));
  await db.execute(sql`insert into "user" (name, email, role) values ('Bench', 'bench@example.com', 'admin')`);
  await db.execute(
    sql`insert into warehouse (code, code_key, name) values ('W1', 'w1', 'Bench one'), ('W2', 'w2', 'Bench two')`,
  );
  await db.execute(sql`insert into item (code, code_key, name, track_serials)
    select 'BENCH-' || g, ${asciiCodeKeySql(sql`'BENCH-' || g`)}, 'Bench item ' || g, true from generate_series(1, 100) g`);
  await db.execute(sql`insert into document (kind, number, date, warehouse_id, created_by)
    select 'goods_receipt', 'GR-2025-' || lpad(g::text, 5, '0'), date '2025-01-01' + (g % 300), 1 + (g % 2), 1 from generate_series(1, 100) g`);
  await db.execute(sql`insert into document_line (document_id, line_no, item_id, quantity, unit_price, vat_rate)
    select g, 1, g, ${Math.floor(count / 100)}, 10, 21 from generate_series(1, 100) g`);
  await db.execute(sql`insert into serial_number (item_id, serial, serial_key, status, warehouse_id, received_line_id, received_at, last_moved_on)
    select 1 + (g % 100), 'S' || lpad(g::text, 8, '0'), 's' || lpad(g::text, 8, '0'), 'in_stock', 1 + ((g % 100) % 2), 1 + (g % 100),
      timestamptz '2025-01-01' + (g || ' seconds')::interval, date '2025-01-01' + ((1 + g % 100) % 300)
    from generate_series(1, ${count}) g`);
  await db.execute(sql`insert into serial_movement (serial_id, line_id, document_id, direction, warehouse_id)
    select id, received_line_id, received_line_id, 'in', warehouse_id from serial_number`);
  await db.execute(sql`insert into stock_level (item_id, warehouse_id, quantity)
    select item_id, warehouse_id, count(*) from serial_number group by item_id, warehouse_id`);
  for (const { indexname, indexdef } of gin) {
    const started = Date.now();
    await db.execute(sql.raw(indexdef));
    console.log(
      `[bench] ${indexname} built over ${count.toLocaleString('en')} serials in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  await db.execute(sql`analyze`);
}
