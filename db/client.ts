import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { serverTimingEnabled, timeQuery, timeTransaction } from '@/lib/http/server-timing';
import { preparePool } from './prepared';
import * as schema from './schema';

export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Queries take either the process-wide database or an open transaction. */
export type DbOrTx = Db | Tx;

type Holder = { db: Db; sql: postgres.Sql; url: string };
// Kept on globalThis so dev hot reload reuses one pool instead of leaking a new one per edit.
const globalHolder = globalThis as unknown as { __serialstockDb?: Holder };

/**
 * How long a connection waits before its next connect attempt, given how many attempts of the pool have
 * failed in a row. postgres.js's default grows to 20 s (0.5–1 × min(3^n / 100, 20) s) and counts the
 * failures of all connections together, so requests refused for a few seconds during a restart left
 * every connection waiting 10–20 s after the server was back. Ours doubles from 50 ms to at most 1 s:
 * a pool with waiting queries retries about once a second per connection, and answers within about
 * a second of the server's return.
 */
export function reconnectBackoffSeconds(failures: number): number {
  return Math.min(1, 0.05 * 2 ** Math.max(0, failures - 1)) * (0.75 + Math.random() / 4);
}

/**
 * A connect that gets no answer (a server that is frozen or behind a dropped route) gives up after this
 * many seconds instead of postgres.js's 30, so a request answers 503 while a worker waits and retries.
 */
export const CONNECT_TIMEOUT_SECONDS = 10;

/**
 * The name every connection of this process shows in pg_stat_activity: PGAPPNAME when set (one per process, so a
 * deployment can see which instance holds how many connections), else the process kind. postgres.js would say
 * "postgres.js" for every process alike.
 */
export function applicationName(kind = 'serialstock'): string {
  return process.env.PGAPPNAME || kind;
}

export function createDb(url: string, max = Number(process.env.DB_POOL_SIZE ?? 10)): Holder {
  const sql = postgres(url, {
    max,
    connection: { application_name: applicationName() },
    onnotice: () => {},
    prepare: true,
    backoff: reconnectBackoffSeconds,
    connect_timeout: CONNECT_TIMEOUT_SECONDS,
  });
  preparePool(sql);
  if (serverTimingEnabled()) timeQueriesOf(sql);
  return { db: drizzle(sql, { schema, casing: 'snake_case' }), sql, url };
}

/**
 * SERVER_TIMING=1 (lib/http/server-timing.ts): drizzle sends every query through `unsafe` and every transaction
 * through `begin`, so wrapping the two times them all for the request's Server-Timing header.
 */
function timeQueriesOf(sql: postgres.Sql): void {
  const unsafe = sql.unsafe;
  sql.unsafe = ((...args: Parameters<typeof unsafe>) => timeQuery(unsafe.apply(sql, args))) as typeof unsafe;
  const begin = sql.begin;
  sql.begin = ((...args: unknown[]) =>
    timeTransaction(() => (begin as (...all: unknown[]) => Promise<unknown>).apply(sql, args))) as typeof begin;
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

/** The postgres.js client under getDb(), for what drizzle does not wrap (LISTEN). */
export function getSql(): postgres.Sql {
  getDb();
  return globalHolder.__serialstockDb!.sql;
}
