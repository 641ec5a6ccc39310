import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as upload from '@/app/crm/[version]/upload/route';
import * as write from '@/app/crm/bulk/[version]/write/route';
import { importJob } from '@/db/schema';
import { createApiKey } from '@/lib/auth/api-keys';
import { callbackSecret } from '@/lib/import/jobs/callbacks/secret';
import { listApiKeysPage, parseApiKeyListParams } from '@/lib/users/queries';
import { createUser } from '@/lib/users/users';
import { sessionCookie } from '@/test/authz/principals';
import { useTestDatabase } from '@/test/db';

/**
 * Hostile tester, round 4 — found and fixed: callbacks of jobs created with a session are signed with a secret nobody
 * can read, so their receiver cannot verify them.
 *
 * README ("Bulk write API"): callbacks are signed, `X-Signature-256: sha256=<HMAC-SHA256 of the body>`, "the
 * secret is shown per key on the API keys page". A job created with the browser session — the Zoho door
 * POST /crm/bulk/v8/write with the cookie, or the import page's POST /import/api/jobs, both of which take a
 * `callback` — has no key: lib/import/jobs/callbacks/secret.ts then signs with an instance-wide secret kept in
 * app_setting ('import_callback_secret') that no page, route or document shows.
 *
 * Expected: such a callback is verifiable (its secret is shown to admins, e.g. on the API keys page), or a
 *           callback is refused on a job that no key creates (the fix: refused, INVALID_DATA on `callback`).
 * Before the fix: the job was accepted (201) and its callbacks signed with a secret that appears nowhere in the app.
 * Severity: LOW (integrity of callbacks for session-created jobs; no SSRF or data exposure).
 */
describe('hostile round 4: a callback signature the receiver can verify', async () => {
  const { db } = await useTestDatabase();
  let cookie: string;
  let userId: number;
  const own = { origin: 'http://localhost:3000', host: 'localhost:3000' };

  beforeAll(async () => {
    const email = `hostile4-cb-${Date.now()}@example.com`;
    userId = await createUser(db, { name: 'Callback Admin', email, role: 'admin', password: 'callback-admin-1' });
    cookie = await sessionCookie(email, 'callback-admin-1');
  });

  it('a job created with the session and a callback is refused, or signed with a secret the API keys page shows', async () => {
    const form = new FormData();
    form.set('file', new Blob(['Code,Name\nCB-1,Callback item\n']), 'items.csv');
    const uploaded = await upload.POST(
      new Request('http://localhost:3000/crm/v8/upload', {
        method: 'POST',
        headers: { cookie, ...own, feature: 'bulk-write' },
        body: form,
      }),
      { params: Promise.resolve({ version: 'v8' }) },
    );
    expect(uploaded.status).toBe(200);
    const fileId = ((await uploaded.json()) as { details: { file_id: string } }).details.file_id;

    const created = await write.POST(
      new Request('http://localhost:3000/crm/bulk/v8/write', {
        method: 'POST',
        headers: { cookie, ...own, 'content-type': 'application/json' },
        body: JSON.stringify({
          operation: 'insert',
          // A public address literal: no DNS involved, accepted as a callback target.
          callback: { url: 'http://8.8.8.8/serialstock-hook', method: 'post' },
          resource: [{ type: 'data', module: { api_name: 'Items' }, file_id: fileId }],
        }),
      }),
      { params: Promise.resolve({ version: 'v8' }) },
    );
    // Refused with the field named: a session has no key whose secret the receiver could check the signature with.
    expect({ status: created.status, body: await created.json() }).toMatchObject({
      status: 400,
      body: { code: 'INVALID_DATA', details: { api_name: 'callback' } },
    });
    expect(
      await db
        .select({ id: importJob.id })
        .from(importJob)
        .where(eq(importJob.fileId, BigInt(fileId))),
    ).toEqual([]);
    // Control: the same request with an API key is accepted, and its callbacks use the key's secret, shown on the
    // API keys page.
    const { key, id: keyId } = await createApiKey(db, { name: 'callbacks', role: 'admin', createdBy: userId });
    const withKey = await write.POST(
      new Request('http://localhost:3000/crm/bulk/v8/write', {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          operation: 'insert',
          callback: { url: 'http://8.8.8.8/serialstock-hook', method: 'post' },
          resource: [{ type: 'data', module: { api_name: 'Items' }, file_id: fileId }],
        }),
      }),
      { params: Promise.resolve({ version: 'v8' }) },
    );
    expect(withKey.status).toBe(201);
    const page = await listApiKeysPage(db, parseApiKeyListParams({}));
    expect(page.rows.find((row) => row.id === String(keyId))?.signingSecret).toBe(await callbackSecret(db, keyId));
  });
});
