import { expect, test, type Page, type Request } from '@playwright/test';
import { signIn } from './helpers';

/** The app's own data requests (RSC navigations and prefetches), not scripts, styles or images. */
function recordServerRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (request) => {
    if (request.headers()['rsc'] === '1') seen.push(request);
  });
  return seen;
}

// Next.js prefetched every link on screen by default: /items sent 48 requests besides its own. A page of ours is
// dynamic, so those brought nothing a click could use (components/ui/link.tsx).
test('a page view asks the server for nothing more, and a click for its page only', async ({ page }) => {
  await signIn(page, 'admin');
  const requests = recordServerRequests(page);
  await page.goto('/items');
  await expect(page.getByRole('table')).toBeVisible();
  await page.mouse.move(5, 5);
  await page.waitForTimeout(1500); // viewport prefetches start after the page is idle
  expect(requests.map((r) => r.url())).toEqual([]);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Goods receipts' }).click();
  await expect(page).toHaveURL(/\/goods-receipts$/);
  await expect(page.getByRole('table')).toBeVisible();
  await page.waitForTimeout(1500);
  const paths = requests.map((r) => new URL(r.url()).pathname);
  expect(paths).toEqual(['/goods-receipts']);
  expect(requests[0].headers()['next-router-prefetch']).toBeUndefined();
});
