import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { warehouse } from '@/db/schema';
import { createApiKey } from '@/lib/auth/api-keys';
import { withCodeKeys } from '@/lib/catalog/code-key';
import { createUser } from '@/lib/users/users';
import { HTTP_METHODS, ROOT, routeFiles, urlPattern } from '@/test/authz/inventory';
import { sessionCookie } from '@/test/authz/principals';
import { useTestDatabase } from '@/test/db';

/**
 * Cross-site request forgery on the route handlers (issue 14, finding 1). The cases are generated from the
 * route files on disk: a new route handler that writes without the check fails here.
 */
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const OWN = 'http://localhost:3000';
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const PARAMS = { version: 'v8', module: 'Warehouses', id: '999999999', file: 'Items.csv' };
/** Writes whose body is not JSON, so the media-type rule has nothing to say about them. */
const NOT_JSON: Record<string, string> = {
  'POST /crm/[version]/upload': 'a multipart file upload',
  'DELETE /crm/[version]/[module]': 'no body (ids in the query)',
  'DELETE /crm/[version]/[module]/[id]': 'no body',
};
const FOREIGN: Record<string, Record<string, string>> = {
  'another site': { origin: 'http://evil.example' },
  'another port of the same host (same-site)': { origin: 'http://localhost:3001' },
  'an opaque origin': { origin: 'null' },
  'no Origin, Sec-Fetch-Site: same-site': { 'sec-fetch-site': 'same-site' },
  'no Origin, Sec-Fetch-Site: cross-site': { 'sec-fetch-site': 'cross-site' },
};

const writes: { entry: string; handler: Handler; path: string }[] = [];
for (const file of routeFiles()) {
  const exports = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
  for (const method of HTTP_METHODS) {
    if (!WRITE_METHODS.has(method) || typeof exports[method] !== 'function') continue;
    const pattern = urlPattern(file);
    const concrete = pattern.replace(/\[(\w+)\]/g, (_, name: keyof typeof PARAMS) => PARAMS[name]);
    writes.push({ entry: `${method} ${pattern}`, handler: exports[method] as Handler, path: concrete });
  }
}

describe('route handlers refuse cross-site writes made with the session cookie', async () => {
  const { db } = await useTestDatabase();
  let cookie: string;
  let key: string;

  beforeAll(async () => {
    const email = `csrf-${Date.now()}@example.com`;
    const userId = await createUser(db, { name: 'Csrf Admin', email, role: 'admin', password: 'csrf-password-1' });
    cookie = await sessionCookie(email, 'csrf-password-1');
    key = (await createApiKey(db, { name: 'csrf key', role: 'admin', createdBy: userId })).key;
  });

  async function send(write: (typeof writes)[number], headers: Record<string, string>, body = '{}') {
    const method = write.entry.split(' ')[0];
    const request = new Request(`${OWN}${write.path}`, {
      method,
      headers,
      body: method === 'DELETE' ? undefined : body,
    });
    const response = await write.handler(request, { params: Promise.resolve(PARAMS) });
    const text = await response.text();
    return { status: response.status, code: text.startsWith('{') ? (JSON.parse(text).code as string) : undefined };
  }

  it('finds the writing route handlers', () => {
    expect(writes.map((w) => w.entry)).toEqual(
      expect.arrayContaining([
        'POST /crm/[version]/[module]',
        'DELETE /crm/[version]/[module]/[id]',
        'POST /crm/bulk/[version]/write',
        'POST /crm/[version]/upload',
        'POST /import/api/jobs',
      ]),
    );
  });

  describe.each(writes.map((w) => [w.entry, w] as const))('%s', (_entry, write) => {
    it.each(Object.entries(FOREIGN))('refuses a write from %s with 403', async (_label, foreign) => {
      const answer = await send(write, { cookie, 'content-type': 'application/json', ...foreign });
      expect(answer).toEqual({ status: 403, code: 'CROSS_SITE_REQUEST' });
    });

    it('lets the same write through from the app itself and with an API key from anywhere', async () => {
      const callers: Record<string, string>[] = [
        { cookie, origin: OWN },
        { cookie, 'sec-fetch-site': 'same-origin' },
        { cookie },
        { authorization: `Bearer ${key}`, origin: 'http://evil.example' },
      ];
      for (const headers of callers) {
        const answer = await send(write, { 'content-type': 'application/json', ...headers });
        expect(answer.code, JSON.stringify(headers)).not.toBe('CROSS_SITE_REQUEST');
      }
    });

    it.skipIf(write.entry in NOT_JSON)(
      'answers 415 to a session write whose JSON body is not declared application/json',
      async () => {
        for (const type of [
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          undefined,
        ]) {
          const answer = await send(write, { cookie, origin: OWN, ...(type ? { 'content-type': type } : {}) });
          expect(answer, String(type)).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
        }
      },
    );
  });

  it("the tester's requests: POST and DELETE with Origin evil.example and text/plain change nothing", async () => {
    const [existing] = await db
      .insert(warehouse)
      .values(withCodeKeys([{ code: 'KEEP', name: 'Keep me' }]))
      .returning({ id: warehouse.id });
    const collection = writes.find((w) => w.entry === 'POST /crm/[version]/[module]')!;
    const one = writes.find((w) => w.entry === 'DELETE /crm/[version]/[module]/[id]')!;
    const evil = { cookie, origin: 'http://evil.example', 'content-type': 'text/plain' };
    const created = await send(collection, evil, JSON.stringify({ data: [{ Code: 'EVIL', Name: 'Evil' }] }));
    const deleted = await one.handler(
      new Request(`${OWN}/crm/v8/Warehouses/${existing.id}`, { method: 'DELETE', headers: evil }),
      { params: Promise.resolve({ version: 'v8', module: 'Warehouses', id: String(existing.id) }) },
    );
    expect([created.status, deleted.status]).toEqual([403, 403]);
    expect(await db.select().from(warehouse).where(eq(warehouse.code, 'EVIL'))).toHaveLength(0);
    expect(await db.select().from(warehouse).where(eq(warehouse.id, existing.id))).toHaveLength(1);
  });
});
