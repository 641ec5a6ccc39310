/** UTF-8 helpers for decoding uploads. */

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Returns the decoded text, or null when the bytes are not valid UTF-8. */
export function tryDecodeUtf8(bytes: Uint8Array): string | null {
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Length of the sequence a lead byte announces, or 0 when it cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** The allowed range of the second byte, which excludes overlongs, surrogates and > U+10FFFF. */
function secondByteRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

function isValidSequenceAt(bytes: Uint8Array, offset: number, length: number): boolean {
  if (offset + length > bytes.length) return false;
  const [low, high] = secondByteRange(bytes[offset]);
  if (bytes[offset + 1] < low || bytes[offset + 1] > high) return false;
  for (let index = 2; index < length; index++) {
    const byte = bytes[offset + index];
    if (byte < 0x80 || byte > 0xbf) return false;
  }
  return true;
}

/**
 * Offset of the first byte that breaks UTF-8 (per Unicode table 3-7), or -1 when all is valid. Ours because
 * TextDecoder, Buffer.isUtf8 and iconv-lite only say whether bytes are valid, never where; it runs only after
 * the fast `tryDecodeUtf8` failed, to name the line in the message.
 */
export function findInvalidUtf8Offset(bytes: Uint8Array): number {
  let offset = 0;
  while (offset < bytes.length) {
    const length = sequenceLength(bytes[offset]);
    if (length === 0) return offset;
    if (length > 1 && !isValidSequenceAt(bytes, offset, length)) return offset;
    offset += length;
  }
  return -1;
}

/** 1-based line of a byte offset, so a message can point people at the right line. */
export function lineNumberAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < bytes.length; index++) {
    if (bytes[index] === 0x0a) line++;
  }
  return line;
}
