import { describe, expect, it } from 'vitest';
import { like, sql } from 'drizzle-orm';
import { item } from '@/db/schema';
import { useTestDatabase } from '@/test/db';
import { keyFor } from '@/test/import/api';
import { createJob, itemRows, principalOf } from '@/test/import/jobs';
import { jobState, waitFor, waitForStatus } from '@/test/import/wait';
import { outageHarness, withPort } from './outage-harness';

// Its own file (own database and relay): after the pause scenario in the same file it failed intermittently.
describe('the database goes away under a stopping worker', async () => {
  const { db, url } = await useTestDatabase();
  const { proxy, startWorkerProcess } = await outageHarness(db, url);

  it('a worker stopped while the database is away leaves the job IN PROGRESS for the next one', async () => {
    const admin = await keyFor(db, 'admin');
    const id = await createJob(db, principalOf(admin), itemRows('STP', 800), { operation: 'insert' }, { module: 'Items' });
    const first = startWorkerProcess(withPort(url, proxy.port), { IMPORT_CHUNK_DELAY_MS: '80', IMPORT_STALE_MS: '1000' });
    await waitFor(async () => ((await jobState(db, id)).processedCount >= 200 || undefined), 30_000, 10);
    await proxy.cut();
    await waitFor(async () => first.log.some((line) => line.includes('waiting for the database')) || undefined, 10_000, 20);
    first.child.kill('SIGTERM');
    await Promise.race([first.exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    expect(first.log.join('\n')).toMatch(/stopping while the database is away/);
    expect((await jobState(db, id)).status).toBe('IN PROGRESS');
    await proxy.restore();

    startWorkerProcess(url, { IMPORT_STALE_MS: '1000' });
    expect(await waitForStatus(db, id, 'COMPLETED', 60_000)).toMatchObject({ addedCount: 800, processedCount: 800, skippedCount: 0 });
    const [{ items }] = await db.select({ items: sql<number>`count(*)::int` }).from(item).where(like(item.code, 'STP-%'));
    expect(items).toBe(800);
  }, 180_000); // bounded waits of 30 s + 10 s + 10 s + 60 s
});
