import type postgres from 'postgres';

/**
 * The most parameters a statement may have and still be prepared. Statements with more are the multi-row inserts
 * and updates of imports, whose text changes with their row count: preparing each would keep a statement per
 * size on every connection (postgres.js keeps them until the connection ends, and so does the server).
 */
export const MOST_PREPARED_PARAMETERS = 100;

type Unsafe = postgres.Sql['unsafe'];
type Scoped = { unsafe: Unsafe; savepoint?: (...args: unknown[]) => Promise<unknown> };
type Callback = (sql: Scoped) => unknown;

/**
 * Makes drizzle's queries prepared statements. drizzle sends every query through `sql.unsafe` with
 * `prepare: false` (it prepares only queries given a name), so postgres.js's `prepare: true` never applied: each
 * query was parsed and planned anew, and one with parameters took two round trips (the first asks the server for
 * the parameters' types). Prepared, a statement is parsed once per connection, PostgreSQL reuses its plan when a
 * generic plan costs no more than planning anew (plan_cache_mode auto), and it takes one round trip. Measured in
 * the closed-loop load test (docs/quality.md): PostgreSQL spent more time planning (12.5 s) than executing
 * (9.9 s); the document page's header query (11 tables) planned 5.4 ms to run 0.3 ms.
 *
 * A transaction's queries go through the `sql` its callback is handed (and a savepoint's through another), so
 * those are wrapped too.
 */
export function prepareStatements<T extends Scoped>(sql: T): T {
  const unsafe = sql.unsafe;
  sql.unsafe = ((query: string, args?: unknown, options?: Record<string, unknown>) => {
    const prepare = Array.isArray(args) && args.length > 0 && args.length <= MOST_PREPARED_PARAMETERS;
    return (unsafe as (...all: unknown[]) => unknown).call(
      sql,
      query,
      args,
      prepare ? { ...options, prepare: true } : options,
    );
  }) as Unsafe;
  const savepoint = sql.savepoint;
  if (savepoint) sql.savepoint = (...args: unknown[]) => savepoint.apply(sql, wrapCallback(args));
  return sql;
}

/** postgres.js's begin(fn), begin(options, fn) and savepoint(fn), savepoint(name, fn) take the callback last. */
function wrapCallback(args: unknown[]): unknown[] {
  const last = args.length - 1;
  const fn = args[last];
  if (typeof fn !== 'function') return args;
  return [...args.slice(0, last), (scoped: Scoped) => (fn as Callback)(prepareStatements(scoped))];
}

/** The pool's own queries and every transaction's. */
export function preparePool(sql: postgres.Sql): void {
  prepareStatements(sql as unknown as Scoped);
  const begin = sql.begin as unknown as (...args: unknown[]) => Promise<unknown>;
  sql.begin = ((...args: unknown[]) => begin.apply(sql, wrapCallback(args))) as typeof sql.begin;
}
