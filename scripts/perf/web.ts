// npm run perf:web — what a person feels on a warehouse phone: the production build in Debian's Chromium at
// 390×844, the CPU slowed 4× and a mobile network (150 ms round trip, 1.6 Mbps down, 750 kbps up), both set
// through the DevTools protocol. Prints per page its first-load JavaScript (gzip), LCP and CLS, then the
// interactions (INP-style: the longest event of the interaction, input to next paint; and until the result is
// on screen), each beside its goal. No pass/fail: times are noisy on a shared machine, the sizes are checked in
// npm test (scripts/bundle/check-budgets.ts). Its fixture: 5,000 serials of one item in stock (records API).
// PORT, PG_PORT, PG_DATA_DIR, DATABASE_URL choose the server as for npm run perf:lists (docs/quality.md).
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type postgres from 'postgres';
import { firstLoadSizes, kb } from '../bundle/first-load';
import {
  apiKey,
  describeData,
  ensureProductionBuild,
  machineLoad,
  openDb,
  perfEnv,
  sessionCookie,
  startApp,
} from './server';
import { profiled, profiling } from './web-profile';

const GOALS = { lcpMs: 1500, scanMs: 50, interactionMs: 100, formJsKb: 170 };
const STOCK_SERIALS = 5000;
const LINE_SERIALS = 1000;
const SCANS = 7;
const PAGES = [
  '/',
  '/goods-receipts',
  '/goods-receipts/new',
  '/goods-issues/new',
  '/serial-numbers',
  '/items',
  '/stock',
];
const FORM_PAGE = '/goods-receipts/new';

type Fixture = { itemCode: string; warehouseId: string; inStock: number; findSerial: string };
type Timing = { label: string; inpMs: number; doneMs: number; goalMs: number; worst?: string };
/**
 * What shows the interaction's result: an element, a text in a live region, or a link with this text. Read through
 * textContent, never innerText: the check runs in every animation frame before the paint, and a layout it forced
 * would slow the very frame it times.
 */
type Shown = { selector: string } | { text: string } | { link: string };

const env = perfEnv();
ensureProductionBuild();
const app = await startApp(env);
const db = openDb(env);
let browser: Browser | null = null;
let exitCode = 0;
try {
  console.log(`[perf:web] ${await describeData(db)}`);
  const cookie = await sessionCookie(db, 'admin@example.com');
  const fixture = await receiveStock(db);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  });
  console.log(`[perf:web] 4× CPU slowdown, 150 ms RTT, 1.6 Mbps down / 750 kbps up, 390×844; ${machineLoad()}`);
  // A profiled run times the interactions only: the profiler slows the pages, so their figures would mislead.
  if (!profiling) await printPages(browser, cookie);
  await printInteractions(browser, cookie, fixture);
  console.log(`[perf:web] done; ${machineLoad()}`);
} catch (error) {
  console.error('[perf:web] failed:', error);
  exitCode = 1;
} finally {
  await browser?.close();
  await db.end();
  await app.stop();
}
process.exit(exitCode);

/**
 * At least 5,000 serials of one serial-tracked item in stock in one warehouse: topped up through the records
 * API (the core) when fewer, so reruns on the same database measure the same stock. The agenda filter looks for
 * one of them.
 */
