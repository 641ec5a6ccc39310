import { expect, test, type APIRequestContext } from '@playwright/test';
import fc from 'fast-check';
import { allowOf, ROUTE_METHODS } from '../lib/api/methods';
import { pageFiles, routeFiles, urlPattern } from '../test/authz/inventory';
import { hostileQuery, hostileText, percentEncode } from '../test/no5xx/hostile';
import { signIn } from './helpers';

/**
 * No 5xx on input, against the production server: every page found on disk (app/**\/page.tsx) is asked
 * for with the search parameters the hostile tester used and with fast-check-generated ones, signed in as
 * an admin; no answer may be a 5xx or carry an error boundary. Every route handler found on disk
 * (app/**\/route.ts) is sent TRACE and PATCH and must answer 405 with its Allow list, and a path that is not
 * UTF-8 must answer 400. Seeded and bounded.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 13);
const FUZZED_PER_PAGE = Number(process.env.FUZZ_PAGE_RUNS ?? 4);

/** The reported ones: NUL bytes, a lone surrogate, impossible dates, repeated and huge parameters. */
const REPORTED = [
  '?q=%00',
  '?q=a%00b',
  '?q=%ED%A0%80',
  '?from=0000-01-01',
  '?to=2026-02-30',
  '?from=9999-12-31&to=0000-01-01',
  '?q=a&q=b',
  '?item=%00&serial=%00&partner=%00&warehouse=%00',
  '?page=99999999999999999999&perPage=1e400&sort=%00.desc',
  '?all=1&q=%00',
  `?q=${'x'.repeat(5000)}`,
  '?ids=99999999999999999999,%00&document=%00',
  '?next=%00',
];
const PAGE_PARAMS = [
  'q',
  'from',
  'to',
  'item',
  'serial',
  'partner',
  'warehouse',
  'page',
  'perPage',
  'sort',
  'all',
  'ids',
  'document',
  'type',
  'tracking',
  'active',
  'role',
  'status',
  'next',
];
const ID_VALUES = ['1', '999999999', '9'.repeat(20), '9223372036854775808', '-1', '%00', '%ED%A0%80', 'abc'];
/** What app/error.tsx and app/global-error.tsx say, and the digest Next.js puts in the HTML for a server error. */
const ERROR_MARKS = [/This page could not be loaded/, /SerialStock could not be loaded/, /data-dgst="\d+"/];

let admin: APIRequestContext;

test.beforeAll(async ({ browser, playwright }, testInfo) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'admin');
  admin = await playwright.request.newContext({
    baseURL: testInfo.project.use.baseURL,
    storageState: await context.storageState(),
  });
  await context.close();
});

test.afterAll(async () => {
  await admin.dispose();
});

function fuzzedQueries(pattern: string): string[] {
  const seed = SEED + [...pattern].reduce((sum, c) => sum + c.charCodeAt(0), 0);
  return fc.sample(hostileQuery(PAGE_PARAMS), { seed, numRuns: FUZZED_PER_PAGE });
}

/** The URLs asked for a page: every query on it (a detail page: on record 1), and each hostile id without one. */
function urlsOf(pattern: string): string[] {
  const queries = [...REPORTED, ...fuzzedQueries(pattern)];
  if (!pattern.includes('[id]')) return queries.map((query) => `${pattern}${query}`);
  const ids = [...ID_VALUES, ...fc.sample(hostileText.map(percentEncode), { seed: SEED, numRuns: 2 })].filter(Boolean);
  return [
    ...queries.map((query) => `${pattern.replace('[id]', '1')}${query}`),
    ...ids.map((id) => pattern.replace('[id]', id)),
  ];
}

test('every page answers hostile search params without a 5xx or an error boundary', async () => {
  test.setTimeout(180_000);
  const patterns = pageFiles().map(urlPattern);
  expect(patterns.length).toBeGreaterThan(30);
  const failures: string[] = [];
  for (const url of patterns.flatMap(urlsOf)) {
    const response = await admin.get(url, { maxRedirects: 0 });
    const body = await response.text();
    const mark = ERROR_MARKS.find((m) => m.test(body));
    if (response.status() >= 500 || mark)
      failures.push(`${url.slice(0, 200)} → ${response.status()}${mark ? ` ${mark}` : ''}`);
  }
  expect(failures).toEqual([]);
});

test('every route handler answers TRACE and PATCH with 405 and its Allow list', async () => {
  const patterns = routeFiles().map(urlPattern);
  expect(Object.keys(ROUTE_METHODS).sort()).toEqual([...patterns].sort());
  for (const pattern of patterns) {
    const path = pattern
      .replace('[version]', 'v8')
      .replace('[module]', 'Items')
      .replace('[id]', '1')
      .replace('[file]', 'Items.csv');
    for (const method of ['TRACE', 'PATCH']) {
      const response = await admin.fetch(path, { method, maxRedirects: 0 });
      expect(response.status(), `${method} ${path}`).toBe(405);
      expect(response.headers().allow, `${method} ${path}`).toBe(allowOf(pattern));
    }
  }
  const page = await admin.fetch('/items', { method: 'TRACE', maxRedirects: 0 });
  expect(page.status()).toBe(405);
});

test('a path that is not percent-encoded UTF-8 answers 400, on pages and route handlers alike', async () => {
  for (const path of [
    '/items/%ED%A0%80',
    '/goods-receipts/%FF/edit',
    '/crm/v8/Items/%ED%A0%80',
    '/crm/v8/%C0%80',
    '/import/templates/%E2%82',
  ]) {
    const response = await admin.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(400);
  }
});
