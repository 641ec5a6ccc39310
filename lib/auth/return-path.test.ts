import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it.each([
    ['/items', '/items'],
    ['/items?q=Laptop&page=2', '/items?q=Laptop&page=2'],
    ['/serial-numbers/12#history', '/serial-numbers/12#history'],
  ])('keeps a path on this site: %s', (next, expected) => expect(safeReturnPath(next)).toBe(expected));

  it.each([
    undefined,
    null,
    '',
    'items',
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example',
    '/\\/evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    '/%2F%2Fevil.example',
  ])('sends anything else to the dashboard: %j', (next) => {
    const path = safeReturnPath(next);
    expect(new URL(path, 'https://stock.example').host).toBe('stock.example');
    if (next && !next.startsWith('/%2F')) expect(path).toBe('/');
  });

  it('takes the first of a repeated ?next=, and refuses an off-site one there too', () => {
    expect(safeReturnPath(['/items', '/stock'])).toBe('/items');
    expect(safeReturnPath(['//evil.example/', '/items'])).toBe('/');
    expect(safeReturnPath([])).toBe('/');
  });
});