async function receiveStock(sql: postgres.Sql): Promise<Fixture> {
  const [item] = await sql`select id, code from item where track_serials and active order by id limit 1`;
  const [warehouse] = await sql`select id::text, code from warehouse order by id limit 1`;
  if (!item || !warehouse) throw new Error('no serial-tracked item or no warehouse: seed the database first');
  const inStock = async () =>
    (
      await sql`select count(*)::int as n from serial_number
        where item_id = ${item.id} and warehouse_id = ${warehouse.id} and status = 'in_stock'`
    )[0].n as number;
  const missing = STOCK_SERIALS - (await inStock());
  if (missing > 0) {
    const prefix = `PW${Date.now().toString(36).toUpperCase()}-`;
    const serials = Array.from({ length: missing }, (_, i) => `${prefix}${String(i + 1).padStart(5, '0')}`);
    const key = await apiKey(sql, 'perf:web', 'admin');
    const line = { Item: { Code: item.code }, Quantity: serials.length, Serial_Numbers: serials };
    const body = {
      data: [{ Date: new Date().toISOString().slice(0, 10), Warehouse: { Code: warehouse.code }, Lines: [line] }],
    };
    const response = await fetch(`${env.baseUrl}/crm/v8/Goods_Receipts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 201)
      throw new Error(`the stock receipt failed: ${response.status} ${await response.text()}`);
  }
  const stock = await inStock();
  const [found] = await sql`select serial from serial_number
    where item_id = ${item.id} and warehouse_id = ${warehouse.id} and status = 'in_stock' order by id limit 1 offset 4321`;
  console.log(`[perf:web] ${stock.toLocaleString('en')} serials of ${item.code} in stock in ${warehouse.code}`);
  return { itemCode: item.code, warehouseId: warehouse.id, inStock: stock, findSerial: found.serial };
}

/** A phone: its own context (cold cache), signed in, slowed down through CDP. */
async function phone(browser: Browser, cookie: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: env.baseUrl,
    viewport: { width: 390, height: 844 },
    hasTouch: true,
  });
  const [name, value] = [cookie.slice(0, cookie.indexOf('=')), cookie.slice(cookie.indexOf('=') + 1)];
  await context.addCookies([{ name, value, url: env.baseUrl }]);
  await context.addInitScript(observeVitals);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6e6 / 8) * 0.9,
    uploadThroughput: (750e3 / 8) * 0.9,
  });
  return { context, page };
}

/** In the page before anything else: LCP, CLS and the Event Timing entries of interactions (INP's input). */
function observeVitals() {
  const w = window as unknown as { __vitals: { lcp: number; cls: number; events: { id: number; duration: number }[] } };
  w.__vitals = { lcp: 0, cls: 0, events: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__vitals.lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
      if (!entry.hadRecentInput) w.__vitals.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { interactionId: number })[])
      if (entry.interactionId) w.__vitals.events.push({ id: entry.interactionId, duration: entry.duration });
  }).observe({ type: 'event', buffered: true, durationThreshold: 16 } as PerformanceObserverInit);
}

async function printPages(browser: Browser, cookie: string) {
  const sizes = new Map(firstLoadSizes('.next').map((load) => [load.route, kb(load.gzipBytes)]));
  console.log('');
  // TTFB beside LCP: what LCP owes to the server (its queries and render) and what to the browser.
  console.log(row(['page (cold cache)', 'first-load JS', 'JS by load', 'LCP', 'CLS', 'TTFB']));
  for (const path of PAGES) {
    const { context, page } = await phone(browser, cookie);
    await page.goto(path, { waitUntil: 'load' });
    const scriptBytes = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => /\.js(\?|$)/.test(entry.name))
        .reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).encodedBodySize, 0),
    );
    await page.waitForTimeout(1500); // late layout shifts and LCP candidates
    const vitals = await page.evaluate(
      () => (window as unknown as { __vitals: { lcp: number; cls: number } }).__vitals,
    );
    const ttfb = await page.evaluate(
      () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseStart,
    );
    const js = sizes.get(path);
    const jsGoal = path === FORM_PAGE ? ` (goal ≤ ${GOALS.formJsKb})` : '';
    console.log(
      row([
        path,
        js === undefined ? '?' : `${js.toFixed(1)} KB${jsGoal}`,
        `${(scriptBytes / 1024).toFixed(1)} KB`,
        `${Math.round(vitals.lcp)} ms (goal < ${GOALS.lcpMs})`,
        vitals.cls.toFixed(3),
        `${Math.round(ttfb)} ms`,
      ]),
    );
    await context.close();
  }
}

async function printInteractions(browser: Browser, cookie: string, fixture: Fixture) {
  const timings: Timing[] = [];
  const { context, page } = await phone(browser, cookie);
  try {
    await page.goto('/goods-receipts', { waitUntil: 'load' });
    timings.push(
      await profiled(page, 'open-form', () =>
        timed(page, 'open the receipt form (list → form)', GOALS.interactionMs, async () => {
          await page.getByRole('link', { name: 'New goods receipt' }).click();
          return { selector: '#add-item-code' };
        }),
      ),
    );
    await addLine(page, fixture.itemCode, LINE_SERIALS + 1);
    const dialog = await openSerials(page);
    await generate(page, 'PWLINE-', LINE_SERIALS);
    const scanBox = dialog.getByLabel('Scan or type a serial number');
    // Several scans, each timed: the median and the worst are printed (the last page of the list changes size).
    const scans: Timing[] = [];
    await profiled(page, 'scans', async () => {
      for (let n = 1; n <= SCANS; n++) {
        await scanBox.fill(`PWSCAN-${n}`);
        scans.push(
          await timed(page, '', GOALS.scanMs, async () => {
            await scanBox.press('Enter');
            return { text: `Added PWSCAN-${n}` };
          }),
        );
      }
    });
    timings.push(
      summary(`scan into a line of ${LINE_SERIALS.toLocaleString('en')} serials, ${SCANS}× (Enter → feedback)`, scans),
    );

    await page.goto('/goods-issues/new', { waitUntil: 'load' });
    await page.getByLabel('Warehouse', { exact: true }).selectOption(fixture.warehouseId);
    await addLine(page, fixture.itemCode, 1);
    await openSerials(page);
    timings.push(
      await timed(
        page,
        `open Pick from stock (${fixture.inStock.toLocaleString('en')} in stock)`,
        GOALS.interactionMs,
        async () => {
          await page.getByRole('button', { name: 'Pick from stock' }).click();
          return { selector: '[aria-label="Serial numbers in stock"] input' };
        },
      ),
    );

    await page.goto('/serial-numbers', { waitUntil: 'load' });
    const search = page.getByLabel('Search serial numbers');
    timings.push(
      await profiled(page, 'agenda-filter', () =>
        timed(page, 'filter the agenda (type a serial, until the rows show it)', GOALS.interactionMs, async () => {
          await search.pressSequentially(fixture.findSerial, { delay: 30 });
          return { link: fixture.findSerial };
        }),
      ),
    );
  } finally {
    await context.close();
  }
  console.log('');
  console.log(row(['interaction (median; worst INP-style / until shown)', 'INP-style', 'until shown', 'goal']));
  for (const t of timings)
    console.log(
      row([t.label, `${Math.round(t.inpMs)} ms`, `${Math.round(t.doneMs)} ms`, `< ${t.goalMs} ms${t.worst ?? ''}`]),
    );
}

/**
 * Times one interaction in the page: from the first input event of the action to the animation frame where
 * its result is first shown (polled every frame), and the longest Event Timing entry of its interactions (INP-style:
 * input delay + handlers + the next paint).
 */
async function timed(page: Page, label: string, goalMs: number, act: () => Promise<Shown>): Promise<Timing> {
  await page.evaluate(() => {
    const w = window as unknown as { __start: number | null; __vitals: { events: unknown[] } };
    w.__start = null;
    w.__vitals.events = [];
    for (const type of ['pointerdown', 'keydown', 'input'])
      addEventListener(type, (event) => (w.__start ??= event.timeStamp), { capture: true, once: true });
  });
  const shown = await act();
  const doneMs = await page.waitForFunction(
    (what) => {
      const start = (window as unknown as { __start: number | null }).__start;
      const done =
        'selector' in what
          ? document.querySelector(what.selector) !== null
          : 'text' in what
            ? [...document.querySelectorAll('[role="status"]')].some((e) => e.textContent?.includes(what.text))
            : [...document.querySelectorAll('a')].some((a) => a.textContent === what.link);
      return done && start !== null ? performance.now() - start : false;
    },
    shown,
    { polling: 'raf', timeout: 60_000 },
  );
  await page.waitForTimeout(300); // the Event Timing entry arrives after the paint
  const inpMs = await page.evaluate(() => {
    const w = window as unknown as { __vitals: { events: { duration: number }[] } };
    return Math.max(0, ...w.__vitals.events.map((e) => e.duration));
  });
  return { label, inpMs, doneMs: (await doneMs.jsonValue()) as number, goalMs };
}

async function addLine(page: Page, itemCode: string, quantity: number) {
  const code = page.getByLabel('Add item by code or EAN');
  await code.fill(itemCode);
  await code.press('Enter');
  await page.getByLabel('Quantity, line 1', { exact: true }).fill(String(quantity));
}

async function openSerials(page: Page) {
  await page.getByRole('button', { name: 'Serial numbers for line 1' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Scan or type a serial number').waitFor();
  return dialog;
}

async function generate(page: Page, prefix: string, count: number) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Generate range' }).click();
  const range = dialog.getByRole('group', { name: 'Generate range' });
  await range.getByLabel('Prefix').fill(prefix);
  await range.getByLabel('Start number').fill('1');
  await range.getByLabel('Count').fill(String(count));
  await range.getByLabel('Digits').fill('5');
  await range.getByRole('button', { name: 'Add range' }).click();
  await dialog.getByRole('status', { name: 'Serial numbers entered' }).filter({ hasText: count.toLocaleString('en') });
  await page.waitForFunction((n) => document.body.innerText.includes(`${n} /`), count.toLocaleString('en'), {
    timeout: 60_000,
  });
}

/** Several timings of one interaction as one row: median, and the worst in brackets. */
function summary(label: string, timings: Timing[]): Timing & { worst: string } {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const inp = timings.map((t) => t.inpMs);
  const done = timings.map((t) => t.doneMs);
  return {
    label,
    inpMs: median(inp),
    doneMs: median(done),
    goalMs: timings[0].goalMs,
    worst: ` (worst ${Math.round(Math.max(...inp))} / ${Math.round(Math.max(...done))})`,
  };
}

function row(cells: string[]): string {
  const widths = [58, 22, 14, 20, 10];
  return cells.map((cell, i) => cell.padEnd(widths[i] ?? 12)).join(' ');
}
