import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { checkSerials } from '@/lib/inventory/check-serials';
import { postDocument } from '@/lib/inventory/post';

type World = Awaited<ReturnType<typeof seedWorld>>;
const today = '2026-11-22';

describe('checkSerials: live validation for the serial form', async () => {
  const { db } = await useTestDatabase();
  let w: World;
  let receipt: string;
  let issue: { id: bigint; number: string };
  beforeAll(async () => {
    w = await seedWorld(db);
    receipt = (
      await postDocument(
        db,
        {
          kind: 'goods_receipt',
          date: today,
          warehouseId: w.main,
          partnerId: w.supplier,
          lines: [{ itemId: w.tracked, quantity: '3', serials: ['C-1', 'C-2', 'C-3'] }],
        },
        w.actor,
      )
    ).number;
    await postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: today,
        warehouseId: w.shop,
        lines: [{ itemId: w.tracked, quantity: '1', serials: ['C-SHOP'] }],
      },
      w.actor,
    );
    await postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: today,
        warehouseId: w.main,
        lines: [{ itemId: w.other, quantity: '1', serials: ['C-OTHER'] }],
      },
      w.actor,
    );
    issue = await postDocument(
      db,
      {
        kind: 'goods_issue',
        date: today,
        warehouseId: w.main,
        partnerId: w.customer,
        lines: [{ itemId: w.tracked, quantity: '1', serials: ['C-3'] }],
      },
      w.actor,
    );
  });

  const check = (
    direction: 'receive' | 'issue',
    serials: string[],
    extra: { warehouseId?: bigint; excludeDocumentId?: bigint } = {},
  ) =>
    checkSerials(db, {
      itemId: w.tracked,
      warehouseId: extra.warehouseId ?? w.main,
      direction,
      serials,
      excludeDocumentId: extra.excludeDocumentId,
    });

  it('receiving: a serial already in stock is named with its warehouse and receipt; new and issued ones are fine', async () => {
    expect(await check('receive', ['C-1', 'NEW-1', 'C-3', 'C-OTHER'])).toEqual([
      {
        serial: 'C-1',
        message: `Serial C-1 of item ACME-1 is already in stock in warehouse MAIN (received by ${receipt}).`,
      },
    ]);
  });

  it('issuing: gives every reason a serial is not available', async () => {
    expect(await check('issue', ['C-1', 'C-3', 'C-SHOP', 'C-OTHER', 'NEVER'])).toEqual([
      {
        serial: 'C-3',
        message: `Serial C-3 of item ACME-1 is not in stock in warehouse MAIN: already issued by ${issue.number}.`,
      },
      {
        serial: 'C-SHOP',
        message: 'Serial C-SHOP of item ACME-1 is not in stock in warehouse MAIN: it is in warehouse SHOP.',
      },
      { serial: 'C-OTHER', message: 'Serial C-OTHER belongs to item ACME-2, not ACME-1.' },
      {
        serial: 'NEVER',
        message: 'Serial NEVER of item ACME-1 is not in stock in warehouse MAIN: it was never received.',
      },
    ]);
  });

  it('editing a document: its own serials are not reported against it', async () => {
    expect(await check('issue', ['C-3'], { excludeDocumentId: issue.id })).toEqual([]);
    const gr = await postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: today,
        warehouseId: w.main,
        lines: [{ itemId: w.tracked, quantity: '1', serials: ['C-EDIT'] }],
      },
      w.actor,
    );
    expect(await check('receive', ['C-EDIT'], { excludeDocumentId: gr.id })).toEqual([]);
    expect(await check('receive', ['C-EDIT'])).toHaveLength(1);
  });

  it('an invoice being edited excludes the goods document it generated', async () => {
    const pi = await postDocument(
      db,
      {
        kind: 'purchase_invoice',
        date: today,
        warehouseId: w.main,
        partnerId: w.supplier,
        lines: [{ itemId: w.tracked, quantity: '1', unitPrice: '10', serials: ['C-PI'] }],
      },
      w.actor,
    );
    expect(await check('receive', ['C-PI'], { excludeDocumentId: pi.id })).toEqual([]);
    expect((await check('receive', ['C-PI']))[0].message).toContain(`(received by ${pi.stockDocument!.number})`);
  });

  // Counted, not timed: the wall time at a million serials is a bench figure (bench/serials-bench.ts, npm run bench).
  it('a transfer being edited may take its own serials from its source again', async () => {
    await postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: today,
        warehouseId: w.main,
        lines: [{ itemId: w.tracked, quantity: '1', serials: ['C-MOVED'] }],
      },
      w.actor,
    );
    const tr = await postDocument(
      db,
      {
        kind: 'transfer',
        date: today,
        warehouseId: w.main,
        destinationWarehouseId: w.shop,
        lines: [{ itemId: w.tracked, quantity: '1', serials: ['C-MOVED'] }],
      },
      w.actor,
    );
    expect(await check('issue', ['C-MOVED'])).toEqual([
      {
        serial: 'C-MOVED',
        message: 'Serial C-MOVED of item ACME-1 is not in stock in warehouse MAIN: it is in warehouse SHOP.',
      },
    ]);
    expect(await check('issue', ['C-MOVED'], { excludeDocumentId: tr.id })).toEqual([]);
  });

  it('checks 10,000 serials in one query, whatever their number', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `BULK-${i}`);
    const statements = vi.spyOn(db, 'execute');
    try {
      const problems = await check('issue', many);
      expect(problems).toHaveLength(10_000);
      // The item and warehouse names, then every serial at once.
      expect(statements).toHaveBeenCalledTimes(2);
    } finally {
      statements.mockRestore();
    }
  });

  it('refuses an unknown item or warehouse', async () => {
    await expect(
      checkSerials(db, { itemId: '999999', warehouseId: String(w.main), direction: 'receive', serials: ['X'] }),
    ).rejects.toThrow('This item does not exist.');
    await expect(
      checkSerials(db, { itemId: String(w.tracked), warehouseId: 'x', direction: 'receive', serials: ['X'] }),
    ).rejects.toThrow('Choose the item and the warehouse first.');
    // An id beyond bigint is no id at all, not a database error.
    await expect(
      checkSerials(db, {
        itemId: '9223372036854775808',
        warehouseId: String(w.main),
        direction: 'receive',
        serials: ['X'],
      }),
    ).rejects.toThrow('Choose the item and the warehouse first.');
  });
});
