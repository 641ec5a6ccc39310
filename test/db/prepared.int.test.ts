import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createDb } from '@/db/client';
import { MOST_PREPARED_PARAMETERS } from '@/db/prepared';
import { useTestDatabase } from '@/test/db';

// drizzle sends every query with `prepare: false`; db/prepared.ts makes those with parameters prepared statements,
// on the pool and inside transactions and savepoints, and leaves the multi-row statements of imports alone.

describe('prepared statements', async () => {
  const { url } = await useTestDatabase();
  // One connection, so the statements a query prepared are visible to the next query.
  const { db } = createDb(url, 1);
  const preparedWith = async (marker: string, run: typeof db = db) => {
    const found = await run.execute<{ n: number }>(
      sql`select count(*)::int as n from pg_prepared_statements where statement like ${`%${marker}%`} and statement not like '%pg_prepared_statements%'`,
    );
    return found[0].n;
  };
  const marked = (marker: string, values: number[]) =>
    sql.join(
      [
        sql.raw(`select '${marker}' as marker,`),
        sql.join(
          values.map((v) => sql`${v}::int`),
          sql`, `,
        ),
      ],
      sql` `,
    );

  it('prepares a query with parameters once, and runs it again from the prepared statement', async () => {
    for (let i = 0; i < 3; i++) await db.execute(marked('pool_marker', [i]));
    expect(await preparedWith('pool_marker')).toBe(1);
  });

  it('prepares the queries of a transaction and of a savepoint inside it', async () => {
    await db.transaction(async (tx) => {
      await tx.execute(marked('tx_marker', [1]));
      await tx.transaction(async (inner) => {
        await inner.execute(marked('savepoint_marker', [2]));
      });
    });
    expect(await preparedWith('tx_marker')).toBe(1);
    expect(await preparedWith('savepoint_marker')).toBe(1);
  });

  it('does not prepare a statement of more parameters than the bound, nor one without any', async () => {
    const many = Array.from({ length: MOST_PREPARED_PARAMETERS + 1 }, (_, i) => i);
    const rows = await db.execute(marked('wide_marker', many));
    expect(rows).toHaveLength(1);
    await db.execute(sql.raw(`select 'plain_marker' as marker`));
    expect(await preparedWith('wide_marker')).toBe(0);
    expect(await preparedWith('plain_marker')).toBe(0);
  });
});
