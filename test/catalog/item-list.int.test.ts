import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/db';
import { createItem } from '@/lib/catalog/items';
import { listItems, parseItemListParams } from '@/lib/catalog/item-queries';

/*
 * The item list's search (code or name containing the text, any case, or the exact EAN), with the filters, against
 * a model: the same items filtered in JavaScript. Written after the search moved to "matches first, then sort"
 * for 100,000 items (see itemWhere).
 */
const WORDS = ['Patch', 'cable', 'Monitor', 'Pro', 'USB', 'hub', 'Dock', 'mini'];

/** An EAN-13 with its check digit. */
function ean13(twelve: string): string {
  const sum = [...twelve].reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return twelve + String((10 - (sum % 10)) % 10);
}

describe('item list search', async () => {
  const { db } = await useTestDatabase();
  const items = Array.from({ length: 40 }, (_, n) => ({
    code: `IT-${String(n).padStart(3, '0')}${n % 3 === 0 ? 'X' : ''}`,
    name: `${WORDS[n % WORDS.length]} ${WORDS[(n * 3 + 1) % WORDS.length]} ${n}`,
    ean: n % 5 === 0 ? ean13(String(859000000000 + n)) : undefined,
    trackSerials: n % 2 === 0,
  }));

  it('finds what the model finds, with the filters, and counts it', async () => {
    for (const it of items) await createItem(db, { ...it, vatRate: '21', salePrice: '1', purchasePrice: '1' });
    const texts = fc.oneof(
      fc.constantFrom(...WORDS, 'IT-01', 'x', 'le ca', 'PATCH CABLE', 'nothing'),
      fc.constantFrom(...items.filter((i) => i.ean).map((i) => i.ean!)),
    );
    await fc.assert(
      fc.asyncProperty(texts, fc.constantFrom(undefined, 'yes', 'no'), async (q, tracking) => {
        const params = parseItemListParams({ q, perPage: '100', ...(tracking ? { tracking } : {}) });
        const { rows, total } = await listItems(db, params);
        const needle = q.toLowerCase();
        const expected = items.filter(
          (i) =>
            (i.code.toLowerCase().includes(needle) || i.name.toLowerCase().includes(needle) || i.ean === q) &&
            (tracking === undefined || i.trackSerials === (tracking === 'yes')),
        );
        expect(rows.map((r) => r.code).sort()).toEqual(expected.map((i) => i.code).sort());
        expect(total).toBe(expected.length);
      }),
      { numRuns: 40 },
    );
  });
});
