import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Queries take either the process-wide database or an open transaction. */
export type DbOrTx = Db | Tx;

type Holder = { db: Db; sql: postgres.Sql; url: string };
// Kept on globalThis so dev hot reload reuses one pool instead of leaking a new one per edit.
const globalHolder = globalThis as unknown as { __serialstockDb?: Holder };

export function createDb(url: string, max = Number(process.env.DB_POOL_SIZE ?? 10)): Holder {
  const sql = postgres(url, { max, onnotice: () => {}, prepare: true });
  return { db: drizzle(sql, { schema, casing: 'snake_case' }), sql, url };
}

/** The process-wide database. DATABASE_URL is set by startup (instrumentation) before the first query. */
export function getDb(): Db {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: the database was not started (see instrumentation.ts).');
  if (!globalHolder.__serialstockDb || globalHolder.__serialstockDb.url !== url) {
    globalHolder.__serialstockDb = createDb(url);
  }
  return globalHolder.__serialstockDb.db;
}
