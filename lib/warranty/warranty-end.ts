/*
 * The one place warranty end dates are computed: the serial's page, the "Look up a serial" screen and the
 * records API's Serial_Numbers all read them through serial-trace.ts, which calls warrantyEnd.
 *
 * Dates are calendar dates (YYYY-MM-DD, as documents carry them), computed on the digits: no time zone can
 * move them a day. A warranty of N months from a date ends on the same day N months later; when that month
 * is shorter, on its last day (January 31 + 1 month = February 28, or 29 in a leap year), as a contract
 * reads "one month from January 31" and as PostgreSQL's `date + interval '1 month'` does. The end date is
 * the last day covered. 0 months ends on the start date (no warranty); no period set gives no end date.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `date` plus whole `months`, the day kept or cut to the month's last day. */
export function addMonths(date: string, months: number): string {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not a date: ${date}`);
  if (!Number.isInteger(months) || months < 0) throw new RangeError(`Not a whole number of months: ${months}`);
  const [year, month, day] = match.slice(1).map(Number);
  const index = year * 12 + (month - 1) + months;
  const endYear = Math.floor(index / 12);
  const endMonth = (index % 12) + 1;
  const endDay = Math.min(day, daysInMonth(endYear, endMonth));
  return `${String(endYear).padStart(4, '0')}-${String(endMonth).padStart(2, '0')}-${String(endDay).padStart(2, '0')}`;
}

/** The last day a warranty of `months` from `start` covers; null when there is no start or no period. */
export function warrantyEnd(start: string | null, months: number | null): string | null {
  if (start === null || months === null) return null;
  return addMonths(start, months);
}

/** Whether the warranty still covers `today` (both YYYY-MM-DD, which compare as text). */
export function underWarranty(end: string, today: string): boolean {
  return today <= end;
}
