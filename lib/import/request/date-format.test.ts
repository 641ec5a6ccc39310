import { describe, expect, it } from 'vitest';
import { datePatternProblem, reformatDate } from './date-format';

describe('mapping date formats', () => {
  it.each([
    ['15.01.2026', 'dd.MM.yyyy', '2026-01-15'],
    ['5.1.2026', 'd.M.yyyy', '2026-01-05'],
    ['01/15/2026', 'MM/dd/yyyy', '2026-01-15'],
    ['20260115', 'yyyyMMdd', '2026-01-15'],
    ['15-01-26', 'dd-MM-yy', '2026-01-15'],
    ['2026-01-15', 'yyyy-MM-dd', '2026-01-15'],
  ])('%s in %s is %s', (text, pattern, expected) => {
    expect(datePatternProblem(pattern)).toBeNull();
    expect(reformatDate(text, pattern)).toBe(expected);
  });

  it('leaves whether the date exists to the document schema, and refuses other shapes', () => {
    expect(reformatDate('31.02.2026', 'dd.MM.yyyy')).toBe('2026-02-31');
    expect(reformatDate('2026-01-15', 'dd.MM.yyyy')).toBeNull();
    expect(reformatDate('15.01.2026 10:00', 'dd.MM.yyyy')).toBeNull();
  });

  it('refuses patterns without exactly one day, month and year', () => {
    expect(datePatternProblem('dd.MM')).toMatch(/day \(dd\), the month \(MM\) and the year \(yyyy\)/);
    expect(datePatternProblem('dd.dd.yyyy')).not.toBeNull();
    expect(datePatternProblem('')).not.toBeNull();
  });
});
