import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postDocument } from '@/lib/inventory/post';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { appSetting } from '@/db/schema';
import { listenForTableChanges } from '@/lib/cache/table-changes';
import {
  DEFAULT_SETTINGS,
  getCompanySettings,
  saveCompanySettings,
  SETTINGS_CACHE_MS,
  SETTINGS_KEY,
} from '@/lib/settings/company';

type World = Awaited<ReturnType<typeof seedWorld>>;

describe('company settings', async () => {
  const { db } = await useTestDatabase();
  let w: World;
  let stopListening: () => Promise<void>;
  beforeAll(async () => {
    w = await seedWorld(db);
    // As the server does: a setting written by another process (here: straight into the table) reaches the cache.
    stopListening = await listenForTableChanges();
  });
  afterAll(() => stopListening());
  const invoice = (createStockDocument?: boolean) => ({
    kind: 'purchase_invoice' as const,
    date: '2026-08-01',
    warehouseId: w.main,
    partnerId: w.supplier,
    ...(createStockDocument === undefined ? {} : { createStockDocument }),
    lines: [{ itemId: w.plain, quantity: '1', unitPrice: '1' }],
  });

  it('numbers new documents with the saved prefixes and digits', async () => {
    expect(await getCompanySettings(db)).toEqual(DEFAULT_SETTINGS);
    const first = await postDocument(
      db,
      { kind: 'goods_receipt', date: '2026-08-01', warehouseId: w.main, lines: [{ itemId: w.plain, quantity: '1' }] },
      w.actor,
    );
    expect(first.number).toBe('GR-2026-00001');
    await saveCompanySettings(db, {
      ...DEFAULT_SETTINGS,
      prefixes: { ...DEFAULT_SETTINGS.prefixes, goods_receipt: 'pri' },
      digits: 7,
    });
    await postDocument(
      db,
      { kind: 'goods_receipt', date: '2026-08-01', warehouseId: w.main, lines: [{ itemId: w.plain, quantity: '1' }] },
      w.actor,
    ).then((after) => expect(after.number).toBe('PRI-2026-0000002'));
  });

  it('an invoice that does not say follows the company default; one that says keeps its choice', async () => {
    await saveCompanySettings(db, { ...(await getCompanySettings(db)), createStockDocument: false });
    expect((await postDocument(db, invoice(), w.actor)).stockDocument).toBeNull();
    expect((await postDocument(db, invoice(true), w.actor)).stockDocument).not.toBeNull();
  });

  it('keeps settings saved before a kind of document existed, giving the new kind its own prefix', async () => {
    const before = await getCompanySettings(db);
    const older: Partial<typeof DEFAULT_SETTINGS.prefixes> = { ...DEFAULT_SETTINGS.prefixes, goods_issue: 'OUT' };
    delete older.transfer;
    await db
      .insert(appSetting)
      .values({ key: SETTINGS_KEY, value: JSON.stringify({ ...DEFAULT_SETTINGS, prefixes: older, digits: 6 }) })
      .onConflictDoUpdate({
        target: appSetting.key,
        set: { value: JSON.stringify({ ...DEFAULT_SETTINGS, prefixes: older, digits: 6 }) },
      });
    // Remembered settings are dropped on the trigger's notification, well before they would expire.
    await expect
      .poll(() => getCompanySettings(db), { timeout: SETTINGS_CACHE_MS / 3, interval: 20 })
      .toMatchObject({ digits: 6, prefixes: { goods_issue: 'OUT', transfer: 'TR' } });
    await saveCompanySettings(db, before);
  });

  it('refuses one prefix for two kinds, and a prefix another kind\u2019s documents carry', async () => {
    const current = await getCompanySettings(db);
    await expect(
      saveCompanySettings(db, { ...current, prefixes: { ...current.prefixes, goods_issue: 'PRI' } }),
    ).rejects.toMatchObject({ fieldErrors: { 'prefixes.goods_issue': 'Goods receipts already use the prefix PRI.' } });
    // No setting names GR any more, but the receipts numbered before carry it.
    await expect(
      saveCompanySettings(db, { ...current, prefixes: { ...current.prefixes, goods_issue: 'GR' } }),
    ).rejects.toThrow(/already carries the prefix GR; choose another prefix for goods issues/);
    await expect(saveCompanySettings(db, { ...current, digits: 12 })).rejects.toThrow(
      'Digits must be a whole number from 3 to 9.',
    );
  });
});
