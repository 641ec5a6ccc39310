import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { runMigrations } from '@/db/migrate';
import { emptyDatabase } from '@/test/db';

describe('migrations', () => {
  it('two instances starting at once both succeed: the advisory lock makes one wait', async () => {
    const { url, drop } = await emptyDatabase();
    await Promise.all([runMigrations(url), runMigrations(url), runMigrations(url)]);
    const sql = postgres(url, { max: 1 });
    const applied = await sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
    const tables =
      await sql`select count(*)::int as n from information_schema.tables where table_name in ('item', 'serial_number', 'import_job')`;
    await sql.end();
    await drop();
    expect(applied[0].n).toBeGreaterThanOrEqual(3);
    expect(tables[0].n).toBe(3);
  });
});
