import { describe, expect, it } from 'vitest';
import { QUIET_ZONE_MODULES, code128Svg, code128Symbols, encodeCode128 } from './code128';

const START_B = [2, 1, 1, 2, 1, 4];
const START_C = [2, 1, 1, 2, 3, 2];
const STOP = [2, 3, 3, 1, 1, 1, 2];
const sum = (widths: number[]) => widths.reduce((total, width) => total + width, 0);

describe('code128Symbols', () => {
  it('computes the mod 103 checksum of PJJ123C in code set B', () => {
    // 104 + 48·1 + 42·2 + 42·3 + 17·4 + 18·5 + 19·6 + 35·7 = 879; 879 mod 103 = 55.
    expect(code128Symbols('PJJ123C')).toEqual([104, 48, 42, 42, 17, 18, 19, 35, 55]);
  });
  it('switches to code set C for runs of 4 or more digits', () => {
    // Start C, 12, 34, checksum (105 + 12·1 + 34·2 = 185; 185 mod 103 = 82).
    expect(code128Symbols('1234')).toEqual([105, 12, 34, 82]);
    // SN-, Code C, 00, 01: the digits take two symbols instead of four.
    const symbols = code128Symbols('SN-0001');
    expect(symbols.slice(0, 7)).toEqual([104, 51, 46, 13, 99, 0, 1]);
    // An odd run keeps one digit in code set B, then pairs: A, 1, Code C, 23, 45.
    expect(code128Symbols('A12345').slice(0, 6)).toEqual([104, 33, 17, 99, 23, 45]);
    // Back to code set B after the digits.
    expect(code128Symbols('1234X').slice(0, 5)).toEqual([105, 12, 34, 100, 56]);
  });
  it('stays in code set B for short digit runs', () => {
    expect(code128Symbols('SN-7')[0]).toBe(104);
    expect(code128Symbols('123').slice(0, 4)).toEqual([104, 17, 18, 19]);
  });
});

describe('encodeCode128', () => {
  it('starts with START B and ends with the stop pattern', () => {
    const widths = encodeCode128('PJJ123C');
    expect(widths.slice(0, 6)).toEqual(START_B);
    expect(widths.slice(-7)).toEqual(STOP);
    expect(encodeCode128('1234').slice(0, 6)).toEqual(START_C);
  });
  it('uses 11 modules per symbol (start, data, checksum) plus 13 for the stop', () => {
    for (const text of ['PJJ123C', 'SN-0001', '00:1A:2B:3C:4D:5E', '356938035643809', ' ~']) {
      const widths = encodeCode128(text);
      expect(sum(widths), text).toBe(11 * code128Symbols(text).length + 13);
      expect(widths.length, text).toBe(6 * code128Symbols(text).length + 7);
    }
    expect(sum(encodeCode128('PJJ123C'))).toBe(11 * 9 + 13);
  });
  it('throws a clear error outside printable ASCII', () => {
    expect(() => encodeCode128('SN-é')).toThrow(/printable ASCII only; character "é" at position 4/);
    expect(() => encodeCode128('A\tB')).toThrow(/printable ASCII/);
    expect(() => encodeCode128('')).toThrow(/empty/);
  });
});

describe('code128Svg', () => {
  it('draws black bars on white with 10-module quiet zones', () => {
    const svg = code128Svg('SN-7', { height: 40, moduleWidth: 3 });
    const modules = sum(encodeCode128('SN-7')) + 2 * QUIET_ZONE_MODULES;
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain(`width="${modules * 3}" height="40"`);
    expect(svg).toContain('fill="#fff"');
    expect(svg).toContain('<path fill="#000" d="M30 0h6v40h-6z');
    // One sub-path per bar: 3 bars per symbol plus 4 in the stop pattern.
    expect(svg.match(/M/g)).toHaveLength(3 * code128Symbols('SN-7').length + 4);
  });
  it('escapes the text in its accessible name', () => {
    expect(code128Svg('A&B<"C">')).toContain('aria-label="Barcode A&#38;B&#60;&#34;C&#34;&#62;"');
  });
  it('refuses nonsense sizes', () => {
    expect(() => code128Svg('A', { height: 0 })).toThrow(/height/);
    expect(() => code128Svg('A', { moduleWidth: -1 })).toThrow(/module width/);
  });
});
