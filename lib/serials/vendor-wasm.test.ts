import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BarcodeDetector, ZXING_WASM_VERSION, prepareZXingModule } from 'barcode-detector/ponyfill';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeCode128 } from '@/lib/labels/code128';
import { zxingWasmUrl } from './barcode-detector';

// The file the browser fetches: public/ is served at the site root.
const vendorWasm = path.join(process.cwd(), 'public', zxingWasmUrl(ZXING_WASM_VERSION));

// Node has neither ImageData nor DOMRectReadOnly; the decoder only needs their shape.
class NodeImageData {
  constructor(readonly data: Uint8ClampedArray, readonly width: number, readonly height: number) {}
}
class NodeRect {
  constructor(readonly x: number, readonly y: number, readonly width: number, readonly height: number) {}
}

function imageOfBarcode(widths: number[], scale = 3, height = 40) {
  const modules = widths.reduce((total, width) => total + width, 0) + 20;
  const width = modules * scale;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  let cursor = 10;
  widths.forEach((barWidth, index) => {
    if (index % 2 === 0) {
      for (let x = cursor * scale; x < (cursor + barWidth) * scale; x++) {
        for (let y = 0; y < height; y++) data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
      }
    }
    cursor += barWidth;
  });
  return new NodeImageData(data, width, height) as unknown as ImageData;
}

describe('the self-hosted ZXing .wasm', () => {
  it('is in public/vendor for the installed zxing-wasm version (run node lib/serials/copy-wasm.mjs)', () => {
    expect(existsSync(vendorWasm), vendorWasm).toBe(true);
  });

  describe('reads our own Code 128 labels back', () => {
    beforeAll(() => {
      const browserGlobals = globalThis as { ImageData?: unknown; DOMRectReadOnly?: unknown };
      browserGlobals.ImageData ??= NodeImageData;
      browserGlobals.DOMRectReadOnly ??= NodeRect;
      const wasmBinary = readFileSync(vendorWasm);
      prepareZXingModule({ overrides: { wasmBinary: wasmBinary.buffer.slice(wasmBinary.byteOffset, wasmBinary.byteOffset + wasmBinary.byteLength) } });
    });

    it.each(['PJJ123C', 'SN-0001', '00:1A:2B:3C:4D:5E', '356938035643809', 'A12345', '1234X', '~ !"#$%&\'()*+,-./'])('%s', async (text) => {
      const detector = new BarcodeDetector({ formats: ['code_128'] });
      const found = await detector.detect(imageOfBarcode(encodeCode128(text)));
      expect(found.map((code) => code.rawValue)).toEqual([text]);
    });
  });
});
