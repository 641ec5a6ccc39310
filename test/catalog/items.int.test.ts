import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { item, serialNumber, stockLevel, warehouse } from '@/db/schema';
import { useTestDatabase } from '@/test/db';
import { DomainError } from '@/lib/errors';
import { createItem, updateItem } from '@/lib/catalog/items';
import { withCodeKey } from '@/lib/catalog/code-key';

const base = { code: 'ACME-1', name: 'Acme widget', purchasePrice: '10.50', salePrice: '15', vatRate: '21' };

describe('items', async () => {
  const { db } = await useTestDatabase();
  let warehouseId: bigint;
  beforeAll(async () => {
    [{ id: warehouseId }] = await db
      .insert(warehouse)
      .values(withCodeKey({ code: 'W1', name: 'Main' }))
      .returning({ id: warehouse.id });
  });

  it('stores prices as exact decimals and defaults the rest', async () => {
    const id = await createItem(db, { ...base, code: 'EXACT-1', purchasePrice: '0.1', salePrice: '1234567.8901' });
    const [row] = await db.select().from(item).where(eq(item.id, id));
    expect(row.purchasePrice).toBe('0.1000');
    expect(row.salePrice).toBe('1234567.8901');
    expect(row.unit).toBe('pcs');
    expect(typeof row.id).toBe('bigint');
  });

  it('refuses a duplicate code and a duplicate EAN with a message on the field', async () => {
    await createItem(db, { ...base, code: 'DUP-1', ean: '8590000000008' });
    await expect(createItem(db, { ...base, code: 'DUP-1' })).rejects.toMatchObject({
      code: 'DUPLICATE_DATA',
      fieldErrors: { code: 'An item with code DUP-1 already exists.' },
    });
    await expect(createItem(db, { ...base, code: 'DUP-2', ean: '8590000000008' })).rejects.toMatchObject({
      fieldErrors: { ean: 'EAN 8590000000008 is already used by another item.' },
    });
  });

  it('refuses invalid input with every field message and writes nothing', async () => {
    const error = await createItem(db, { code: 'bad code', name: '', salePrice: '-3', ean: '123' }).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.fieldErrors).toMatchObject({
      code: 'Code cannot contain spaces.',
      name: 'Enter the name.',
      salePrice: 'Sale price cannot be negative.',
      ean: 'EAN must have 8, 12, 13 or 14 digits.',
    });
    expect(await db.select().from(item).where(eq(item.code, 'bad code'))).toHaveLength(0);
  });

  it('refuses switching tracking off while serials are in stock', async () => {
    const id = await createItem(db, { ...base, code: 'TRK-1', trackSerials: true });
    await db.insert(serialNumber).values({
      itemId: id,
      serial: 'SN-1',
      serialKey: 'sn-1',
      lastMovedOn: '2026-01-01',
      status: 'in_stock',
      warehouseId,
      receivedLineId: 1n,
    });
    await expect(updateItem(db, id, { ...base, code: 'TRK-1', trackSerials: false })).rejects.toThrow(
      'Serial-number tracking of TRK-1 cannot be switched off: 1 serial number is in stock.',
    );
    await db.update(serialNumber).set({ status: 'issued' }).where(eq(serialNumber.itemId, id));
    await updateItem(db, id, { ...base, code: 'TRK-1', trackSerials: false });
    expect((await db.select().from(item).where(eq(item.id, id)))[0].trackSerials).toBe(false);
  });

  it('refuses switching tracking on while the item has stock without serials', async () => {
    const id = await createItem(db, { ...base, code: 'TRK-2', unit: 'pcs' });
    await db.insert(stockLevel).values({ itemId: id, warehouseId, quantity: '12' });
    await expect(updateItem(db, id, { ...base, code: 'TRK-2', trackSerials: true })).rejects.toThrow(
      'Serial-number tracking of TRK-2 cannot be switched on: 12 pcs are in stock without serial numbers.',
    );
    await db.update(stockLevel).set({ quantity: '0' }).where(eq(stockLevel.itemId, id));
    await updateItem(db, id, { ...base, code: 'TRK-2', trackSerials: true });
    expect((await db.select().from(item).where(eq(item.id, id)))[0].trackSerials).toBe(true);
  });

  it('reports a missing item', async () => {
    await expect(updateItem(db, 999999n, base)).rejects.toThrow('This item does not exist.');
  });
});
