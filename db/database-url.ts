import postgres from 'postgres';
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded/server';

export const DEFAULT_DATA_DIR = './.data/postgres';
export const DEFAULT_EMBEDDED_PORT = 54329;
const DATABASE_NAME = 'serialstock';

let embedded: EmbeddedServer | null = null;

/**
 * DATABASE_URL when set; otherwise starts the embedded PostgreSQL, creates the app database, and
 * exports its URL into process.env so everything later in this process (and child processes) uses it.
 */
export async function ensureDatabaseUrl(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  embedded = await startEmbeddedPostgres({
    dataDir: process.env.PG_DATA_DIR ?? DEFAULT_DATA_DIR,
    port: Number(process.env.PG_PORT ?? DEFAULT_EMBEDDED_PORT),
    password: process.env.PG_PASSWORD ?? 'serialstock-local',
  });
  const server = embedded;
  process.once('exit', () => server.stop());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => process.exit(signal === 'SIGINT' ? 130 : 143));
  }
  await createDatabaseIfMissing(server.adminUrl('postgres'), DATABASE_NAME);
  process.env.DATABASE_URL = server.adminUrl(DATABASE_NAME);
  return process.env.DATABASE_URL;
}

export async function createDatabaseIfMissing(adminUrl: string, name: string, template?: string): Promise<boolean> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const found = await sql`select 1 from pg_database where datname = ${name}`;
    if (found.length > 0) return false;
    const from = template ? sql` template ${sql(template)}` : sql``;
    await sql`create database ${sql(name)}${from}`;
    return true;
  } catch (error) {
    // Two processes starting at once: the loser sees duplicate_database, which means it exists now.
    if ((error as { code?: string }).code === '42P04') return false;
    throw error;
  } finally {
    await sql.end();
  }
}
