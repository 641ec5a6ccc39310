import { describe, expect, it } from 'vitest';
import { encodeWindows1250, encodeWindows1252 } from './__fixtures__/encode';
import { decodeText, normalizeCharacterEncoding } from './decode-text';
import { ProtocolError } from '@/lib/errors';

const CZECH = 'Příliš žluťoučký kůň úpěl ďábelské ódy';

function hasIcuDecoder(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

describe('decodeText: UTF-8', () => {
  it('decodes UTF-8 without a BOM', () => {
    expect(decodeText(Buffer.from(`Kód;Název\n1;${CZECH}`, 'utf8'))).toEqual({
      text: `Kód;Název\n1;${CZECH}`,
      encoding: 'UTF-8',
    });
  });

  it('strips a UTF-8 BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Code,Name', 'utf8')]);
    const { text, encoding } = decodeText(bytes);
    expect(text).toBe('Code,Name');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(encoding).toBe('UTF-8');
  });

  it('lets a BOM win over a contradicting explicit encoding, since a BOM cannot be an accident', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('čaj', 'utf8')]);
    expect(decodeText(bytes, { characterEncoding: 'windows-1250' })).toEqual({ text: 'čaj', encoding: 'UTF-8' });
  });

  it('refuses invalid bytes when UTF-8 is stated explicitly, naming the line', () => {
    const bytes = Buffer.concat([Buffer.from('a,b\n1,2\n', 'utf8'), encodeWindows1250('3,čaj')]);
    expect(() => decodeText(bytes, { characterEncoding: 'utf-8' })).toThrowError(
      expect.objectContaining({ code: 'INVALID_DATA', message: expect.stringContaining('line 3') }),
    );
  });

  it('decodes UTF-16 with a BOM (Excel "Unicode text")', () => {
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\tč', 'utf16le')]);
    expect(decodeText(little)).toEqual({ text: 'a\tč', encoding: 'UTF-16LE' });
    const big = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('a\tč', 'utf16le').swap16()]);
    expect(decodeText(big)).toEqual({ text: 'a\tč', encoding: 'UTF-16BE' });
  });
});

describe('decodeText: single-byte detection', () => {
  it('detects windows-1250 from Czech letters', () => {
    expect(decodeText(encodeWindows1250(`Kód;Název\n1;${CZECH}\n`))).toEqual({
      text: `Kód;Název\n1;${CZECH}\n`,
      encoding: 'windows-1250',
    });
  });

  it('detects windows-1250 from "Příliš žluťoučký kůň" alone', () => {
    expect(decodeText(encodeWindows1250('Příliš žluťoučký kůň')).text).toBe('Příliš žluťoučký kůň');
  });

  it('detects windows-1252 for "café"', () => {
    expect(decodeText(encodeWindows1252('name\ncafé\n'))).toEqual({ text: 'name\ncafé\n', encoding: 'windows-1252' });
  });

  it('detects windows-1252 for French and Spanish text with letters the two code pages read differently', () => {
    const text = 'crème brûlée à la française, señor, 5 €';
    expect(decodeText(encodeWindows1252(text))).toEqual({ text, encoding: 'windows-1252' });
  });

  it('reads 0x80 as the euro sign and 0x9A as š in windows-1252 (Node reads them as C1 controls)', () => {
    expect(decodeText(Buffer.from([0x80, 0x20, 0x9a]), { characterEncoding: 'windows-1252' }).text).toBe('€ š');
  });
});

describe('decodeText: explicit encoding', () => {
  it('uses the explicit encoding over detection', () => {
    // "è" in windows-1252 is "č" in windows-1250: detection alone would pick 1252 here.
    const bytes = encodeWindows1252('très');
    expect(decodeText(bytes, { characterEncoding: 'windows-1250' }).text).toBe('trčs');
    expect(decodeText(bytes, { characterEncoding: 'CP1252' }).text).toBe('très');
  });

  it('decodes ISO-8859-2, which puts š and ž elsewhere than windows-1250', () => {
    expect(decodeText(Buffer.from([0xb9, 0xbe, 0xe8]), { characterEncoding: 'ISO-8859-2' })).toEqual({
      text: 'šžč',
      encoding: 'ISO-8859-2',
    });
  });
});

describe('normalizeCharacterEncoding', () => {
  it.each([
    ['UTF-8', 'UTF-8'],
    ['utf8', 'UTF-8'],
    ['Windows-1250', 'windows-1250'],
    ['cp1250', 'windows-1250'],
    ['x-cp1250', 'windows-1250'],
    ['WINDOWS_1252', 'windows-1252'],
    ['ISO-8859-1', 'windows-1252'],
    ['latin1', 'windows-1252'],
    ['ISO-8859-2', 'ISO-8859-2'],
    ['latin2', 'ISO-8859-2'],
  ])('maps %s to %s', (label, expected) => {
    expect(normalizeCharacterEncoding(label)).toBe(expected);
  });

  it('refuses an unknown encoding with INVALID_DATA', () => {
    expect(() => normalizeCharacterEncoding('EBCDIC')).toThrowError(ProtocolError);
    expect(() => normalizeCharacterEncoding('EBCDIC')).toThrowError(
      "The character encoding 'EBCDIC' is not supported; use UTF-8, windows-1250 or windows-1252.",
    );
  });
});

describe('code pages', () => {
  const allBytes = Uint8Array.from({ length: 256 }, (_, byte) => byte);
  const decodeAs = (characterEncoding: string) => decodeText(allBytes, { characterEncoding }).text;

  it.runIf(hasIcuDecoder('windows-1250'))('windows-1250 matches ICU for all 256 bytes', () => {
    expect(decodeAs('windows-1250')).toBe(new TextDecoder('windows-1250').decode(allBytes));
  });

  it.runIf(hasIcuDecoder('iso-8859-2'))('ISO-8859-2 matches ICU for all 256 bytes', () => {
    expect(decodeAs('ISO-8859-2')).toBe(new TextDecoder('iso-8859-2').decode(allBytes));
  });

  it('windows-1252 equals Latin-1 outside 0x80-0x9F', () => {
    const text = decodeAs('windows-1252');
    for (let byte = 0; byte < 256; byte++) {
      if (byte < 0x80 || byte > 0x9f) expect(text.charCodeAt(byte)).toBe(byte);
    }
    expect(text[0x80] + text[0x8a] + text[0x9f]).toBe('€ŠŸ');
  });

  it('reads the bytes a code page leaves unassigned as C1 controls (WHATWG), never as U+FFFD', () => {
    const decode = (bytes: number[], characterEncoding: string) =>
      decodeText(Buffer.from(bytes), { characterEncoding }).text;
    expect(decode([0x41, 0x81, 0x98], 'windows-1250')).toBe('A\u0081\u0098');
    expect(decode([0x8d, 0x8f, 0x90, 0x9d], 'windows-1252')).toBe('\u008d\u008f\u0090\u009d');
  });

  it('keeps a UTF-16BE lone surrogate as U+FFFD, as UTF-16LE does', () => {
    const loneHigh = Buffer.from([0xfe, 0xff, 0xd8, 0x3d, 0x00, 0x61]);
    expect(decodeText(loneHigh).text).toBe('\ufffda');
    expect(decodeText(Buffer.from([0xff, 0xfe, 0x3d, 0xd8, 0x61, 0x00])).text).toBe('\ufffda');
  });
});
