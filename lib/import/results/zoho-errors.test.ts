import { describe, expect, it } from 'vitest';
import { formatErrorMessages, formatZohoErrors } from './zoho-errors';

describe('formatZohoErrors', () => {
  it('comma-joins columns under one code and colon-joins codes, in order of first appearance', () => {
    expect(
      formatZohoErrors([
        { code: 'MANDATORY_NOT_FOUND', column: 'Code', message: 'Code is required.' },
        { code: 'DUPLICATE_DATA', column: 'EAN', message: 'EAN 123 is used already.' },
        { code: 'MANDATORY_NOT_FOUND', column: 'Name', message: 'Name is required.' },
      ]),
    ).toBe('MANDATORY_NOT_FOUND-Code,Name:DUPLICATE_DATA-EAN');
  });

  it('writes each column once and a code without columns alone', () => {
    expect(
      formatZohoErrors([
        { code: 'INVALID_DATA', column: 'Qty', message: 'a' },
        { code: 'INVALID_DATA', column: 'Qty', message: 'b' },
        { code: 'CANNOT_PROCESS', column: '', message: 'c' },
      ]),
    ).toBe('INVALID_DATA-Qty:CANNOT_PROCESS');
  });

  it('is empty without errors', () => {
    expect(formatZohoErrors([])).toBe('');
    expect(formatErrorMessages([])).toBe('');
  });
});

describe('formatErrorMessages', () => {
  it("joins messages with '; ', each once", () => {
    expect(
      formatErrorMessages([
        { code: 'A', column: 'x', message: 'Code is required.' },
        { code: 'B', column: 'y', message: ' Name is required. ' },
        { code: 'C', column: 'z', message: 'Code is required.' },
        { code: 'D', column: 'w', message: '' },
      ]),
    ).toBe('Code is required.; Name is required.');
  });
});
