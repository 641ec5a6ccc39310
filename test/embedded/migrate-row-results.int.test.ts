import { rmSync } from 'node:fs';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { runMigrations } from '@/db/migrate';
import { emptyDatabase } from '@/test/db';
import { migrationsUpTo } from '@/test/migrations-up-to';

describe('upgrading to row results stored per chunk', () => {
  it('keeps the row results of jobs imported before the upgrade, row by row', async () => {
    const { url, drop } = await emptyDatabase();
    const older = migrationsUpTo('0004_row_results_per_chunk');
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await runMigrations(url, older);
      const [u] =
        await sql`insert into "user" (name, email, role) values ('Old', 'old@example.com', 'admin') returning id`;
      const [f] = await sql`insert into import_file (file_name, content, size_bytes, sha256, uploaded_by)
        values ('old.csv', '\\x00', 1, 'x', ${u.id}) returning id`;
      const [j] =
        await sql`insert into import_job (operation, module, file_id, field_mappings, created_by) values ('insert', 'Items', ${f.id}, '[]', ${u.id}) returning id`;
      await sql`insert into import_row_result (job_id, row_number, status, record_id, errors) values
        (${j.id}, 3, 'SKIPPED', null, ${sql.json([{ code: 'INVALID_DATA', column: 'EAN', message: 'bad' }])}),
        (${j.id}, 2, 'ADDED', '41', '[]')`;

      await runMigrations(url);

      const rows =
        await sql`select row_number, status, record_id, errors from import_row_result where job_id = ${j.id} order by row_number`;
      expect(rows.map((r) => ({ ...r }))).toEqual([
        { row_number: 2, status: 'ADDED', record_id: '41', errors: [] },
        {
          row_number: 3,
          status: 'SKIPPED',
          record_id: null,
          errors: [{ code: 'INVALID_DATA', column: 'EAN', message: 'bad' }],
        },
      ]);
    } finally {
      await sql.end();
      rmSync(older, { recursive: true, force: true });
      await drop();
    }
  });
});
