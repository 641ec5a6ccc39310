import * as zlib from 'node:zlib';

/** CRC-32 (IEEE) lookup table, for Node versions before 20.15 that lack zlib.crc32. */
let table: Uint32Array | null = null;

function crcTable(): Uint32Array {
  if (table) return table;
  table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

export function crc32Fallback(data: Uint8Array): number {
  const lookup = crcTable();
  let crc = 0xffffffff;
  for (const byte of data) crc = lookup[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * CRC-32 as ZIP uses it. The project supports Node >= 20.9, and zlib.crc32 only arrived
 * in 20.15, so we look it up at run time instead of importing it by name.
 */
export function crc32(data: Uint8Array): number {
  const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  return (typeof native === 'function' ? native(data) : crc32Fallback(data)) >>> 0;
}
