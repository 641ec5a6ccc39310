import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/db';
import { createItem, updateItem } from '@/lib/catalog/items';
import { createPartner } from '@/lib/catalog/partners';
import { createWarehouse } from '@/lib/catalog/warehouses';

/** Item, partner and warehouse codes are unique as they read, like serials; EANs as a scanner reads them. */
describe('code identity', async () => {
  const { db } = await useTestDatabase();

  it.each(['abc-1', 'ＡＢＣ-１', 'ABC-1\u200b', '\u0410BC-1', 'ABC-I'])(
    'refuses item code %j beside ABC-1, naming the code held',
    async (variant) => {
      await createItem(db, { code: 'ABC-1', name: 'First' }).catch(() => undefined);
      const shown = variant.replace(/\u200b$/, '');
      const message =
        shown === 'ABC-1'
          ? 'An item with code ABC-1 already exists.'
          : `Code ${shown} looks the same as ABC-1, the code of an existing item.`;
      await expect(createItem(db, { code: variant, name: 'Second' })).rejects.toMatchObject({
        code: 'DUPLICATE_DATA',
        fieldErrors: { code: message },
      });
    },
  );

  it('refuses renaming an item to a look-alike of another code, but lets an item change its own spelling', async () => {
    await createItem(db, { code: 'REN-1', name: 'One' });
    const id = await createItem(db, { code: 'REN-2', name: 'Two' });
    await expect(updateItem(db, id, { code: 'ren-1', name: 'Two' })).rejects.toThrow(
      'Code ren-1 looks the same as REN-1, the code of an existing item.',
    );
    await updateItem(db, id, { code: 'ren-2', name: 'Two' });
  });

  it('applies to partners and warehouses', async () => {
    await createPartner(db, { code: 'SUP-1', name: 'Supplier', type: 'supplier' });
    await expect(createPartner(db, { code: 'sup-1', name: 'Again', type: 'supplier' })).rejects.toThrow(
      'Code sup-1 looks the same as SUP-1, the code of an existing partner.',
    );
    await createWarehouse(db, { code: 'MAIN', name: 'Main' });
    await expect(createWarehouse(db, { code: 'ＭＡＩＮ', name: 'Again' })).rejects.toThrow(
      'Code ＭＡＩＮ looks the same as MAIN, the code of an existing warehouse.',
    );
  });

  it('refuses control characters in codes, naming the position', async () => {
    await expect(createItem(db, { code: 'X\u0001Y', name: 'Bad' })).rejects.toMatchObject({
      fieldErrors: { code: 'Code "X�Y" has a control character (U+0001) at position 2; remove it.' },
    });
    await expect(createWarehouse(db, { code: 'W\u202e1', name: 'Bad' })).rejects.toThrow(/text-direction control/);
  });

  it('stores EANs as digits and refuses a wrong check digit or a scanned duplicate', async () => {
    await createItem(db, { code: 'EAN-1', name: 'One', ean: ' 4006381 333931 ' });
    await expect(createItem(db, { code: 'EAN-2', name: 'Two', ean: '４００６３８１３３３９３１' })).rejects.toThrow(
      'EAN 4006381333931 is already used by another item.',
    );
    await expect(createItem(db, { code: 'EAN-3', name: 'Three', ean: '4006381333932' })).rejects.toThrow(
      'EAN 4006381333932 has a wrong check digit: the last digit should be 1.',
    );
  });
});
