import { pgErrorOf } from './db-errors';

/**
 * Promise.all for statements pipelined on one transaction's connection. When one fails, the server refuses every
 * statement sent after it with 25P02 (the transaction is aborted), and those answers can settle first: Promise.all
 * then rejected with a 25P02, hiding the error that happened (a deadlock the caller retries, a refusal it reports).
 * Found by `npm run chaos` (seed 4260): an import chunk answered a raw 25P02 from the stock-level statement
 * pipelined behind the serial moves. This waits for every answer and throws the first error that is not a 25P02.
 */
export async function allPipelined<T>(statements: Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(statements);
  const errors = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
  if (errors.length > 0) throw errors.find((e) => pgErrorOf(e)?.code !== '25P02') ?? errors[0];
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}
