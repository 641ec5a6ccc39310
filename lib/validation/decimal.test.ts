import { describe, expect, it } from 'vitest';
import { moneySchema, quantitySchema, vatRateSchema } from './decimal';

describe('exact decimal parsing', () => {
  it('keeps the digits exactly and normalises a decimal comma', () => {
    expect(moneySchema('Price').parse('0012,5000')).toBe('12.5');
    expect(moneySchema('Price').parse('123456789012345.1234')).toBe('123456789012345.1234');
    expect(moneySchema('Price').parse(0)).toBe('0');
  });
  it('refuses words, too many digits and negatives with a message naming the field', () => {
    expect(moneySchema('Sale price').safeParse('abc').error?.issues[0].message).toBe(
      'Sale price must be a number such as 12.50.',
    );
    expect(moneySchema('Price').safeParse('1.12345').error?.issues[0].message).toMatch(
      /at most 15 digits before and 4 after/,
    );
    expect(moneySchema('Price').safeParse('-1').error?.issues[0].message).toBe('Price cannot be negative.');
  });
  it('requires a positive quantity', () => {
    expect(quantitySchema().safeParse('0').error?.issues[0].message).toBe('Quantity must be greater than zero.');
    expect(quantitySchema().parse('2.500')).toBe('2.5');
  });
  it('bounds the VAT rate', () => {
    expect(vatRateSchema.parse('21')).toBe('21');
    expect(vatRateSchema.safeParse('101').success).toBe(false);
  });
});
