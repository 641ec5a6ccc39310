import path from 'node:path';
import fc from 'fast-check';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ROUTE_METHODS } from '@/lib/api/methods';
import { keyFor } from '@/test/api/records-client';
import { HTTP_METHODS, ROOT, routeFiles, urlPattern } from '@/test/authz/inventory';
import { createPrincipals } from '@/test/authz/principals';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { apiCaller } from '@/test/import/api';
import { csv } from '@/test/import/drain';
import { percentEncode } from './hostile';
import { KNOWN_IDS, ROUTE_PLANS, type FuzzRequest } from './route-plans';

// Session-only routes (/stock/export, /serial-numbers/find) read the caller through next/headers.
const session = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({
  headers: async () => session.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));

/** Seeded and bounded, so `npm test` runs the same few seconds every time; FUZZ_SEED / FUZZ_RUNS explore further. */
const SEED = Number(process.env.FUZZ_SEED ?? 13);
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Route = { file: string; pattern: string; handlers: Record<string, Handler> };

/** Every app/**\/route.ts with the methods it exports, found on disk the way Next.js finds them. */
async function loadRoutes(): Promise<Route[]> {
  return Promise.all(
    routeFiles().map(async (file) => {
      const exports = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
      const handlers = Object.fromEntries(
        HTTP_METHODS.filter((m) => typeof exports[m] === 'function').map((m) => [m, exports[m] as Handler]),
      );
      return { file, pattern: urlPattern(file), handlers };
    }),
  );
}

/**
 * Every route handler, every method it exports, called in-process with fuzzed dynamic segments, query
 * strings and bodies (test/no5xx/route-plans.ts): no answer may be a 5xx or carry INTERNAL_ERROR.
 * A route without a plan fails the coverage test, so a new route is fuzzed from the day it exists.
 */
describe('route handlers never answer 5xx to hostile input', async () => {
  const { db } = await useTestDatabase();
  const routes = await loadRoutes();
  let apiKey = '';

  beforeAll(async () => {
    process.env.RECORDS_RATE_LIMIT = '1000000';
    const world = await seedWorld(db);
    apiKey = (await keyFor(db, 'admin')).key;
    session.headers = new Headers({ cookie: (await createPrincipals(db)).admin.cookie });
    const uploaded = await apiCaller(apiKey).upload(
      csv([
        ['Code', 'Name'],
        ['FZ-1', 'Fuzz'],
      ]),
      'items.csv',
    );
    KNOWN_IDS.push(String(world.main), String(world.tracked), String(world.supplier), uploaded.json.details.file_id);
  });

  it("has a plan for every route file, and the server's method table matches the exports", () => {
    const patterns = routes.map((r) => r.pattern).sort();
    expect(Object.keys(ROUTE_PLANS).sort(), 'test/no5xx/route-plans.ts must list every route').toEqual(patterns);
    const exported = Object.fromEntries(routes.map((r) => [r.pattern, Object.keys(r.handlers).sort()]));
    const declared = Object.fromEntries(Object.entries(ROUTE_METHODS).map(([p, methods]) => [p, [...methods].sort()]));
    expect(declared, 'lib/api/methods.ts ROUTE_METHODS must list what each route exports').toEqual(exported);
  });

  const cases = routes.flatMap((route) => Object.keys(route.handlers).map((method) => ({ route, method })));
  it.each(cases.map((c, index) => [`${c.method} ${c.route.pattern}`, c, index] as const))(
    '%s',
    async (_name, { route, method }, index) => {
      const plan = ROUTE_PLANS[route.pattern];
      expect(plan, `no fuzz plan for ${route.pattern}`).toBeDefined();
      await fc.assert(
        fc.asyncProperty(plan.request(method), async (fuzz) => {
          const request = buildRequest(
            route.pattern,
            method,
            fuzz,
            plan.auth === 'key' ? { authorization: `Bearer ${apiKey}` } : Object.fromEntries(session.headers),
          );
          const response = await route.handlers[method](request, { params: Promise.resolve(fuzz.params) });
          const text = await response.text();
          if (response.status >= 500 || text.includes('INTERNAL_ERROR')) {
            throw new Error(
              `${method} ${request.url} ${describeBody(fuzz)} answered ${response.status}: ${text.slice(0, 400)}`,
            );
          }
        }),
        { seed: SEED + index, numRuns: RUNS, endOnFailure: true },
      );
    },
  );
});

function buildRequest(pattern: string, method: string, fuzz: FuzzRequest, auth: Record<string, string>): NextRequest {
  const pathname = pattern.replace(/\[(\w+)\]/g, (_m, name: string) => percentEncode(fuzz.params[name] ?? '') || '%20');
  const headers = new Headers(auth);
  for (const [name, value] of Object.entries(fuzz.body?.headers ?? {})) headers.set(name, value);
  if (fuzz.body?.contentType) headers.set('content-type', fuzz.body.contentType);
  const body = fuzz.body?.payload ?? undefined;
  return new NextRequest(`http://localhost${pathname}${fuzz.query}`, {
    method,
    headers,
    body: body as BodyInit | undefined,
  });
}

function describeBody(fuzz: FuzzRequest): string {
  const payload = fuzz.body?.payload;
  if (payload === undefined || payload === null) return '';
  if (typeof payload === 'string') return `body=${JSON.stringify(payload.slice(0, 400))}`;
  if (payload instanceof FormData) {
    const file = payload.get('file') as File;
    return `form file=${JSON.stringify(file.name)} (${file.size} bytes)`;
  }
  return `body=<${payload.length} bytes>`;
}
