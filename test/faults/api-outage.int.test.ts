import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/db';
import { call, keyFor } from '@/test/api/records-client';
import { apiCaller } from '@/test/import/api';
import { outageHarness, withPort } from './outage-harness';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function expectUnavailable(response: { status: number; json: unknown; headers?: Headers }) {
  expect(response.status).toBe(503);
  expect(response.json).toMatchObject({
    status: 'error',
    code: 'SERVICE_UNAVAILABLE',
    message: expect.stringMatching(/database is unavailable/),
    details: { retry_after: 5 },
  });
  if (response.headers) expect(response.headers.get('retry-after')).toBe('5');
}

describe('the APIs while the database is unreachable', async () => {
  const { db, url } = await useTestDatabase();
  const { proxy } = await outageHarness(db, url);
  const admin = await keyFor(db, 'admin');
  // The route handlers' getDb() talks through the relay from here on.
  process.env.DATABASE_URL = withPort(url, proxy.port);

  it("answers 503 + Retry-After in Zoho's error shape on the records, bulk write and upload routes, then recovers", async () => {
    expect((await call(admin.key, 'GET', '/crm/v8/Items')).status).toBe(204); // no items yet
    await proxy.cut();
    try {
      expectUnavailable(await call(admin.key, 'GET', '/crm/v8/Items'));
      expectUnavailable(
        await call(admin.key, 'POST', '/crm/v8/Items', { data: [{ Code: 'OUT-1', Name: 'during the outage' }] }),
      );
      expectUnavailable(await call(admin.key, 'DELETE', '/crm/v8/Items?ids=1,2'));
      const bulk = apiCaller(admin.key);
      // A well-formed job: the API key is served from the per-process cache, so a malformed body
      // would be refused (400) before anything needs the database.
      expectUnavailable(
        await bulk.create({
          operation: 'insert',
          resource: [{ type: 'data', module: { api_name: 'Items' }, file_id: '1' }],
        }),
      );
      expectUnavailable(await bulk.upload(Buffer.from('Code,Name\nA,B\n'), 'items.csv'));
      expectUnavailable(await bulk.status('1'));
    } finally {
      await proxy.restore();
    }
    // Back: the same requests are answered (within a bounded wait: the pool reconnects on its own).
    let after = await call(admin.key, 'POST', '/crm/v8/Items', {
      data: [{ Code: 'BACK-1', Name: 'after the outage' }],
    });
    for (let tries = 0; after.status === 503 && tries < 40; tries++) {
      await sleep(100);
      after = await call(admin.key, 'POST', '/crm/v8/Items', { data: [{ Code: 'BACK-1', Name: 'after the outage' }] });
    }
    expect(after.status).toBe(201);
  });
});
