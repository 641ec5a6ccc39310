import { describe, expect, it } from 'vitest';
import { navigationHeaders, navigationPath, previousPage, stateTree } from './browser-reads';

// What Chromium sent for a click from /goods-receipts to a receipt (scripts/perf/nav-traffic.ts, Next.js 16.4.6).
const SENT_FROM_RECEIPTS =
  '%5B%22%22%2C%7B%22children%22%3A%5B%22(app)%22%2C%7B%22children%22%3A%5B%22goods-receipts%22%2C%7B%22children' +
  '%22%3A%5B%22__PAGE__%22%2C%7B%7D%2Cnull%2Cnull%2C0%5D%7D%2Cnull%2Cnull%2C0%5D%7D%2Cnull%2Cnull%2C0%5D%7D%2Cnull' +
  '%2Cnull%2C16%5D';

describe('reads as a browser sends them', () => {
  it('comes to a detail or search page from its list, to a list from the dashboard', () => {
    expect(previousPage('/goods-receipts/123')).toBe('/goods-receipts');
    expect(previousPage('/serial-numbers?q=LA9E')).toBe('/serial-numbers');
    expect(previousPage('/items?q=Laptop')).toBe('/items');
    expect(previousPage('/stock')).toBe('/');
    expect(previousPage('/')).toBe('/items');
  });

  it("sends the page's state tree byte for byte as Chromium does", () => {
    expect(stateTree('/goods-receipts')).toBe(SENT_FROM_RECEIPTS);
    expect(navigationHeaders('/goods-receipts/241473')).toEqual({
      rsc: '1',
      'next-router-state-tree': SENT_FROM_RECEIPTS,
      'next-url': '/goods-receipts',
    });
  });

  it('adds the _rsc hash learnt for the page the click comes from', () => {
    const hashes = new Map([
      ['/goods-receipts', 'abc'],
      ['/serial-numbers', 'def'],
    ]);
    expect(navigationPath('/goods-receipts/7', hashes)).toBe('/goods-receipts/7?_rsc=abc');
    expect(navigationPath('/serial-numbers?q=X1', hashes)).toBe('/serial-numbers?q=X1&_rsc=def');
  });
});
