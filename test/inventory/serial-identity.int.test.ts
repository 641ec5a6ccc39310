import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { serialMovement, serialNumber } from '@/db/schema';
import { isDomainError } from '@/lib/errors';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { checkSerials } from '@/lib/inventory/check-serials';
import { postDocument } from '@/lib/inventory/post';

type World = Awaited<ReturnType<typeof seedWorld>>;
const today = '2026-11-22';

/** Serials a person reads as the same are one serial, at every door that reaches the core. */
describe('serial identity', async () => {
  const { db } = await useTestDatabase();
  let w: World;
  let receipt: string;
  beforeAll(async () => {
    w = await seedWorld(db);
    receipt = (
      await postDocument(
        db,
        {
          kind: 'goods_receipt',
          date: today,
          warehouseId: w.main,
          lines: [{ itemId: w.tracked, quantity: '1', serials: ['ABC123'] }],
        },
        w.actor,
      )
    ).number;
  });

  const receive = (serial: string) =>
    postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: today,
        warehouseId: w.main,
        lines: [{ itemId: w.tracked, quantity: '1', serials: [serial] }],
      },
      w.actor,
    );

  it.each(['abc123', 'ＡＢＣ１２３', 'ABC123\u200b', '\u200bABC123', 'AB\u200dC123', '\u0410BC123', 'ABC12\u0417'])(
    'refuses receiving %j beside ABC123 in stock, naming the serial held and where',
    async (variant) => {
      const expected = `Serial ${variant.replace(/^[\u200b]+|[\u200b]+$/g, '')} of item ACME-1 looks the same as ABC123, in stock in warehouse MAIN since ${receipt}.`;
      await expect(receive(variant)).rejects.toThrow(
        variant.startsWith('\u200b') || variant.endsWith('\u200b')
          ? `Serial ABC123 of item ACME-1 is already in stock in warehouse MAIN (received by ${receipt}).`
          : expected,
      );
    },
  );

  it('the live check says the same before saving', async () => {
    expect(
      await checkSerials(db, {
        itemId: String(w.tracked),
        warehouseId: String(w.main),
        direction: 'receive',
        serials: ['abc123'],
      }),
    ).toEqual([
      {
        serial: 'abc123',
        message: `Serial abc123 of item ACME-1 looks the same as ABC123, in stock in warehouse MAIN since ${receipt}.`,
      },
    ]);
  });

  it.each([
    ['a line break', 'AB\nC'],
    ['a control character', 'AB\u0001C'],
    ['an escape', '\u001b[2J'],
    ['a carriage return', 'A\rB'],
    ['a right-to-left override', 'AB\u202eC'],
    ['a NUL', 'AB\u0000C'],
  ])('refuses a serial with %s, naming the position', async (_what, serial) => {
    const error = await receive(serial).catch((e: unknown) => e);
    expect(isDomainError(error) && error.code).toBe('INVALID_DATA');
    expect((error as Error).message).toMatch(/^Serial number ".*" has .* at position \d+; remove it\.$/);
    expect((error as { fieldErrors: Record<string, string> }).fieldErrors).toHaveProperty(['lines.0.serials.0']);
  });

  it('issuing by a typed variant issues the serial held, under its own text', async () => {
    const gi = await postDocument(
      db,
      {
        kind: 'goods_issue',
        date: today,
        warehouseId: w.main,
        lines: [{ itemId: w.tracked, quantity: '1', serials: ['abc123'] }],
      },
      w.actor,
    );
    const moves = await db
      .select({ serial: serialNumber.serial, status: serialNumber.status })
      .from(serialMovement)
      .innerJoin(serialNumber, eq(serialNumber.id, serialMovement.serialId))
      .where(eq(serialMovement.documentId, gi.id));
    expect(moves).toEqual([{ serial: 'ABC123', status: 'issued' }]);
    // Returned under another spelling: still the same serial, with one history.
    await receive('ａｂｃ１２３');
    expect(
      await db.select({ serial: serialNumber.serial }).from(serialNumber).where(eq(serialNumber.itemId, w.tracked)),
    ).toEqual([{ serial: 'ABC123' }]);
  });

  it('refuses two spellings of one serial in one document, naming the lines', async () => {
    await expect(
      postDocument(
        db,
        {
          kind: 'goods_receipt',
          date: today,
          warehouseId: w.main,
          lines: [
            { itemId: w.tracked, quantity: '1', serials: ['XY-7'] },
            { itemId: w.tracked, quantity: '1', serials: ['xy-7'] },
          ],
        },
        w.actor,
      ),
    ).rejects.toThrow('Serial xy-7 looks the same as XY-7: they are one serial, entered twice on lines 1 and 2.');
  });

  it('keeps the text as entered, trimmed of whitespace and invisible marks at the ends', async () => {
    await receive('\ufeff  Mac-00:1A:2B  \u200b');
    const [row] = await db.select().from(serialNumber).where(eq(serialNumber.serialKey, 'mac-00:1a:2b'));
    expect(row.serial).toBe('Mac-00:1A:2B');
  });
});
