import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemSchema } from './catalog';
import { MAX_WARRANTY_MONTHS, warrantyMonthsSchema } from './warranty';

const schema = warrantyMonthsSchema('Sale warranty');
const problemOf = (raw: unknown) => {
  const parsed = schema.safeParse(raw);
  return parsed.success ? null : parsed.error.issues[0].message;
};

describe('warranty months, as every door sends them', () => {
  it('take whole months from 0 to 600 as a number or text; empty is "not set"', () => {
    expect(schema.parse('12')).toBe(12);
    expect(schema.parse(' 24 ')).toBe(24);
    expect(schema.parse('\u200B36\uFEFF')).toBe(36);
    expect(schema.parse('12.0')).toBe(12);
    expect(schema.parse(0)).toBe(0);
    expect(schema.parse(-0)).toBe(0);
    expect(schema.parse('-0')).toBe(0);
    expect(schema.parse(600)).toBe(600);
    expect(schema.parse('')).toBeNull();
    expect(schema.parse(null)).toBeNull();
    expect(schema.parse(undefined)).toBeNull();
  });

  it('refuse anything else with a message naming the field', () => {
    expect(problemOf('12.5')).toBe('Sale warranty must be a whole number of months, such as 12.');
    expect(problemOf(12.5)).toBe('Sale warranty must be a whole number of months, such as 12.');
    expect(problemOf('-1')).toBe('Sale warranty cannot be negative.');
    expect(problemOf(-1)).toBe('Sale warranty cannot be negative.');
    expect(problemOf('abc')).toBe('Sale warranty must be a whole number of months, such as 12. "abc" is not a number.');
    expect(problemOf('601')).toBe('Sale warranty can be at most 600 months (50 years).');
    expect(problemOf('99999999999999999999999999')).toBe('Sale warranty can be at most 600 months (50 years).');
    expect(problemOf(1e300)).toBe('Sale warranty can be at most 600 months (50 years).');
    expect(problemOf(Number.POSITIVE_INFINITY)).toBe('Sale warranty must be a whole number of months, such as 12.');
    expect(problemOf('1\u200B2')).toBe('Sale warranty has an invisible character (U+200B) at position 2; remove it.');
    expect(problemOf('1\u202E2')).toMatch(
      /^Sale warranty "1�2" has a text-direction control \(U\+202E\) at position 2/,
    );
    expect(problemOf('\u202E12')).toMatch(
      /^Sale warranty "�12" has a text-direction control \(U\+202E\) at position 1/,
    );
    expect(problemOf('1\u00002')).toMatch(/^Sale warranty .* has a NUL character/);
    expect(problemOf(true)).toBe('Sale warranty must be a whole number of months, such as 12.');
    expect(problemOf({ months: 12 })).toBe('Sale warranty must be a whole number of months, such as 12.');
  });

  it('keep exactly the whole numbers of the range, whatever the text around them (generated)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2000, max: 2000 }), fc.constantFrom('', ' ', '\u200B', '\t'), (n, pad) => {
        const parsed = schema.safeParse(`${pad}${n}${pad}`);
        expect(parsed.success).toBe(n >= 0 && n <= MAX_WARRANTY_MONTHS);
        if (parsed.success) expect(parsed.data).toBe(n);
      }),
    );
  });

  it('are the item schema’s two warranty fields, each named in its own message', () => {
    const parsed = itemSchema.safeParse({
      code: 'W-1',
      name: 'W',
      saleWarrantyMonths: 'x',
      purchaseWarrantyMonths: -3,
    });
    expect(parsed.success).toBe(false);
    const messages = Object.fromEntries(parsed.error!.issues.map((i) => [i.path[0], i.message]));
    expect(messages.saleWarrantyMonths).toMatch(/^Sale warranty must be a whole number/);
    expect(messages.purchaseWarrantyMonths).toBe('Purchase warranty cannot be negative.');
    const ok = itemSchema.parse({ code: 'W-1', name: 'W', saleWarrantyMonths: '24' });
    expect(ok).toMatchObject({ saleWarrantyMonths: 24, purchaseWarrantyMonths: null });
  });
});
