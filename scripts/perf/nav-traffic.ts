// Diagnostic: what the browser asks the server for when a signed-in user opens a page, then clicks through (the
// document loads and RSC fetches, with their Next.js headers). `npx tsx scripts/perf/nav-traffic.ts` on the large data
// set; the load test's reads send what this prints (browser-reads.ts).
import { chromium } from '@playwright/test';
import { ensureProductionBuild, openDb, perfEnv, sessionCookie, startApp } from './server';
const env = perfEnv();
ensureProductionBuild();
const app = await startApp(env, { IMPORT_WORKER: 'false' });
const db = openDb(env);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const cookie = await sessionCookie(db, 'admin@example.com');
  const [name, value] = cookie.split('=');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([{ name, value: decodeURIComponent(value), url: env.baseUrl }]);
  const page = await context.newPage();
  const log: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'document' || r.resourceType() === 'fetch')
      log.push(
        `${r.resourceType()} ${r.method()} ${r.url().replace(env.baseUrl, '')} ${JSON.stringify(Object.fromEntries(Object.entries(r.headers()).filter(([k]) => k.startsWith('next') || k === 'rsc')))}`,
      );
  });
  await page.goto(env.baseUrl + '/items');
  await page.waitForTimeout(3000);
  log.push('--- click Goods receipts');
  await page
    .getByRole('link', { name: /receipts/i })
    .first()
    .click();
  await page.waitForTimeout(3000);
  log.push('--- click first document');
  await page.locator('table a').first().click();
  await page.waitForTimeout(3000);
  console.log(log.map((l) => l.slice(0, 400)).join('\n'));
} finally {
  await browser.close();
  await db.end();
  await app.stop();
}
