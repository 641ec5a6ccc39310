import path from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { fillCanonicalKeys } from './data-steps/canonical-keys';

// Any constant works; it only has to be the same for every instance of the app.
const MIGRATION_LOCK_KEY = 7_204_117_001;

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

/**
 * Applies pending migrations, then the data steps that SQL cannot do (keys computed in TypeScript). The
 * advisory lock makes concurrent starts wait instead of racing.
 */
export async function runMigrations(url: string, folder = MIGRATIONS_FOLDER): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migrate(drizzle(sql), { migrationsFolder: folder });
    await fillCanonicalKeys(sql);
  } finally {
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => undefined);
    await sql.end();
  }
}
