import { crc32 as zlibCrc32 } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { crc32, crc32Fallback } from './crc32';

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32Fallback(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });

  it('gives the same result with and without zlib', () => {
    const data = randomBytes(10_000);
    expect(crc32Fallback(data)).toBe(crc32(data));
    expect(crc32(data)).toBe(zlibCrc32(data) >>> 0);
  });
});
