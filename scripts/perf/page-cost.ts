// Diagnostic: the CPU time one request of each page (or API call) costs the app process and PostgreSQL,
// measured from /proc over PAGE_COST_REQUESTS sequential requests (default 40) after a warm-up. Unlike
// latencies, CPU time per request is fairly stable while other work shares the machine. Linux only.
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { assertSignedIn, ensureProductionBuild, openDb, perfEnv, sessionCookie, startApp } from './server';

const REQUESTS = Number(process.env.PAGE_COST_REQUESTS ?? 40);
// PAGE_COST_CONCURRENCY: requests in flight at once (1 = sequential); CPU per request grows with it (GC, interleaving).
const CONCURRENCY = Number(process.env.PAGE_COST_CONCURRENCY ?? 1);
// PAGE_COST_HEADERS: a JSON object of headers added to every request, e.g. a browser's RSC navigation or prefetch.
const extraHeaders = JSON.parse(process.env.PAGE_COST_HEADERS ?? '{}') as Record<string, string>;
const env = perfEnv();
ensureProductionBuild();
const app = await startApp(env, {
  RECORDS_RATE_LIMIT: '1000000',
  SERVER_TIMING: '1',
  IMPORT_WORKER: process.env.IMPORT_WORKER ?? 'false',
});
const db = openDb(env);
const ticks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

/** utime + stime of a process in ms. */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
  } catch {
    return 0;
  }
}
function children(pid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((p) => {
      try {
        return (
          Number(
            readFileSync(`/proc/${p}/stat`, 'utf8')
              .replace(/^.*\) /, '')
              .split(' ')[1],
          ) === pid
        );
      } catch {
        return false;
      }
    });
}
const appPid = Number(
  execFileSync('bash', ['-c', `ss -ltnpH 'sport = :${env.appPort}' | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2`])
    .toString()
    .trim(),
);
const postmaster = Number(readFileSync(`${env.pgDataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
const pgCpu = () => children(postmaster).reduce((sum, p) => sum + cpuMs(p), cpuMs(postmaster));

try {
  const cookie = await sessionCookie(db, 'admin@example.com');
  await assertSignedIn(env.baseUrl, cookie);
  const one = async (q: string) => String((await db.unsafe(q))[0].id);
  const [receipt, invoice, item, serial] = [
    await one(`select id::text from document where kind = 'goods_receipt' order by id desc limit 1 offset 100`),
    await one(`select id::text from document where kind = 'sales_invoice' order by id desc limit 1 offset 100`),
    await one(`select id::text from item order by id limit 1 offset 1000`),
    await one(`select id::text from serial_number order by id limit 1 offset 1000`),
  ];
  const pages = process.env.PAGES?.split(',') ?? [
    '/',
    '/items',
    '/goods-receipts',
    '/sales-invoices',
    '/serial-numbers',
    '/stock',
    `/items/${item}`,
    `/goods-receipts/${receipt}`,
    `/sales-invoices/${invoice}`,
    `/serial-numbers/${serial}`,
    '/serial-numbers?q=LA9E',
    '!/sign-in',
  ];
  console.log(`app pid ${appPid}, postmaster ${postmaster}; ${REQUESTS} requests per page, ${CONCURRENCY} at a time`);
  console.log(
    'page'.padEnd(34) +
      'app CPU ms/req'.padStart(16) +
      'pg CPU ms/req'.padStart(15) +
      'wall ms/req'.padStart(13) +
      'KB'.padStart(7),
  );
  for (const entry of pages) {
    // A leading ! sends the request without the session cookie (a stranger's page, e.g. !/sign-in).
    const page = entry.replace(/^!/, '');
    // No Accept-Encoding, like the load test's autocannon: the server does not compress.
    const headers: Record<string, string> = {
      'accept-encoding': 'identity',
      ...extraHeaders,
      ...(entry.startsWith('!') ? {} : { cookie }),
    };
    for (let i = 0; i < 5; i++) await fetch(env.baseUrl + page, { headers }).then((r) => r.arrayBuffer());
    const [a0, p0, t0] = [cpuMs(appPid), pgCpu(), performance.now()];
    let bytes = 0;
    let left = REQUESTS;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (left-- > 0)
          bytes = (await fetch(env.baseUrl + page, { headers }).then((r) => r.arrayBuffer())).byteLength;
      }),
    );
    const [a1, p1, t1] = [cpuMs(appPid), pgCpu(), performance.now()];
    console.log(
      entry.padEnd(34) +
        ((a1 - a0) / REQUESTS).toFixed(1).padStart(16) +
        ((p1 - p0) / REQUESTS).toFixed(1).padStart(15) +
        ((t1 - t0) / REQUESTS).toFixed(1).padStart(13) +
        (bytes / 1024).toFixed(0).padStart(7),
    );
  }
} finally {
  await db.end();
  await app.stop();
}
