// npm run perf:lists — first pages and searches of every list at the large data set's size, against the
// production build: 100 sequential requests per target, p50/p95 of the time to the full response on
// localhost (an upper bound of server time). Prints a table; no pass/fail. Run `npm run seed:large` first.
// PERF_REQUESTS changes the count; PORT, PG_PORT, PG_DATA_DIR, DATABASE_URL the target (docs/quality.md).
import type postgres from 'postgres';
import {
  apiKey,
  assertSignedIn,
  describeData,
  ensureProductionBuild,
  machineLoad,
  openDb,
  percentile,
  perfEnv,
  sessionCookie,
  startApp,
} from './server';

const REQUESTS = Number(process.env.PERF_REQUESTS ?? 100);
const WARMUP = 5;
type Target = { label: string; urls: string[]; auth: 'cookie' | 'key' };

const env = perfEnv();
ensureProductionBuild();
const app = await startApp(env, { RECORDS_RATE_LIMIT: '1000000', SERVER_TIMING: '1' });
const db = openDb(env);
let exitCode = 0;
try {
  const cookie = await sessionCookie(db, 'admin@example.com');
  await assertSignedIn(env.baseUrl, cookie);
  console.log(`[perf] ${await describeData(db)}`);
  const key = await apiKey(db, 'perf:lists', 'admin');
  const targets = await targetsFrom(db);
  console.log(
    `[perf] ${REQUESTS} sequential requests per target (after ${WARMUP} warm-up requests), times to the full response; ${machineLoad()}`,
  );
  console.log(row(['target', 'status', 'p50 ms', 'p95 ms', 'max ms', 'KB', 'Server-Timing']));
  for (const target of targets) {
    const headers: Record<string, string> = target.auth === 'cookie' ? { cookie } : { authorization: `Bearer ${key}` };
    console.log(row(await measure(target, headers)));
  }
  console.log(`[perf] done; ${machineLoad()}`);
} catch (error) {
  console.error('[perf] failed:', error);
  exitCode = 1;
} finally {
  await db.end();
  await app.stop();
}
process.exit(exitCode);

/** Search values taken from the data itself, rotated over the requests so no two in a row are the same. */
async function targetsFrom(sql: postgres.Sql): Promise<Target[]> {
  const pick = async (query: string) => (await sql.unsafe(query)).map((r) => String(r.v));
  const serials = await pick(
    `select serial as v from serial_number where status = 'in_stock' order by id desc limit 10`,
  );
  const received = await pick(`select serial as v from serial_number order by id limit 10 offset 5000`);
  const prefixes = serials.map((s) => s.slice(0, 4));
  // People read the last digits off a label: the search by any part of the serial (issue 15).
  const endings = serials.map((s) => s.slice(-4));
  const ids = (where: string) => pick(`select id::text as v from ${where} order by id limit 10 offset 1000`);
  const [items, receipts, invoices, serialIds] = [
    await ids('item'),
    await ids(`document where kind = 'goods_receipt'`),
    await ids(`document where kind = 'sales_invoice'`),
    await ids('serial_number'),
  ];
  const words = await pick(
    `select split_part(name, ' ', 2) || ' ' || split_part(name, ' ', 3) as v from item order by id limit 10 offset 777`,
  );
  const enc = encodeURIComponent;
  const page = (path: string): Target => ({ label: path, urls: [path], auth: 'cookie' });
  return [
    page('/'),
    page('/items'),
    page('/partners'),
    page('/goods-receipts'),
    page('/goods-issues'),
    page('/purchase-invoices'),
    page('/sales-invoices'),
    page('/serial-numbers'),
    page('/stock'),
    { label: '/items?q=<name words>', urls: words.map((w) => `/items?q=${enc(w)}`), auth: 'cookie' },
    {
      label: '/serial-numbers?q=<4-char prefix>',
      urls: prefixes.map((p) => `/serial-numbers?q=${enc(p)}`),
      auth: 'cookie',
    },
    {
      label: '/serial-numbers?q=<last 4 chars>',
      urls: endings.map((e) => `/serial-numbers?q=${enc(e)}`),
      auth: 'cookie',
    },
    {
      label: '/goods-receipts?serial=<serial>',
      urls: received.map((s) => `/goods-receipts?serial=${enc(s)}`),
      auth: 'cookie',
    },
    { label: '/stock?q=<name words>', urls: words.map((w) => `/stock?q=${enc(w)}`), auth: 'cookie' },
    { label: '/items/<id> (detail)', urls: items.map((id) => `/items/${id}`), auth: 'cookie' },
    { label: '/goods-receipts/<id> (detail)', urls: receipts.map((id) => `/goods-receipts/${id}`), auth: 'cookie' },
    { label: '/sales-invoices/<id> (detail)', urls: invoices.map((id) => `/sales-invoices/${id}`), auth: 'cookie' },
    { label: '/serial-numbers/<id> (detail)', urls: serialIds.map((id) => `/serial-numbers/${id}`), auth: 'cookie' },
    { label: 'GET /crm/v8/Items?per_page=200', urls: ['/crm/v8/Items?per_page=200'], auth: 'key' },
    {
      label: 'GET /crm/v8/Serial_Numbers/search?word=<serial>',
      urls: serials.map((s) => `/crm/v8/Serial_Numbers/search?word=${enc(s)}`),
      auth: 'key',
    },
    {
      label: 'GET /crm/v8/Serial_Numbers/search?word=<last 4 chars>',
      urls: endings.map((e) => `/crm/v8/Serial_Numbers/search?word=${enc(e)}`),
      auth: 'key',
    },
  ];
}

async function measure(target: Target, headers: Record<string, string>): Promise<string[]> {
  const times: number[] = [];
  const statuses = new Set<number>();
  let bytes = 0;
  let timing = '';
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const url = env.baseUrl + target.urls[i % target.urls.length];
    const started = performance.now();
    const response = await fetch(url, { headers, redirect: 'manual' });
    const body = await response.arrayBuffer();
    const ms = performance.now() - started;
    if (i < WARMUP) continue;
    times.push(ms);
    statuses.add(response.status);
    bytes = body.byteLength;
    timing ||= response.headers.get('server-timing') ?? '';
  }
  return [
    target.label,
    [...statuses].join('/'),
    percentile(times, 50).toFixed(1),
    percentile(times, 95).toFixed(1),
    Math.max(...times).toFixed(1),
    (bytes / 1024).toFixed(1),
    timing || '—',
  ];
}

function row(cells: string[]): string {
  const widths = [48, 7, 8, 8, 8, 6, 0];
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' ');
}
