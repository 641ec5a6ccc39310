import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { eq, like, sql } from 'drizzle-orm';
import { importRowResult, item } from '@/db/schema';
import { useTestDatabase } from '@/test/db';
import { keyFor } from './api';
import { createJob, itemRows, principalOf } from './jobs';
import { jobState, waitFor, waitForStatus } from './wait';

const ROWS = 1500;

describe('crash and resume (kill -9 of a worker process mid-job)', async () => {
  const { db, url } = await useTestDatabase();
  const children: ChildProcess[] = [];

  /** `npm run worker` as a child process, slowed down so it can be killed mid-job. */
  function startWorkerProcess(): ChildProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
      cwd: process.cwd(),
      env: {
        ...process.env,
        DATABASE_URL: url,
        NODE_ENV: 'test',
        IMPORT_CHUNK_DELAY_MS: '120',
        IMPORT_CHUNK_ROWS: '100',
        IMPORT_STALE_MS: '1500',
        IMPORT_POLL_MS: '200',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.resume();
    child.stderr!.on('data', (chunk) => process.stderr.write(`[worker ${child.pid}] ${chunk}`));
    children.push(child);
    return child;
  }

  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('resumes after kill -9 and applies every row exactly once', async () => {
    const admin = await keyFor(db, 'admin');
    const id = await createJob(
      db,
      principalOf(admin),
      itemRows('CRASH', ROWS),
      { operation: 'insert' },
      { module: 'Items' },
    );

    const first = startWorkerProcess();
    await waitFor(async () => (await jobState(db, id)).processedCount >= 300 || undefined, 60_000, 20);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));

    // What is committed is consistent: whole chunks, their items and their row results together.
    const afterCrash = await jobState(db, id);
    expect(afterCrash.status).toBe('IN PROGRESS');
    expect(afterCrash.processedCount % 100).toBe(0);
    expect(afterCrash.processedCount).toBeLessThan(ROWS);
    const [{ committed }] = await db
      .select({ committed: sql<number>`count(*)::int` })
      .from(item)
      .where(like(item.code, 'CRASH-%'));
    expect(committed).toBe(afterCrash.processedCount);

    startWorkerProcess();
    const done = await waitForStatus(db, id, 'COMPLETED', 60_000);
    expect(done).toMatchObject({
      addedCount: ROWS,
      processedCount: ROWS,
      skippedCount: 0,
      updatedCount: 0,
      totalCount: ROWS,
    });
    const results = await db
      .select({ row: importRowResult.rowNumber, status: importRowResult.status })
      .from(importRowResult)
      .where(eq(importRowResult.jobId, id))
      .orderBy(importRowResult.rowNumber);
    expect(results.map((r) => r.row)).toEqual(Array.from({ length: ROWS }, (_, i) => i + 2));
    expect(results.every((r) => r.status === 'ADDED')).toBe(true);
    const [{ items, codes }] = await db
      .select({ items: sql<number>`count(*)::int`, codes: sql<number>`count(distinct code)::int` })
      .from(item)
      .where(like(item.code, 'CRASH-%'));
    expect([items, codes]).toEqual([ROWS, ROWS]);
  });
});
