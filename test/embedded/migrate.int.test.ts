import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { describe, expect, inject, it } from 'vitest';
import { createDatabaseIfMissing } from '@/db/database-url';
import { runMigrations } from '@/db/migrate';
import { dropDatabase, withDatabase } from '../global-setup';

describe('migrations', () => {
  it('two instances starting at once both succeed: the advisory lock makes one wait', async () => {
    const adminUrl = inject('adminDatabaseUrl');
    const name = `m_${randomBytes(5).toString('hex')}`;
    await createDatabaseIfMissing(adminUrl, name);
    const url = withDatabase(adminUrl, name);
    await Promise.all([runMigrations(url), runMigrations(url), runMigrations(url)]);
    const sql = postgres(url, { max: 1 });
    const applied = await sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
    const tables = await sql`select count(*)::int as n from information_schema.tables where table_name in ('item', 'serial_number', 'import_job')`;
    await sql.end();
    await dropDatabase(adminUrl, name);
    expect(applied[0].n).toBeGreaterThanOrEqual(3);
    expect(tables[0].n).toBe(3);
  });
});
