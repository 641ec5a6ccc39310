import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, MAX_COLUMNS, MAX_DATA_ROWS, MAX_UPLOAD_BYTES, resolveLimits } from './limits';
import { ProtocolError, isProtocolError } from '@/lib/errors';

describe('limits', () => {
  it('has the Zoho bulk write limits', () => {
    expect(MAX_UPLOAD_BYTES).toBe(25 * 1024 * 1024);
    expect(MAX_DATA_ROWS).toBe(25_000);
    expect(MAX_COLUMNS).toBe(200);
    expect(DEFAULT_LIMITS).toEqual({
      maxUploadBytes: 26_214_400,
      maxDataRows: 25_000,
      maxColumns: 200,
      maxZipEntries: 100,
      maxInflatedBytes: 40 * 1024 * 1024,
      maxCompressionRatio: 100,
      ratioCheckAfterBytes: 1024 * 1024,
      maxCellChars: 32_000,
    });
  });

  it('overrides only what the caller gives, ignoring explicit undefined', () => {
    expect(resolveLimits({ maxDataRows: 3, maxColumns: undefined })).toEqual({ ...DEFAULT_LIMITS, maxDataRows: 3 });
    expect(resolveLimits()).toEqual(DEFAULT_LIMITS);
    expect(resolveLimits()).not.toBe(DEFAULT_LIMITS);
  });
});

describe('ProtocolError', () => {
  it('carries a code and is recognisable', () => {
    const error = new ProtocolError('LIMIT_EXCEEDED', 'too many');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ProtocolError');
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.message).toBe('too many');
    expect(isProtocolError(error)).toBe(true);
    expect(isProtocolError(new Error('x'))).toBe(false);
  });
});
