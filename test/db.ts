import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { createDb } from '@/db/client';
import { createDatabaseIfMissing } from '@/db/database-url';
import { dropDatabase, TEMPLATE_DB, withDatabase } from './global-setup';

/** A fresh, migrated database for one test file, dropped when the file is done. */
export async function useTestDatabase() {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  await createDatabaseIfMissing(adminUrl, name, TEMPLATE_DB);
  const url = withDatabase(adminUrl, name);
  const holder = createDb(url, 10);
  // Code under test that calls getDb() talks to this database too.
  process.env.DATABASE_URL = url;
  afterAll(async () => {
    await holder.sql.end();
    await dropDatabase(adminUrl, name);
  });
  return { ...holder, url };
}

/** A new, empty database (no migrations), for tests of the migrations themselves; `drop` removes it. */
export async function emptyDatabase() {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `m_${randomBytes(5).toString('hex')}`;
  await createDatabaseIfMissing(adminUrl, name);
  return { url: withDatabase(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
}
