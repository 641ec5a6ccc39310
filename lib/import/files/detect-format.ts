import { ProtocolError } from '@/lib/errors';

export type UploadKind = 'zip' | 'text';

const SUPPORTED = 'only ZIP, CSV and XLSX files are supported';

interface Signature {
  bytes: number[];
  description: string;
}

/** Formats people upload by mistake, named so the message can say what went wrong. */
const KNOWN_BINARY_FORMATS: Signature[] = [
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    description: 'an old Excel .xls file or a password-protected workbook (save it as .xlsx or CSV)',
  },
  { bytes: [0x25, 0x50, 0x44, 0x46], description: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], description: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], description: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], description: 'a GIF image' },
  { bytes: [0x1f, 0x8b], description: 'a GZIP archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], description: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], description: 'a 7-Zip archive' },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** PK\x03\x04 opens a ZIP with entries, PK\x05\x06 an empty one. */
export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
}

function hasUtf16ByteOrderMark(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
}

/** Text never holds NUL bytes (UTF-16 aside, which announces itself with a BOM). */
function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 64 * 1024).includes(0);
}

/** Decides by content, not by file name, whether an upload is a ZIP (or .xlsx) or delimited text. */
export function detectUploadKind(bytes: Uint8Array): UploadKind {
  if (isZip(bytes)) return 'zip';
  const known = KNOWN_BINARY_FORMATS.find((signature) => startsWith(bytes, signature.bytes));
  if (known) {
    throw new ProtocolError('INVALID_FILE_FORMAT', `The file is ${known.description}; ${SUPPORTED}.`);
  }
  if (!hasUtf16ByteOrderMark(bytes) && looksBinary(bytes)) {
    throw new ProtocolError('INVALID_FILE_FORMAT', `The file is binary, not text; ${SUPPORTED}.`);
  }
  return 'text';
}
