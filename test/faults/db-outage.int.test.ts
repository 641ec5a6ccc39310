import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { eq, like, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { createDb } from '@/db/client';
import { importRowResult, item } from '@/db/schema';
import { isDatabaseUnavailable } from '@/lib/db-errors';
import { useTestDatabase } from '@/test/db';
import { apiCaller, keyFor } from '@/test/import/api';
import { createJob, itemRows, principalOf } from '@/test/import/jobs';
import { jobState, waitFor, waitForStatus } from '@/test/import/wait';
import { outageHarness, withPort } from './outage-harness';

const ROWS = 1500;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the database goes away under a worker', async () => {
  const { db, url } = await useTestDatabase();
  const { proxy, startWorkerProcess } = await outageHarness(db, url);

  it('tells outages (refused, terminated, cut) from errors of the statement or of our own pool', async () => {
    const refused = postgres(withPort(url, await freePort()), { max: 1, connect_timeout: 2, onnotice: () => {} });
    const refusal = await refused`select 1`.catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'ECONNREFUSED' });
    await refused.end();

    const victim = postgres(url, { max: 1, onnotice: () => {} });
    const [{ pid }] = await victim`select pg_backend_pid() as pid`;
    const sleeping = victim`select pg_sleep(10)`.catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await db.execute(sql`select pg_terminate_backend(${pid})`);
    // 57P01 when the server's goodbye is read first, CONNECTION_CLOSED / ECONNRESET when the close wins.
    expect(['57P01', 'CONNECTION_CLOSED', 'ECONNRESET']).toContain(((await sleeping) as { code: string }).code);

    const relayed = createDb(withPort(url, proxy.port), 1);
    await relayed.db.execute(sql`select 1`);
    const cutMidQuery = relayed.db.execute(sql`select pg_sleep(10)`).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await proxy.cut();
    const cut = await cutMidQuery;
    await proxy.restore();
    // drizzle wraps the driver's error; the classification looks through `cause`.
    expect(['57P01', 'CONNECTION_CLOSED', 'ECONNRESET']).toContain((cut as { cause: { code: string } }).cause.code);

    const syntax = await db.execute(sql`selec 1`).catch((error: unknown) => error);
    const division = await db
      .execute(sql`select 1 from (values (1)) v(x) where 1 / 0 = 1`)
      .catch((error: unknown) => error);
    await relayed.sql.end({ timeout: 0 });
    const ownPoolClosed = await relayed.db.execute(sql`select 1`).catch((error: unknown) => error);
    await victim.end({ timeout: 0 });

    expect([refusal, await sleeping, cut].map((error) => isDatabaseUnavailable(error))).toEqual([true, true, true]);
    expect(
      [syntax, division, ownPoolClosed, new Error('plain'), null].map((error) => isDatabaseUnavailable(error)),
    ).toEqual([false, false, false, false, false]);
    expect(ownPoolClosed).toMatchObject({ cause: { code: 'CONNECTION_ENDED' } });
  });

  it('pauses a job while the database is away, never marks it FAILED, resumes and applies every row once', async () => {
    const admin = await keyFor(db, 'admin');
    const api = apiCaller(admin.key);
    const id = await createJob(
      db,
      principalOf(admin),
      itemRows('OUT', ROWS),
      { operation: 'insert' },
      { module: 'Items' },
    );
    const worker = startWorkerProcess(withPort(url, proxy.port), { IMPORT_CHUNK_DELAY_MS: '80' });
    await waitFor(async () => (await jobState(db, id)).processedCount >= 300 || undefined, 30_000, 10);

    await proxy.cut();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const during = await jobState(db, id);
    expect(during.status).toBe('IN PROGRESS');
    expect(during.processedCount).toBeLessThan(ROWS);
    expect(worker.log.some((line) => line.includes(`job ${id}: waiting for the database (connection lost at `))).toBe(
      true,
    );
    await proxy.restore();

    // Once back, the job reports the pause while it runs on, and again when it is done.
    const paused = await waitFor(
      async () => {
        const { json } = await api.status(String(id));
        return json.status === 'IN PROGRESS' && json.message ? json : undefined;
      },
      30_000,
      10,
    );
    expect(paused.message).toMatch(
      /^The database connection was lost at \S+ \([A-Z0-9_]+: [^)]*\); the job waited and resumed at \S+\.$/,
    );
    const done = await waitForStatus(db, id, 'COMPLETED', 60_000);
    expect(done).toMatchObject({ addedCount: ROWS, processedCount: ROWS, skippedCount: 0, totalCount: ROWS });
    const [{ n, distinct }] = await db
      .select({ n: sql<number>`count(*)::int`, distinct: sql<number>`count(distinct row_number)::int` })
      .from(importRowResult)
      .where(eq(importRowResult.jobId, id));
    expect([n, distinct]).toEqual([ROWS, ROWS]);
    const [{ items }] = await db
      .select({ items: sql<number>`count(*)::int` })
      .from(item)
      .where(like(item.code, 'OUT-%'));
    expect(items).toBe(ROWS);
    expect((await api.status(String(id))).json).toMatchObject({ status: 'COMPLETED', message: paused.message });
    expect(worker.child.exitCode).toBeNull();
    worker.child.kill('SIGTERM');
    expect(await worker.exitedWithin(15_000), worker.log.join('\n')).toBe(0);
  }, 180_000); // its own bounded waits (30 s + 30 s + 60 s + 15 s) add up past the suite's 60 s default

  // After the pause scenario, on the same relay: this used to fail intermittently here, because a worker
  // whose transaction was cut could never end its pool (postgres.js kept the rejected query as current,
  // porsager/postgres#1208; repaired by scripts/patch-postgres-driver.mjs) and so never exited.
  it('a worker stopped while the database is away leaves the job IN PROGRESS for the next one', async () => {
    const admin = await keyFor(db, 'admin');
    const id = await createJob(
      db,
      principalOf(admin),
      itemRows('STP', 800),
      { operation: 'insert' },
      { module: 'Items' },
    );
    const first = startWorkerProcess(withPort(url, proxy.port), {
      IMPORT_CHUNK_DELAY_MS: '80',
      IMPORT_STALE_MS: '1000',
    });
    await waitFor(async () => (await jobState(db, id)).processedCount >= 200 || undefined, 30_000, 10);
    await proxy.cut();
    await waitFor(
      async () => first.log.some((line) => line.includes('waiting for the database')) || undefined,
      10_000,
      20,
    );
    first.child.kill('SIGTERM');
    expect(await first.exitedWithin(15_000), first.log.join('\n')).toBe(0);
    expect(first.log.join('\n')).toMatch(/stopping while the database is away/);
    expect((await jobState(db, id)).status).toBe('IN PROGRESS');
    await proxy.restore();

    startWorkerProcess(url, { IMPORT_STALE_MS: '1000' });
    expect(await waitForStatus(db, id, 'COMPLETED', 60_000)).toMatchObject({
      addedCount: 800,
      processedCount: 800,
      skippedCount: 0,
    });
    const [{ items }] = await db
      .select({ items: sql<number>`count(*)::int` })
      .from(item)
      .where(like(item.code, 'STP-%'));
    expect(items).toBe(800);
  }, 180_000); // bounded waits of 30 s + 10 s + 15 s + 60 s
});
