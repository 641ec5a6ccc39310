import { PgTransaction } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import type { DbOrTx } from '@/db/client';
import { withRetry } from './db-retry';

const db = {} as DbOrTx;
const outerTransaction = Object.create(PgTransaction.prototype) as DbOrTx;
// As drizzle hands them on: the driver's error as the cause of its own.
const pgError = (code: string) =>
  Object.assign(new Error('query failed'), { cause: Object.assign(new Error(code), { code }) });

/** A run that fails with `errors` one after the other, then answers 'done'; counts its calls. */
function failing(...errors: Error[]) {
  const run = async () => {
    run.calls++;
    const error = errors.shift();
    if (error) throw error;
    return 'done';
  };
  run.calls = 0;
  return run;
}

describe('withRetry', () => {
  it('runs again after a serialization failure or a deadlock', async () => {
    const run = failing(pgError('40001'), pgError('40P01'));
    await expect(withRetry(db, run)).resolves.toBe('done');
    expect(run.calls).toBe(3);
  });

  it('gives up after the last attempt with the database error', async () => {
    const run = failing(pgError('40P01'), pgError('40P01'), pgError('40P01'));
    await expect(withRetry(db, run)).rejects.toMatchObject({ cause: { code: '40P01' } });
    expect(run.calls).toBe(3);
  });

  it('never runs again after any other error', async () => {
    const run = failing(pgError('23505'));
    await expect(withRetry(db, run)).rejects.toMatchObject({ cause: { code: '23505' } });
    expect(run.calls).toBe(1);
  });

  it('runs once inside an outer transaction, which only its owner can run again', async () => {
    const run = failing(pgError('40P01'));
    await expect(withRetry(outerTransaction, run)).rejects.toMatchObject({ cause: { code: '40P01' } });
    expect(run.calls).toBe(1);
  });
});
