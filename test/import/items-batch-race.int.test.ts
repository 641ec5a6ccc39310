import postgres from 'postgres';
import { eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { importJob, item, user } from '@/db/schema';
import { rowResults } from '@/lib/import/jobs/job-queries';
import { useTestDatabase } from '@/test/db';
import { drainJobs } from './drain';
import { createJob, principalOf } from './jobs';
import { waitFor } from './wait';

describe('Items import: a code taken by a concurrent writer while the chunk writes', async () => {
  const { db, url } = await useTestDatabase();
  const [admin] = await db
    .insert(user)
    .values({ name: 'Race admin', email: 'race@example.com', role: 'admin' })
    .returning({ id: user.id });

  // The batch INSERT meets the other transaction's uncommitted RACE-2 in the unique index and waits; the
  // other commits, the batch fails, its savepoint rolls back, and every row goes through createItem.
  it('skips only that row with DUPLICATE_DATA and adds the others', async () => {
    const id = await createJob(
      db,
      principalOf({ userId: admin.id, name: 'Race admin' }),
      [
        ['Code', 'Name'],
        ['RACE-1', 'One'],
        ['RACE-2', 'Two'],
        ['RACE-3', 'Three'],
      ],
      { operation: 'insert' },
      { module: 'Items' },
    );
    const other = postgres(url, { max: 2, onnotice: () => {} });
    const reserved = await other.reserve();
    try {
      await reserved`begin`;
      await reserved`insert into item (code, code_key, name) values ('RACE-2', 'race-2', 'Taken meanwhile')`;
      const draining = drainJobs(db);
      await waitFor(
        async () =>
          (
            await other`
        select 1 from pg_stat_activity where wait_event_type = 'Lock' and query ilike '%insert into "item"%unnest%'
          and datname = current_database()`
          ).length > 0,
        10_000,
        20,
      );
      await reserved`commit`;
      await draining;
    } finally {
      await reserved`rollback`.catch(() => undefined);
      reserved.release();
      await other.end({ timeout: 5 });
    }

    const results = await rowResults(db, id);
    expect(results.map((r) => [r.status, r.errors.map((e) => `${e.code}-${e.column}`)])).toEqual([
      ['ADDED', []],
      ['SKIPPED', ['DUPLICATE_DATA-Code']],
      ['ADDED', []],
    ]);
    const stored = await db
      .select({ code: item.code, name: item.name })
      .from(item)
      .where(like(item.code, 'RACE-%'))
      .orderBy(item.code);
    expect(stored).toEqual([
      { code: 'RACE-1', name: 'One' },
      { code: 'RACE-2', name: 'Taken meanwhile' },
      { code: 'RACE-3', name: 'Three' },
    ]);
    const [job] = await db.select().from(importJob).where(eq(importJob.id, id));
    expect(job).toMatchObject({ status: 'COMPLETED', addedCount: 2, skippedCount: 1 });
  });
});
