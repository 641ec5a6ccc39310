import { describe, expect, it } from 'vitest';
import { dateProblem, dateSchema, dateTimeProblem } from './date';

describe('the date rule', () => {
  it('takes real dates of 1900 to 2999', () => {
    for (const date of ['1900-01-01', '2024-02-29', '2026-12-31', '2999-12-31'])
      expect(dateProblem(date), date).toBeNull();
  });

  it('refuses impossible dates and years outside 1900–2999, naming the field', () => {
    expect(dateProblem('2026-02-30')).toBe('Date 2026-02-30 does not exist.');
    expect(dateProblem('2025-02-29')).toBe('Date 2025-02-29 does not exist.');
    expect(dateProblem('2026-13-01', 'from')).toBe('from 2026-13-01 does not exist.');
    expect(dateProblem('2026-04-31')).toMatch(/does not exist/);
    expect(dateProblem('2026-01-00')).toMatch(/does not exist/);
    expect(dateProblem('0000-01-01')).toBe('Date must be in the years 1900 to 2999.');
    expect(dateProblem('1899-12-31')).toMatch(/1900 to 2999/);
    expect(dateProblem('3000-01-01')).toMatch(/1900 to 2999/);
  });

  it('wants the YYYY-MM-DD shape', () => {
    expect(dateProblem('')).toBe('Enter the date as YYYY-MM-DD.');
    expect(dateProblem('26-1-1', 'to')).toBe('to must be a date written YYYY-MM-DD.');
    for (const text of ['2026-1-01', '+02026-01-01', '2026-01-01T00:00:00Z', '２０２６-01-01', '2026-01-01\u0000']) {
      expect(dateProblem(text), text).not.toBeNull();
    }
  });

  it('is one schema whose first message names the problem', () => {
    expect(dateSchema().safeParse('2026-02-28').success).toBe(true);
    expect(
      dateSchema()
        .safeParse('2026-02-30')
        .error?.issues.map((i) => i.message),
    ).toEqual(['Date 2026-02-30 does not exist.']);
    expect(dateSchema().safeParse('nope').error?.issues[0].message).toBe('Enter the date as YYYY-MM-DD.');
    expect(dateSchema().safeParse(null).error?.issues[0].message).toBe('Enter the date as YYYY-MM-DD.');
  });
});

describe('the date-time rule', () => {
  it('takes dates and real times with an offset', () => {
    for (const text of [
      '2026-11-22',
      '2026-11-22T10:00Z',
      '2026-11-22T10:00:59+01:00',
      '2026-11-22T23:59:59.123456789-12:00',
    ]) {
      expect(dateTimeProblem(text, 'Created_Time'), text).toBeNull();
    }
  });

  it('refuses impossible dates and times', () => {
    expect(dateTimeProblem('2026-02-30T10:00Z', 'Created_Time')).toBe('Created_Time 2026-02-30 does not exist.');
    expect(dateTimeProblem('0000-01-01T00:00Z', 'Created_Time')).toMatch(/1900 to 2999/);
    expect(dateTimeProblem('2026-01-01T24:00Z', 'Created_Time')).toMatch(/not a real time/);
    expect(dateTimeProblem('2026-01-01T10:60Z', 'Created_Time')).toMatch(/not a real time/);
    expect(dateTimeProblem('2026-01-01T10:00+99:00', 'Created_Time')).toMatch(/not a real time/);
    expect(dateTimeProblem('2026-01-01T10:00', 'Created_Time')).toMatch(/not a date-time/);
  });
});
