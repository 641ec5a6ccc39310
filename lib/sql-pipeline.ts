import { pgErrorOf } from './db-errors';

/**
 * Promise.all for statements pipelined on one transaction's connection. When one fails, the server refuses every
 * statement sent after it with 25P02 (the transaction is aborted), and those answers can settle first: Promise.all
 * then rejected with a 25P02, hiding the error that happened (a deadlock the caller retries, a refusal it reports).
 * Found by `npm run chaos` (seed 4260): an import chunk answered a raw 25P02 from the stock-level statement
 * pipelined behind the serial moves. This waits for every answer and throws the first error, in the list's order,
 * that is not a 25P02: the same error whichever statement the server answered first. Every module in lib/ uses it
 * instead of Promise.all (eslint refuses Promise.all there), since any query function may run inside a transaction.
 */
export async function allPipelined<T extends readonly unknown[] | []>(statements: T): Promise<Settled<T>> {
  const settled = await Promise.allSettled(statements);
  const errors = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
  if (errors.length > 0) throw errors.find((e) => pgErrorOf(e)?.code !== '25P02') ?? errors[0];
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as Settled<T>;
}

/** What Promise.all resolves to: a tuple of the statements' results, each awaited. */
type Settled<T extends readonly unknown[]> = { -readonly [P in keyof T]: Awaited<T[P]> };
