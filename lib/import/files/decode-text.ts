import iconv from 'iconv-lite';
import { guessWindowsCodePage } from './encoding-guess';
import { findInvalidUtf8Offset, lineNumberAt, tryDecodeUtf8 } from './utf8';
import { ProtocolError } from '@/lib/errors';

type SingleByteEncoding = 'windows-1250' | 'windows-1252' | 'ISO-8859-2';
export type TextEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | SingleByteEncoding;

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

export interface DecodeTextOptions {
  /** Zoho's `character_encoding`; when given it beats detection (but not a byte order mark). */
  characterEncoding?: string;
}

/** Labels people and tools send, squeezed to lower case without spaces, dashes and underscores. */
const ENCODING_ALIASES: Readonly<Record<string, TextEncoding>> = {
  utf8: 'UTF-8',
  unicode11utf8: 'UTF-8',
  utf16: 'UTF-16LE',
  utf16le: 'UTF-16LE',
  unicode: 'UTF-16LE',
  utf16be: 'UTF-16BE',
  windows1250: 'windows-1250',
  cp1250: 'windows-1250',
  win1250: 'windows-1250',
  xcp1250: 'windows-1250',
  windows1252: 'windows-1252',
  cp1252: 'windows-1252',
  win1252: 'windows-1252',
  xcp1252: 'windows-1252',
  // As in the WHATWG Encoding Standard: these labels mean windows-1252, a superset for printable text.
  latin1: 'windows-1252',
  iso88591: 'windows-1252',
  l1: 'windows-1252',
  ascii: 'windows-1252',
  usascii: 'windows-1252',
  // ISO-8859-2 is not windows-1250 (š ž ť ą ľ sit at other bytes), so it is decoded as itself.
  iso88592: 'ISO-8859-2',
  latin2: 'ISO-8859-2',
  l2: 'ISO-8859-2',
};

/** Maps a user-supplied encoding label to the encoding we decode with. */
export function normalizeCharacterEncoding(label: string): TextEncoding {
  const squeezed = label
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');
  const encoding = ENCODING_ALIASES[squeezed];
  if (!encoding) {
    throw new ProtocolError(
      'INVALID_DATA',
      `The character encoding '${label}' is not supported; use UTF-8, windows-1250 or windows-1252.`,
    );
  }
  return encoding;
}

function byteOrderMark(bytes: Uint8Array): { encoding: TextEncoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'UTF-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'UTF-16LE', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'UTF-16BE', length: 2 };
  return null;
}

function decodeUtf8Strictly(bytes: Uint8Array): string {
  const text = tryDecodeUtf8(bytes);
  if (text !== null) return text;
  const offset = findInvalidUtf8Offset(bytes);
  throw new ProtocolError(
    'INVALID_DATA',
    `The file is not valid UTF-8: line ${lineNumberAt(bytes, offset)} has a byte (0x${bytes[offset]
      .toString(16)
      .toUpperCase()
      .padStart(
        2,
        '0',
      )}) that is not part of any UTF-8 character. Save the file as UTF-8, or state its character encoding.`,
  );
}

/**
 * Code pages through iconv-lite rather than `new TextDecoder(...)`: Node 20 decodes the label windows-1252 as
 * ISO-8859-1 (0x80 comes out as U+0080, not '€'), and builds with small ICU have no windows-1250 at all.
 * iconv-lite reads the bytes a code page leaves unassigned (0x81 0x83 0x88 0x90 0x98 in windows-1250) as
 * U+FFFD; like the WHATWG Encoding Standard we read each as the C1 control of the same value, which the
 * identifier rules then refuse with its position, where U+FFFD would make two different serials one.
 * A single-byte code page gives one UTF-16 unit per byte, so a U+FFFD's index is its byte's offset.
 */
function decodeSingleByte(bytes: Uint8Array, encoding: SingleByteEncoding): string {
  const text = iconv.decode(bytes, encoding, { stripBOM: false });
  if (!text.includes('\uFFFD')) return text;
  return text.replace(/\uFFFD/g, (_, offset: number) => String.fromCharCode(bytes[offset]));
}

/** UTF-16BE through iconv-lite (TextDecoder needs ICU for it); a lone surrogate becomes U+FFFD, as in UTF-16LE. */
function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): string {
  if (!bigEndian) return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes);
  return iconv.decode(bytes, 'utf-16be', { stripBOM: false }).toWellFormed();
}

function decodeAs(bytes: Uint8Array, encoding: TextEncoding): string {
  switch (encoding) {
    case 'UTF-8':
      return decodeUtf8Strictly(bytes);
    case 'UTF-16LE':
      return decodeUtf16(bytes, false);
    case 'UTF-16BE':
      return decodeUtf16(bytes, true);
    default:
      return decodeSingleByte(bytes, encoding);
  }
}

/**
 * Bytes to text. Order of precedence: a byte order mark (it cannot be there by accident),
 * then the caller's `characterEncoding`, then detection: valid UTF-8 is UTF-8, anything
 * else is windows-1250 or windows-1252 by which letters the bytes would spell.
 */
export function decodeText(bytes: Uint8Array, options: DecodeTextOptions = {}): DecodedText {
  const bom = byteOrderMark(bytes);
  if (bom) return { text: decodeAs(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding };
  if (options.characterEncoding) {
    const encoding = normalizeCharacterEncoding(options.characterEncoding);
    return { text: decodeAs(bytes, encoding), encoding };
  }
  const utf8 = tryDecodeUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'UTF-8' };
  const encoding = guessWindowsCodePage(bytes);
  return { text: decodeSingleByte(bytes, encoding), encoding };
}
