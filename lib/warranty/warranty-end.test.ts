import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_WARRANTY_MONTHS } from '@/lib/validation/warranty';
import { addMonths, daysInMonth, underWarranty, warrantyEnd } from './warranty-end';

const dateArb = fc
  .record({
    year: fc.integer({ min: 1900, max: 2999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) => {
    const d = Math.min(day, daysInMonth(year, month));
    return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  });
const monthsArb = fc.integer({ min: 0, max: MAX_WARRANTY_MONTHS });

/** What the calendar says, by another road: JavaScript's UTC dates, the day cut to the month's last. */
function byDateObject(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  const end = new Date(Date.UTC(y, m - 1 + months, Math.min(d, last)));
  return end.toISOString().slice(0, 10);
}

describe('warranty end dates', () => {
  it('keep the day, or cut it to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-03-15', 12)).toBe('2027-03-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2026-12-31', 2)).toBe('2027-02-28');
    expect(addMonths('2026-05-10', 0)).toBe('2026-05-10');
    expect(addMonths('1900-02-28', 12)).toBe('1901-02-28');
    expect(addMonths('2000-01-31', 1)).toBe('2000-02-29');
    expect(addMonths('2999-12-31', MAX_WARRANTY_MONTHS)).toBe('3049-12-31');
  });

  it('are none without a start or a period', () => {
    expect(warrantyEnd(null, 12)).toBeNull();
    expect(warrantyEnd('2026-01-01', null)).toBeNull();
    expect(warrantyEnd('2026-01-01', 24)).toBe('2028-01-01');
  });

  it('refuse what is not a date or a whole number of months', () => {
    expect(() => addMonths('2026-1-1', 1)).toThrow(RangeError);
    expect(() => addMonths('2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => addMonths('2026-01-01', -1)).toThrow(RangeError);
  });

  it('never end before they start, and a longer period never ends sooner (generated)', () => {
    fc.assert(
      fc.property(dateArb, monthsArb, monthsArb, (start, a, b) => {
        const [shorter, longer] = a <= b ? [a, b] : [b, a];
        const endShort = addMonths(start, shorter);
        const endLong = addMonths(start, longer);
        expect(endShort >= start).toBe(true);
        expect(endLong >= endShort).toBe(true);
        if (longer > 0) expect(endLong > start).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('agree with the calendar of JavaScript dates, and land in the right month (generated)', () => {
    fc.assert(
      fc.property(dateArb, monthsArb, (start, months) => {
        const end = addMonths(start, months);
        expect(end).toBe(byDateObject(start, months));
        const [y, m] = start.split('-').map(Number);
        const [ey, em] = end.split('-').map(Number);
        expect(ey * 12 + em - (y * 12 + m)).toBe(months);
      }),
      { numRuns: 2000 },
    );
  });

  it('cover the end day itself and no day after it', () => {
    expect(underWarranty('2027-03-15', '2027-03-15')).toBe(true);
    expect(underWarranty('2027-03-15', '2027-03-16')).toBe(false);
    expect(underWarranty('2027-03-15', '2026-12-01')).toBe(true);
  });
});
