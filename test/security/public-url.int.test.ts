import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import * as openapi from '@/app/api/openapi.json/route';
import * as importJob from '@/app/(app)/import/api/jobs/[id]/route';
import * as find from '@/app/(app)/serial-numbers/find/route';
import { createUser } from '@/lib/users/users';
import { apiCaller, keyFor } from '@/test/import/api';
import { csv, drainJobs } from '@/test/import/drain';
import { sessionCookie } from '@/test/authz/principals';
import { useTestDatabase } from '@/test/db';

// Code that reads the session through next/headers gets this test's request headers.
const current = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({ headers: async () => current.headers }));

/** Issue 14, finding 4: addresses the app hands out come from its configuration, never from request headers. */
describe('public addresses', async () => {
  const { db } = await useTestDatabase();
  const saved = process.env.PUBLIC_URL;
  const forged = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'javascript' };
  let jobId: string;
  let key: string;
  let cookie: string;

  beforeAll(async () => {
    process.env.PUBLIC_URL = 'https://stock.example.com';
    key = (await keyFor(db, 'admin')).key;
    const api = apiCaller(key);
    const file = (
      await api.upload(
        csv([
          ['Code', 'Name'],
          ['URL-1', 'One'],
        ]),
        'items.csv',
      )
    ).json.details.file_id;
    jobId = (
      await api.create({
        operation: 'insert',
        resource: [{ type: 'data', module: { api_name: 'Items' }, file_id: file }],
      })
    ).json.details.id;
    await drainJobs(db);
    await createUser(db, {
      name: 'Url Clerk',
      email: 'url-clerk@example.com',
      role: 'warehouse',
      password: 'url-clerk-pass',
    });
    cookie = await sessionCookie('url-clerk@example.com', 'url-clerk-pass');
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.PUBLIC_URL;
    else process.env.PUBLIC_URL = saved;
  });

  it("the bulk job's download_url is PUBLIC_URL's, whatever X-Forwarded-Host and -Proto say", async () => {
    const response = await apiCaller(key, 'http://evil.example').status(jobId);
    expect(response.json.result.download_url).toBe(`https://stock.example.com/crm/bulk/v8/write/${jobId}/result`);
    const page = await importJob.GET(
      new Request(`http://evil.example/import/api/jobs/${jobId}`, {
        headers: { ...forged, authorization: `Bearer ${key}` },
      }),
      { params: Promise.resolve({ id: jobId }) },
    );
    expect((await page.json()).result.download_url).toBe(`https://stock.example.com/crm/bulk/v8/write/${jobId}/result`);
  });

  it("the OpenAPI document's server is the configured address", async () => {
    // The handler takes no request at all now; it is called as Next.js calls it, with one.
    const response = await (openapi.GET as (request: Request) => Response)(
      new Request('http://evil.example/api/openapi.json', { headers: forged }),
    );
    expect((await response.json()).servers[0].url).toMatch(/^https:\/\/stock\.example\.com/);
  });

  it('"Find serial number" redirects within the site the user is on: a relative Location', async () => {
    current.headers = new Headers({ cookie, host: '127.0.0.1:3999' });
    for (const [query, target] of [
      ['?q=NOTHING-HERE', '/serial-numbers?all=1&q=NOTHING-HERE'],
      ['?q=', '/serial-numbers'],
    ]) {
      const request = new NextRequest(`http://127.0.0.1:3999/serial-numbers/find${query}`, {
        headers: current.headers,
      });
      const response = await find.GET(request);
      expect([response.status, response.headers.get('location')]).toEqual([303, target]);
    }
    current.headers = new Headers({ host: '127.0.0.1:3999' });
    const stranger = await find.GET(
      new NextRequest('http://127.0.0.1:3999/serial-numbers/find?q=A1', { headers: current.headers }),
    );
    expect(stranger.headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent('/serial-numbers/find?q=A1')}`);
  });
});
