import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importJob } from '@/db/schema';
import { useTestDatabase } from '@/test/db';
import { addressesOf, dnsAnswers } from '@/test/dns-stub';
import { apiCaller, keyFor, type Caller } from './api';
import { csv } from './drain';

// DNS as this test needs it: one name with a private address, one that does not exist, one whose
// DNS server does not answer, and a public one.
vi.mock('node:dns/promises', () => import('@/test/dns-stub'));
dnsAnswers.set('intranet.example.com', addressesOf('93.184.215.14', '10.0.0.7'));
dnsAnswers.set('hooks.example.com', addressesOf('93.184.215.14'));
dnsAnswers.set('hanging-dns.example.com', 'never answers');
dnsAnswers.set('slow-dns.example.com', { error: 'EAI_AGAIN' });

describe('a callback host is checked when the job is created', async () => {
  const { db } = await useTestDatabase();
  let api: Caller;
  let fileId: string;
  const previous = process.env.ALLOW_PRIVATE_CALLBACKS;
  const create = (url: string) =>
    api.create({
      operation: 'insert',
      callback: { url, method: 'post' },
      resource: [{ type: 'data', module: { api_name: 'Items' }, file_id: fileId }],
    });
  const jobCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(importJob))[0].n;

  beforeAll(async () => {
    process.env.ALLOW_PRIVATE_CALLBACKS = 'false';
    api = apiCaller((await keyFor(db, 'admin')).key);
    fileId = (
      await api.upload(
        csv([
          ['Code', 'Name'],
          ['CH-1', 'One'],
        ]),
        'items.csv',
      )
    ).json.details.file_id;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.ALLOW_PRIVATE_CALLBACKS;
    else process.env.ALLOW_PRIVATE_CALLBACKS = previous;
  });

  it('refuses a name that resolves to a private address, and writes no job', async () => {
    const before = await jobCount();
    const created = await create('https://intranet.example.com/hook');
    expect(created.status).toBe(400);
    expect(created.json).toMatchObject({
      status: 'error',
      code: 'INVALID_URL_PATTERN',
      details: { api_name: 'url', json_path: '$.callback.url' },
    });
    expect(created.json.message).toMatch(/intranet\.example\.com resolves to the private address 10\.0\.0\.7/);
    expect(await jobCount()).toBe(before);
  });

  it('refuses a name that does not exist', async () => {
    const created = await create('https://no-such-host.example.com/hook');
    expect(created.status).toBe(400);
    expect(created.json.message).toMatch(/no-such-host\.example\.com does not exist/);
  });

  it('accepts a public name, and one whose DNS does not answer now (delivery checks again)', async () => {
    expect((await create('https://hooks.example.com/hook')).status).toBe(201);
    expect((await create('https://slow-dns.example.com/hook')).status).toBe(201);
  });

  // Without the lookup's time limit this request would never be answered and the test would time out.
  it('does not keep the client waiting on a DNS server that never answers', async () => {
    expect((await create('https://hanging-dns.example.com/hook')).status).toBe(201);
  });
});
