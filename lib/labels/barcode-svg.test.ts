import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BarcodeDetector, ZXING_WASM_VERSION, prepareZXingModule } from 'barcode-detector/ponyfill';
import { beforeAll, describe, expect, it } from 'vitest';
import { zxingWasmUrl } from '@/lib/serials/barcode-detector';
import { barcodeSvg } from './barcode-svg';
import { SYMBOLOGIES, type Symbology } from './symbologies';

// Node has neither ImageData nor DOMRectReadOnly; the decoder only needs their shape.
class NodeImageData {
  constructor(
    readonly data: Uint8ClampedArray,
    readonly width: number,
    readonly height: number,
  ) {}
}
class NodeRect {
  constructor(
    readonly x: number,
    readonly y: number,
    readonly width: number,
    readonly height: number,
  ) {}
}

/** Paints the SVG's rectangles (all our paths are) on white, `scale` pixels per viewBox unit. */
function rasterize(svg: string, scale: number): ImageData {
  const [, , columns, rows] = svg
    .match(/viewBox="([^"]+)"/)![1]
    .split(' ')
    .map(Number);
  const width = Math.ceil(columns * scale);
  const data = new Uint8ClampedArray(width * Math.ceil(rows * scale) * 4).fill(255);
  for (const [, x, y, w, h] of svg.matchAll(/M([\d.]+) ([\d.]+)h([\d.]+)v([\d.]+)h-?[\d.]+z/g)) {
    for (let row = Math.round(+y * scale); row < Math.round((+y + +h) * scale); row++) {
      const from = (row * width + Math.round(+x * scale)) * 4;
      for (let offset = from; offset < (row * width + Math.round((+x + +w) * scale)) * 4; offset += 4) {
        data.fill(0, offset, offset + 3);
      }
    }
  }
  return new NodeImageData(data, width, Math.ceil(rows * scale)) as unknown as ImageData;
}

const FORMATS: Record<Symbology, string> = {
  code128: 'code_128',
  'gs1-128': 'code_128',
  qrcode: 'qr_code',
  datamatrix: 'data_matrix',
};

async function scan(svg: string, symbology: Symbology): Promise<string[]> {
  const image = rasterize(svg, SYMBOLOGIES[symbology].kind === 'linear' ? 3 : 6);
  const found = await new BarcodeDetector({ formats: [FORMATS[symbology]] as never }).detect(image);
  return found.map((code) => code.rawValue);
}

describe('barcodeSvg scans back with the camera scanner we ship (the self-hosted ZXing .wasm)', () => {
  beforeAll(() => {
    const browserGlobals = globalThis as { ImageData?: unknown; DOMRectReadOnly?: unknown };
    browserGlobals.ImageData ??= NodeImageData;
    browserGlobals.DOMRectReadOnly ??= NodeRect;
    const wasm = readFileSync(path.join(process.cwd(), 'public', zxingWasmUrl(ZXING_WASM_VERSION)));
    const wasmBinary = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength);
    prepareZXingModule({ overrides: { wasmBinary } });
  });

  const ascii = ['PJJ123C', 'SN-0001', '00:1A:2B:3C:4D:5E', '356938035643809', 'A12345', '1234X', '~ !"#$%&\'()*+,-./'];
  it.each(ascii)('Code 128: %s', async (text) => {
    expect(await scan(barcodeSvg(text, 'code128', { height: 40, moduleWidth: 1 }), 'code128')).toEqual([text]);
  });

  it('GS1-128: the serial as AI (21)', async () => {
    // Scanners report the element string: the AI's digits, then the serial.
    const svg = barcodeSvg('SN-0001', 'gs1-128', { height: 40, moduleWidth: 1 });
    expect(await scan(svg, 'gs1-128')).toEqual(['21SN-0001']);
  });

  const matrixCases = [
    ['qrcode', 'SN-0001'],
    ['qrcode', 'Kůň-ÄÖ-Ж-1'],
    ['datamatrix', 'SN-0001'],
    ['datamatrix', 'Kůň-ÄÖ-Ж-1'],
  ] as const;
  it.each(matrixCases)('%s: %s, any Unicode text as UTF-8', async (symbology, text) => {
    expect(await scan(barcodeSvg(text, symbology, { height: 96 }), symbology)).toEqual([text]);
  });
});

describe('barcodeSvg', () => {
  it('draws black on white with 10-module quiet zones for Code 128, sized in pixels', () => {
    const svg = barcodeSvg('SN-7', 'code128', { height: 40, moduleWidth: 3 });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="40"/);
    expect(svg).toContain('fill="#fff"');
    expect(svg).toContain('<path fill="#000" d="M30 0h');
    const width = Number(svg.match(/width="(\d+)"/)![1]);
    const lastBarEnd = Math.max(...[...svg.matchAll(/M(\d+) 0h(\d+)/g)].map(([, x, w]) => +x + +w));
    expect(width - lastBarEnd).toBe(30);
  });

  it('draws matrix codes square, their side the given height, quiet zone included', () => {
    const svg = barcodeSvg('SN-7', 'qrcode', { height: 90 });
    expect(svg).toContain('width="90" height="90" viewBox="0 0 29 29"');
  });

  it('names the image "Barcode <text>" for every symbology, escaped', () => {
    for (const symbology of Object.keys(SYMBOLOGIES) as Symbology[]) {
      expect(barcodeSvg('A&B<C>', symbology)).toContain('aria-label="Barcode A&#38;B&#60;C&#62;"');
    }
  });

  it('refuses what a scanner would misread, naming the character', () => {
    expect(() => barcodeSvg('SN-é', 'code128')).toThrow(/printable ASCII only; character "é" at position 4/);
    expect(() => barcodeSvg('', 'qrcode')).toThrow(/empty/);
    expect(() => barcodeSvg('SN(10)1', 'gs1-128')).toThrow(/GS1-128 labels take serials of at most 20 characters/);
    expect(() => barcodeSvg('SN #1', 'gs1-128')).toThrow(/"SN #1" cannot be encoded/);
    expect(() => barcodeSvg('X'.repeat(21), 'gs1-128')).toThrow(/at most 20 characters/);
  });

  it('refuses nonsense sizes', () => {
    expect(() => barcodeSvg('A', 'code128', { height: 0 })).toThrow(/height/);
    expect(() => barcodeSvg('A', 'code128', { moduleWidth: -1 })).toThrow(/module width/);
  });
});
