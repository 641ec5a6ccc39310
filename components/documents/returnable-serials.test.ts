import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { notReturnable, pickReturnable } from './returnable-serials';

const list = ['AB-100', 'AB-1001', 'XAB-10', 'ZZ-9'];

describe("a return line's picker and check over what can go back", () => {
  it('searches any part of the serial, exact and starting matches first', () => {
    expect(pickReturnable(list, 'ab-100', 0, 10)).toEqual({ serials: ['AB-100', 'AB-1001'], total: 2 });
    const plain = ['XAB100', 'AB1001', 'AB100', 'C1'];
    expect(pickReturnable(plain, 'ab100', 0, 10).serials).toEqual(['AB100', 'AB1001', 'XAB100']);
    // Two characters find only the serials starting with them.
    expect(pickReturnable(list, 'ab', 0, 10).serials).toEqual(['AB-100', 'AB-1001']);
    expect(pickReturnable(list, '', 1, 2)).toEqual({ serials: ['AB-1001', 'XAB-10'], total: 4 });
  });

  it('pages through every serial exactly once', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[A-Z0-9]{1,6}$/), { maxLength: 40 }),
        fc.integer({ min: 1, max: 9 }),
        (serials, size) => {
          const seen: string[] = [];
          for (let offset = 0; offset < serials.length; offset += size)
            seen.push(...pickReturnable(serials, '', offset, size).serials);
          expect(seen).toEqual(serials);
        },
      ),
    );
  });

  it('names each serial that cannot go back, comparing by how it reads', () => {
    const words = { origin: 'SI-2026-00001', side: 'customer' as const, itemCode: 'ACME-1' };
    expect(notReturnable(['ab-100', 'QQ-1'], list, words)).toEqual([
      { serial: 'QQ-1', message: 'Serial QQ-1 of item ACME-1 did not leave with SI-2026-00001 or is back already.' },
    ]);
    expect(notReturnable(['QQ-1'], list, { ...words, side: 'supplier', origin: 'GR-2026-00002' })[0].message).toBe(
      'Serial QQ-1 of item ACME-1 did not come with GR-2026-00002 or is not in stock where it came in.',
    );
  });
});
