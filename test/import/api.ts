import * as upload from '@/app/crm/[version]/upload/route';
import * as write from '@/app/crm/bulk/[version]/write/route';
import * as job from '@/app/crm/bulk/[version]/write/[id]/route';
import * as result from '@/app/crm/bulk/[version]/write/[id]/result/route';
import * as users from '@/app/crm/[version]/users/route';
import type { Db } from '@/db/client';
import { createApiKey } from '@/lib/auth/api-keys';
import type { Role } from '@/lib/auth/roles';
import { createUser } from '@/lib/users/users';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/**
 * The bulk write routes behind one dispatcher, routed as Next.js routes them: tests (and the SDK test's
 * HTTP server) call the real handlers with real Request objects.
 */
export function routeFor(
  method: string,
  pathname: string,
): { handler: Handler; params: Record<string, string> } | null {
  let match = pathname.match(/^\/crm\/(v\d+(?:\.\d+)?)\/users$/);
  if (match && method === 'GET') return { handler: users.GET as Handler, params: { version: match[1] } };
  match = pathname.match(/^\/crm\/(v\d+(?:\.\d+)?)\/upload$/);
  if (match && method === 'POST') return { handler: upload.POST as Handler, params: { version: match[1] } };
  match = pathname.match(/^\/crm\/bulk\/(v\d+(?:\.\d+)?)\/write$/);
  if (match && method === 'POST') return { handler: write.POST as Handler, params: { version: match[1] } };
  match = pathname.match(/^\/crm\/bulk\/(v\d+(?:\.\d+)?)\/write\/([^/]+)$/);
  if (match && method === 'GET') return { handler: job.GET as Handler, params: { version: match[1], id: match[2] } };
  match = pathname.match(/^\/crm\/bulk\/(v\d+(?:\.\d+)?)\/write\/([^/]+)\/result$/);
  if (match && method === 'GET') return { handler: result.GET as Handler, params: { version: match[1], id: match[2] } };
  return null;
}

export async function dispatch(request: Request): Promise<Response> {
  const route = routeFor(request.method, new URL(request.url).pathname);
  if (!route)
    return Response.json(
      { status: 'error', code: 'INVALID_URL_PATTERN', message: 'no such route', details: {} },
      { status: 404 },
    );
  return route.handler(request, { params: Promise.resolve(route.params) });
}

export type Caller = ReturnType<typeof apiCaller>;

/** Zoho-style calls with `Authorization: Zoho-oauthtoken <key>`. */
export function apiCaller(key: string, base = 'http://localhost') {
  const auth = { authorization: `Zoho-oauthtoken ${key}` };
  const json = async (response: Response) => ({ status: response.status, json: await response.json() });
  return {
    async upload(
      bytes: Buffer,
      fileName: string,
      headers: Record<string, string> = { feature: 'bulk-write', 'X-CRM-ORG': '1' },
    ) {
      const form = new FormData();
      form.set('file', new Blob([new Uint8Array(bytes)]), fileName);
      return json(
        await dispatch(
          new Request(`${base}/crm/v8/upload`, { method: 'POST', headers: { ...auth, ...headers }, body: form }),
        ),
      );
    },
    async create(body: unknown, version = 'v8') {
      return json(
        await dispatch(
          new Request(`${base}/crm/bulk/${version}/write`, {
            method: 'POST',
            headers: { ...auth, 'content-type': 'application/json' },
            body: JSON.stringify(body),
          }),
        ),
      );
    },
    async status(id: string, version = 'v8') {
      return json(await dispatch(new Request(`${base}/crm/bulk/${version}/write/${id}`, { headers: auth })));
    },
    async result(id: string) {
      return dispatch(new Request(`${base}/crm/bulk/v8/write/${id}/result`, { headers: auth }));
    },
  };
}

let counter = 0;

/** A user with an API key of the given role. */
export async function keyFor(db: Db, role: Role) {
  counter++;
  const email = `import-${role}${counter}-${Math.random().toString(36).slice(2)}@example.com`;
  const userId = await createUser(db, { name: `Importer ${counter}`, email, role, password: 'correct-horse-9' });
  const { key, id } = await createApiKey(db, { name: `import ${counter}`, role, createdBy: userId });
  return { key, userId, keyId: id, name: `Importer ${counter}` };
}
