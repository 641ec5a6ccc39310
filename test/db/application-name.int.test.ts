import { afterEach, describe, expect, it } from 'vitest';
import { createDb } from '@/db/client';
import { useTestDatabase } from '@/test/db';

describe('application_name of the app pool', async () => {
  const { url } = await useTestDatabase();
  const saved = process.env.PGAPPNAME;
  afterEach(() => {
    if (saved === undefined) delete process.env.PGAPPNAME;
    else process.env.PGAPPNAME = saved;
  });

  /** What PostgreSQL shows for a connection of a fresh pool (pg_stat_activity, as the deployment guide reads it). */
  async function nameSeenByPostgres(): Promise<string> {
    const { sql } = createDb(url, 1);
    try {
      const [row] = await sql`select application_name from pg_stat_activity where pid = pg_backend_pid()`;
      return row.application_name as string;
    } finally {
      await sql.end();
    }
  }

  it('is "serialstock" when PGAPPNAME is unset, not the driver\'s "postgres.js"', async () => {
    delete process.env.PGAPPNAME;
    expect(await nameSeenByPostgres()).toBe('serialstock');
  });

  it('is PGAPPNAME when set, so each process of a deployment can be told apart', async () => {
    process.env.PGAPPNAME = 'serialstock-app-2';
    expect(await nameSeenByPostgres()).toBe('serialstock-app-2');
  });
});
