import { describe, expect, it } from 'vitest';
import { documentSchema } from './documents';

const receipt = (extra: Record<string, unknown>) => ({
  kind: 'goods_receipt',
  date: '2026-05-02',
  warehouseId: '1',
  lines: [{ itemId: '1', quantity: '1' }],
  ...extra,
});

/** An expected receipt's missing serials: the web says keep or drop, the Zoho doors a true/false switch. */
describe('missingExpected', () => {
  it.each([
    [undefined, 'keep'],
    ['keep', 'keep'],
    [false, 'keep'],
    ['drop', 'drop'],
    [true, 'drop'],
  ])('%s confirming an expected receipt means %s', (sent, meant) => {
    const parsed = documentSchema.parse(receipt({ expectedReceiptId: '7', missingExpected: sent }));
    expect(parsed.missingExpected).toBe(meant);
  });

  it.each([['yes'], [1], ['true']])('refuses %s naming the field', (sent) => {
    const result = documentSchema.safeParse(receipt({ expectedReceiptId: '7', missingExpected: sent }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'missingExpected',
        'Say what becomes of the expected serials that did not arrive: drop them (true) or keep them expected (false).',
      ],
    ]);
  });

  it('drops only on a receipt that names the expected receipt', () => {
    const result = documentSchema.safeParse(receipt({ missingExpected: true }));
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['missingExpected']);
    expect(documentSchema.safeParse(receipt({ missingExpected: false })).success).toBe(true);
  });
});
