import * as collection from '@/app/crm/[version]/[module]/route';
import * as single from '@/app/crm/[version]/[module]/[id]/route';
import * as search from '@/app/crm/[version]/[module]/search/route';
import * as upsert from '@/app/crm/[version]/[module]/upsert/route';
import type { Db } from '@/db/client';
import { createApiKey } from '@/lib/auth/api-keys';
import type { Role } from '@/lib/auth/roles';
import { createUser } from '@/lib/users/users';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Routes = Record<string, Handler | undefined>;

/**
 * Calls the route handlers directly, routing a path the way Next.js does: static `search` and
 * `upsert` segments win over `[id]`. A method the route file does not export answers 405 like Next.
 */
export async function call(
  key: string | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const url = new URL(path, 'http://localhost');
  const [, crm, version, module, rest] = url.pathname.split('/');
  if (crm !== 'crm') throw new Error(`not a records path: ${path}`);
  const [routes, params] = (rest === undefined
    ? [collection, { version, module }]
    : rest === 'search'
      ? [search, { version, module }]
      : rest === 'upsert'
        ? [upsert, { version, module }]
        : [single, { version, module, id: decodeURIComponent(rest) }]) as unknown as [Routes, Record<string, string>];
  const init: RequestInit = { method, headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const handler = routes[method];
  const response = handler
    ? await handler(new Request(url, init), { params: Promise.resolve(params) })
    : new Response(null, { status: 405 });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const json: any = text ? JSON.parse(text) : null;
  return { status: response.status, json, headers: response.headers, text };
}

let counter = 0;

/** A user with an API key of the given role. */
export async function keyFor(db: Db, role: Role, name = `${role} ${++counter}`) {
  const userId = await createUser(db, {
    name: `${name} user`,
    email: `${role}${counter}-${Math.random().toString(36).slice(2)}@example.com`,
    role,
    password: 'correct-horse-9',
  });
  const { key, id } = await createApiKey(db, { name, role, createdBy: userId });
  return { key, userId, keyId: id, name: `${name} user` };
}
