import { rmSync } from 'node:fs';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { COLLISION_QUERY } from '@/db/data-steps/canonical-keys';
import { runMigrations } from '@/db/migrate';
import { emptyDatabase } from '@/test/db';
import { migrationsUpTo } from '@/test/migrations-up-to';

/** An older database holding two serials of one item that read the same, and one received on a known date. */
async function olderDatabaseWithLookAlikes(sql: postgres.Sql) {
  const [u] = await sql`insert into "user" (name, email, role) values ('Old', 'old@example.com', 'admin') returning id`;
  const [w] = await sql`insert into warehouse (code, name) values ('MAIN', 'Main') returning id`;
  const [a, b] =
    await sql`insert into item (code, name, track_serials) values ('ACME', 'Acme', true), ('OTHER', 'Other', true) returning id`;
  const [d] = await sql`insert into document (kind, number, date, warehouse_id, created_by)
    values ('goods_receipt', 'GR-2026-00001', '2026-03-04', ${w.id}, ${u.id}) returning id`;
  const [l] =
    await sql`insert into document_line (document_id, line_no, item_id, quantity) values (${d.id}, 1, ${a.id}, 3) returning id`;
  const serials = await sql`insert into serial_number (item_id, serial, status, warehouse_id, received_line_id)
    values (${a.id}, 'ABC123', 'in_stock', ${w.id}, ${l.id}), (${a.id}, 'abc123', 'in_stock', ${w.id}, ${l.id}),
           (${b.id}, 'ABC123', 'in_stock', ${w.id}, ${l.id}) returning id`;
  for (const s of serials) {
    await sql`insert into serial_movement (serial_id, line_id, document_id, direction, warehouse_id) values (${s.id}, ${l.id}, ${d.id}, 'in', ${w.id})`;
  }
  return { item: a.id as string, lookAlike: serials[1].id as string };
}

describe('upgrading to canonical keys', () => {
  it('refuses to merge look-alike serials, lists them, and completes once they are renamed', async () => {
    const { url, drop } = await emptyDatabase();
    const older = migrationsUpTo('0008_canonical_keys_and_chronology');
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await runMigrations(url, older);
      const world = await olderDatabaseWithLookAlikes(sql);

      await expect(runMigrations(url)).rejects.toThrow(
        /1 group of serial numbers \(of one item\) read the same \(e\.g\. "ABC123" and "abc123"\)/,
      );
      const listed = await sql.unsafe(COLLISION_QUERY);
      expect(listed.map((r) => ({ ...r }))).toEqual([
        { table_name: 'serial_number', scope_id: world.item, key: 'abc123', texts: ['ABC123', 'abc123'] },
      ]);
      expect((await sql`select count(*)::int as n from serial_number where serial_key is not null`)[0].n).toBe(0);

      await sql`update serial_number set serial = 'ABC123-B' where id = ${world.lookAlike}`;
      await runMigrations(url);
      const rows = await sql`select serial, serial_key, last_moved_on::text from serial_number order by id`;
      expect(rows.map((r) => [r.serial, r.serial_key, r.last_moved_on])).toEqual([
        ['ABC123', 'abc123', '2026-03-04'],
        ['ABC123-B', 'abc123-b', '2026-03-04'],
        ['ABC123', 'abc123', '2026-03-04'],
      ]);
      const [col] =
        await sql`select is_nullable from information_schema.columns where table_name = 'serial_number' and column_name = 'serial_key'`;
      expect(col.is_nullable).toBe('NO');
      expect((await sql`select to_regclass('canonical_key_collision') as t`)[0].t).toBeNull();
      const [codes] = await sql`select code_key from item where code = 'ACME'`;
      expect(codes.code_key).toBe('acme');
    } finally {
      await sql.end();
      rmSync(older, { recursive: true, force: true });
      await drop();
    }
  });
});
