import { describe, expect, it } from 'vitest';
import { allPipelined } from './sql-pipeline';

const pgError = (code: string) => Object.assign(new Error(code), { code });
// The 25P02 of a later statement settling before the error that aborted the transaction, as pipelined answers can.
const late = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));
const lateFailure = (error: Error, ms: number) =>
  new Promise<never>((_, reject) => setTimeout(() => reject(error), ms));

describe('allPipelined', () => {
  it('answers every value in order when nothing fails', async () => {
    expect(await allPipelined([late('a', 5), late('b', 1)])).toEqual(['a', 'b']);
  });

  it('throws the error that aborted the transaction, not the 25P02 that settled first', async () => {
    const deadlock = pgError('40P01');
    await expect(allPipelined([lateFailure(deadlock, 10), lateFailure(pgError('25P02'), 1)])).rejects.toBe(deadlock);
  });

  it('throws a 25P02 when it is all there is, and a wrapped error by its cause', async () => {
    const aborted = pgError('25P02');
    await expect(allPipelined([late(1, 1), lateFailure(aborted, 2)])).rejects.toBe(aborted);
    const wrapped = Object.assign(new Error('Failed query'), { cause: pgError('23505') });
    await expect(allPipelined([lateFailure(pgError('25P02'), 1), lateFailure(wrapped, 5)])).rejects.toBe(wrapped);
  });

  it('throws the first failure in the list, whichever failed first in time', async () => {
    // The records API reports a document's header lookups before its lines this way.
    const first = new Error('partner not found');
    await expect(allPipelined([lateFailure(first, 10), lateFailure(new Error('item not found'), 1)])).rejects.toBe(
      first,
    );
  });
});
