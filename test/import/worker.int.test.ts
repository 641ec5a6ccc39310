import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, like, sql } from 'drizzle-orm';
import { createDb } from '@/db/client';
import { document, documentSeries, importRowResult, item, serialNumber } from '@/db/schema';
import { ImportWorker, workerOptionsFromEnv } from '@/lib/import/jobs/worker';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { apiCaller, keyFor } from './api';
import { drainJobs } from './drain';
import { createJob, itemRows, principalOf } from './jobs';
import { resultRows } from './result-file';
import { jobState, waitFor, waitForStatus } from './wait';

describe('the import worker', async () => {
  const { db, url } = await useTestDatabase();
  const workers: { worker: ImportWorker; end: () => Promise<void> }[] = [];
  let admin: Awaited<ReturnType<typeof keyFor>>;

  function startWorker(options: Partial<ReturnType<typeof workerOptionsFromEnv>>) {
    const holder = createDb(url, 4);
    const log: string[] = [];
    const worker = new ImportWorker(holder, {
      ...workerOptionsFromEnv(),
      log: (message) => log.push(message),
      ...options,
    });
    workers.push({
      worker,
      end: async () => {
        await worker.stop();
        await holder.sql.end();
      },
    });
    return { worker, log, started: worker.start() };
  }

  beforeAll(async () => {
    admin = await keyFor(db, 'admin');
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.end()));
  });

  it('is woken by NOTIFY when a job is created (no polling)', async () => {
    const { started } = startWorker({ pollMs: 600_000 });
    await started;
    const started_at = Date.now();
    const id = await createJob(
      db,
      principalOf(admin),
      itemRows('NFY', 3),
      { operation: 'insert' },
      { module: 'Items' },
    );
    await waitForStatus(db, id, 'COMPLETED', 5_000);
    expect(Date.now() - started_at).toBeLessThan(5_000);
    await workers.pop()!.end();
  });

  it('two workers share a job set through SKIP LOCKED and never process a row twice', async () => {
    const ids: bigint[] = [];
    for (let n = 0; n < 6; n++)
      ids.push(
        await createJob(db, principalOf(admin), itemRows(`SKL${n}`, 600), { operation: 'insert' }, { module: 'Items' }),
      );
    const first = startWorker({ pollMs: 20, chunkRows: 100 });
    const second = startWorker({ pollMs: 20, chunkRows: 100 });
    await Promise.all([first.started, second.started]);
    for (const id of ids) {
      const job = await waitForStatus(db, id);
      expect(job).toMatchObject({ addedCount: 600, processedCount: 600, skippedCount: 0, nextRow: 600 });
      const [{ n, distinct }] = await db
        .select({ n: sql<number>`count(*)::int`, distinct: sql<number>`count(distinct row_number)::int` })
        .from(importRowResult)
        .where(eq(importRowResult.jobId, id));
      expect([n, distinct]).toEqual([600, 600]);
    }
    const [{ items }] = await db
      .select({ items: sql<number>`count(*)::int` })
      .from(item)
      .where(like(item.code, 'SKL%'));
    expect(items).toBe(3600);
    // Both took part: each logged at least one completed job.
    expect(first.log.some((m) => m.endsWith('completed'))).toBe(true);
    expect(second.log.some((m) => m.endsWith('completed'))).toBe(true);
    await Promise.all(workers.splice(0).map((w) => w.end()));
  });

  it('dry run: validates every row through the same path, writes nothing, same result file', async () => {
    const world = await seedWorld(db);
    const api = apiCaller(admin.key);
    const rows = [
      ['Code', 'Name', 'Sale_Price'],
      ['DRY-1', 'Fine', '1'],
      ['DRY-2', '', 'x'],
      ['DRY-1', 'Again', '2'],
    ];
    const dry = await createJob(
      db,
      principalOf(admin),
      rows,
      { operation: 'insert', dry_run: true },
      { module: 'Items' },
    );
    await drainJobs(db);
    const dryRows = await resultRows(api, String(dry));
    expect(dryRows.map((r) => [r.STATUS, r.ERRORS, r.RECORD_ID])).toEqual([
      ['ADDED', '', ''],
      ['SKIPPED', 'MANDATORY_NOT_FOUND-Name:INVALID_DATA-Sale_Price', ''],
      ['SKIPPED', 'DUPLICATE_DATA-Code', ''],
    ]);
    expect(await db.select().from(item).where(like(item.code, 'DRY-%'))).toHaveLength(0);
    const real = await createJob(db, principalOf(admin), rows, { operation: 'insert' }, { module: 'Items' });
    await drainJobs(db);
    const realRows = await resultRows(api, String(real));
    expect(realRows.map((r) => [r.STATUS, r.ERRORS])).toEqual(dryRows.map((r) => [r.STATUS, r.ERRORS]));

    const series = await db.select().from(documentSeries);
    const docs = [
      ['Number', 'Date', 'Warehouse', 'Item', 'Serial_Numbers'],
      ['R1', '2026-03-01', 'MAIN', 'ACME-1', 'DRY-S1;DRY-S2'],
    ];
    const dryDoc = await createJob(
      db,
      principalOf(admin),
      docs,
      { operation: 'insert', dry_run: true },
      {
        module: 'Goods_Receipts',
        field_mappings: [
          ...docs[0].map((api_name, index) => ({ api_name, index })),
          { api_name: 'Quantity', default_value: { value: '2' } },
        ],
      },
    );
    await drainJobs(db);
    expect((await resultRows(api, String(dryDoc))).map((r) => r.STATUS)).toEqual(['ADDED']);
    expect(await db.select().from(serialNumber).where(eq(serialNumber.itemId, world.tracked))).toHaveLength(0);
    expect(await db.select().from(document)).toHaveLength(0);
    expect(await db.select().from(documentSeries)).toEqual(series);
  });

  it('a stopping worker hands its job back between chunks; the next one resumes where it stopped', async () => {
    process.env.IMPORT_CHUNK_DELAY_MS = '100';
    try {
      const id = await createJob(
        db,
        principalOf(admin),
        itemRows('RES', 500),
        { operation: 'insert' },
        { module: 'Items' },
      );
      const { started } = startWorker({ pollMs: 50, chunkRows: 100 });
      await started;
      await waitFor(async () => ((await jobState(db, id)).processedCount >= 100 ? true : undefined), 10_000, 10);
      await workers.pop()!.end();
      const handedBack = await jobState(db, id);
      expect(handedBack).toMatchObject({ status: 'IN PROGRESS', lockedBy: null, heartbeatAt: null });
      expect(handedBack.processedCount % 100).toBe(0);
      expect(handedBack.processedCount).toBeLessThan(500);
      expect(await db.select().from(item).where(like(item.code, 'RES-%'))).toHaveLength(handedBack.processedCount);
      const resumed = startWorker({ pollMs: 50, chunkRows: 100 });
      await resumed.started;
      expect(await waitForStatus(db, id)).toMatchObject({ addedCount: 500, processedCount: 500 });
      expect(await db.select().from(item).where(like(item.code, 'RES-%'))).toHaveLength(500);
      await workers.pop()!.end();
    } finally {
      delete process.env.IMPORT_CHUNK_DELAY_MS;
    }
  });

  it('a dry run handed back mid-way starts over with the next worker and reports every row once', async () => {
    process.env.IMPORT_CHUNK_DELAY_MS = '100';
    try {
      const id = await createJob(
        db,
        principalOf(admin),
        itemRows('DRYRES', 500),
        { operation: 'insert', dry_run: true },
        { module: 'Items' },
      );
      const { started } = startWorker({ pollMs: 50, chunkRows: 100 });
      await started;
      await waitFor(async () => ((await jobState(db, id)).processedCount >= 100 ? true : undefined), 10_000, 10);
      await workers.pop()!.end();
      expect((await jobState(db, id)).processedCount).toBeLessThan(500);
      const resumed = startWorker({ pollMs: 50, chunkRows: 100 });
      await resumed.started;
      expect(await waitForStatus(db, id)).toMatchObject({ addedCount: 500, processedCount: 500, skippedCount: 0 });
      const rows = await resultRows(apiCaller(admin.key), String(id));
      expect(rows.map((r) => r.STATUS)).toEqual(Array(500).fill('ADDED'));
      expect(await db.select().from(item).where(like(item.code, 'DRYRES-%'))).toHaveLength(0);
      await workers.pop()!.end();
    } finally {
      delete process.env.IMPORT_CHUNK_DELAY_MS;
    }
  });
});
