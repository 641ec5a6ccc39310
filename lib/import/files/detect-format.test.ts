import { describe, expect, it } from 'vitest';
import { fileError } from './__fixtures__/expect-error';
import { detectUploadKind } from './detect-format';

describe('detectUploadKind', () => {
  it('recognises ZIPs (including empty ones) by their first bytes', () => {
    expect(detectUploadKind(Buffer.from('PK\x03\x04rest', 'latin1'))).toBe('zip');
    expect(detectUploadKind(Buffer.from('PK\x05\x06rest', 'latin1'))).toBe('zip');
  });

  it('treats anything textual as CSV, UTF-16 included', () => {
    expect(detectUploadKind(Buffer.from('a,b\n1,2\n'))).toBe('text');
    expect(detectUploadKind(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\tb', 'utf16le')]))).toBe('text');
    expect(detectUploadKind(Buffer.alloc(0))).toBe('text');
  });

  it.each([
    [
      'a PDF',
      Buffer.from('%PDF-1.7\n...'),
      /^The file is a PDF document; only ZIP, CSV and XLSX files are supported\.$/,
    ],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), /a PNG image/],
    ['an old .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), /old Excel \.xls file/],
    ['a gzip', Buffer.from([0x1f, 0x8b, 0x08, 0]), /GZIP/],
    [
      'binary with NUL bytes',
      Buffer.from([0x41, 0x42, 0x00, 0x43]),
      'The file is binary, not text; only ZIP, CSV and XLSX files are supported.',
    ],
  ])('refuses %s', (_, bytes, message) => {
    expect(() => detectUploadKind(bytes)).toThrowError(fileError('INVALID_FILE_FORMAT', message));
  });
});
