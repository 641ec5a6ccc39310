import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { apiKey, importFile } from '@/db/schema';
import { forgetRecentTable } from '@/lib/import/upload/kept-table';
import { useTestDatabase } from '@/test/db';
import { apiCaller, keyFor } from './api';
import { drainCallbacks, drainJobs } from './drain';
import { createJob, itemRows, principalOf } from './jobs';
import { jobState, waitFor } from './wait';

type Received = { headers: http.IncomingHttpHeaders; body: string; path: string };

describe('callbacks', async () => {
  const { db } = await useTestDatabase();
  const received: Received[] = [];
  let answers: number[] = [];
  let server: http.Server;
  let base: string;
  let admin: Awaited<ReturnType<typeof keyFor>>;

  beforeAll(async () => {
    process.env.ALLOW_PRIVATE_CALLBACKS = 'true';
    process.env.IMPORT_CALLBACK_BACKOFF_MS = '20,20,20,20';
    server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        received.push({ headers: request.headers, body, path: request.url ?? '' });
        const status = answers.shift() ?? 200;
        response.writeHead(status, status === 302 ? { location: 'http://127.0.0.1:1/elsewhere' } : {}).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    admin = await keyFor(db, 'admin');
  });
  beforeEach(() => {
    received.length = 0;
    answers = [];
    process.env.ALLOW_PRIVATE_CALLBACKS = 'true';
  });
  afterAll(async () => {
    delete process.env.IMPORT_CALLBACK_BACKOFF_MS;
    await new Promise((resolve) => server.close(resolve));
  });

  const finishedJobWithCallback = async (path: string, key: 'callback' | 'callBack' = 'callback') => {
    const id = await createJob(
      db,
      principalOf(admin),
      itemRows(`CB${path.replace(/\W/g, '')}`, 2),
      { operation: 'insert', [key]: { url: `${base}${path}`, method: 'post' } },
      { module: 'Items' },
    );
    await drainJobs(db);
    return id;
  };

  it("POSTs the job details, signed with the creating key's secret", async () => {
    const id = await finishedJobWithCallback('/hook?token=1');
    await drainCallbacks(db);
    expect(received).toHaveLength(1);
    const [call] = received;
    expect(call.path).toBe('/hook?token=1');
    expect(call.headers['content-type']).toBe('application/json');
    const [{ secret }] = await db
      .select({ secret: apiKey.signingSecret })
      .from(apiKey)
      .where(eq(apiKey.id, admin.keyId));
    expect(call.headers['x-signature-256']).toBe(
      `sha256=${createHmac('sha256', secret).update(call.body).digest('hex')}`,
    );
    const details = JSON.parse(call.body);
    const polled = await apiCaller(admin.key).status(String(id));
    expect(details).toMatchObject({
      state: 'COMPLETED',
      job_id: String(id),
      id: String(id),
      status: 'COMPLETED',
      resource: [{ file: { added_count: 2, total_count: 2 } }],
      result: { download_url: expect.stringMatching(new RegExp(`/crm/bulk/v8/write/${id}/result$`)) },
    });
    expect(Object.keys(details).sort()).toEqual([...Object.keys(polled.json), 'state', 'job_id'].sort());
    expect(await jobState(db, id)).toMatchObject({
      callbackState: 'delivered',
      callbackAttempts: 1,
      callbackLastError: null,
    });
  });

  it("reads the article's callBack spelling as the callback", async () => {
    const id = await finishedJobWithCallback('/spelled', 'callBack');
    await drainCallbacks(db);
    expect(received.map((r) => r.path)).toEqual(['/spelled']);
    expect(JSON.parse(received[0].body)).toMatchObject({
      state: 'COMPLETED',
      id: String(id),
      callback: { url: `${base}/spelled`, method: 'post' },
    });
  });

  it('retries failures with backoff and treats a redirect as a failure', async () => {
    answers = [500, 302];
    const id = await finishedJobWithCallback('/flaky');
    await waitFor(
      async () => {
        await drainCallbacks(db);
        return (await jobState(db, id)).callbackState === 'delivered' || undefined;
      },
      10_000,
      30,
    );
    expect(received).toHaveLength(3);
    expect(await jobState(db, id)).toMatchObject({ callbackAttempts: 3 });
  });

  it('gives up after 5 attempts', async () => {
    answers = [500, 500, 500, 500, 500, 500];
    const id = await finishedJobWithCallback('/down');
    await waitFor(
      async () => {
        await drainCallbacks(db);
        return (await jobState(db, id)).callbackState === 'failed' || undefined;
      },
      10_000,
      30,
    );
    expect(received).toHaveLength(5);
    expect(await jobState(db, id)).toMatchObject({
      callbackAttempts: 5,
      callbackLastError: 'The receiver answered 500.',
    });
  });

  it('calls back when a job FAILED, with the reason', async () => {
    const id = await createJob(
      db,
      principalOf(admin),
      itemRows('CBFAIL', 2),
      { operation: 'insert', callback: { url: `${base}/failed`, method: 'post' } },
      { module: 'Items' },
    );
    // The stored file no longer reads (it was checked at upload): the job fails instead of guessing.
    await db
      .update(importFile)
      .set({ content: Buffer.from('%PDF-1.4 not a table'), contentEncoding: 'identity' })
      .where(eq(importFile.id, (await jobState(db, id)).fileId));
    forgetRecentTable();
    await drainJobs(db);
    await drainCallbacks(db);
    expect(await jobState(db, id)).toMatchObject({
      status: 'FAILED',
      failureReason: expect.stringMatching(/^The file can no longer be read: /),
    });
    expect(received).toHaveLength(1);
    const details = JSON.parse(received[0].body);
    expect(details).toMatchObject({
      state: 'FAILED',
      id: String(id),
      status: 'FAILED',
      failure_reason: expect.stringMatching(/only ZIP, CSV and XLSX/),
    });
    expect(details.result).toBeUndefined();
  });

  it('refuses a private target at delivery when ALLOW_PRIVATE_CALLBACKS is not set', async () => {
    const id = await finishedJobWithCallback('/private');
    process.env.ALLOW_PRIVATE_CALLBACKS = 'false';
    await drainCallbacks(db);
    expect(received).toHaveLength(0);
    expect((await jobState(db, id)).callbackLastError).toMatch(/private or local address/);
  });
});
