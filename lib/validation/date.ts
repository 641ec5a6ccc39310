import { z } from 'zod';

/**
 * The one date rule of every door (document forms, the records API and its criteria, the importer, list
 * filters): a real calendar date written YYYY-MM-DD, in the years 1900 to 2999. PostgreSQL would take
 * most of the years outside that range, but none of them is a business date (0000 and 9999 are typing
 * accidents or probes), and years before 1 or after 5874897 it refuses with an error instead of an answer.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const shapeMessage = (label: string) =>
  label === 'Date' ? 'Enter the date as YYYY-MM-DD.' : `${label} must be a date written YYYY-MM-DD.`;

/** Why `label` cannot take this text as a date, or null when it is a real date of 1900–2999. */
export function dateProblem(text: string, label = 'Date'): string | null {
  const match = DATE.exec(text);
  if (!match) return shapeMessage(label);
  const [year, month, day] = match.slice(1).map(Number);
  if (year < MIN_YEAR || year > MAX_YEAR) return `${label} must be in the years ${MIN_YEAR} to ${MAX_YEAR}.`;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return `${label} ${text} does not exist.`;
  return null;
}

/** The rule as a zod schema; `label` names the field in its messages. */
export function dateSchema(label = 'Date') {
  const shape = shapeMessage(label);
  // The regex keeps the pattern in the generated OpenAPI document; the refinement adds what a regex cannot say.
  return z
    .string({ message: shape })
    .regex(DATE, shape)
    .superRefine((text, ctx) => {
      const problem = DATE.test(text) ? dateProblem(text, label) : null;
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

// Date, then optionally a time of hours and minutes, seconds, a fraction of up to nine digits, and an offset.
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2})))?$/;

/**
 * Why `label` cannot take this text as an ISO 8601 date or date-time with offset (2026-11-22 or
 * 2026-11-22T10:00:00+01:00), or null. The date part follows the date rule; the time must exist too.
 */
export function dateTimeProblem(text: string, label: string): string | null {
  const example = 'use ISO 8601 such as 2026-11-22T10:00:00+01:00';
  const match = DATE_TIME.exec(text);
  if (!match) return `${label} is not a date-time: ${example}.`;
  const [, date, hours, minutes, seconds, zone, offsetHours, offsetMinutes] = match;
  const dateIssue = dateProblem(date, label);
  if (dateIssue) return dateIssue;
  if (hours === undefined) return null;
  const outOfRange = Number(hours) > 23 || Number(minutes) > 59 || Number(seconds ?? 0) > 59;
  const badOffset = zone !== 'Z' && (Number(offsetHours) > 14 || Number(offsetMinutes) > 59);
  return outOfRange || badOffset ? `${label} ${text} is not a real time: ${example}.` : null;
}
