import { existsSync } from 'node:fs';
import path from 'node:path';
import { ZXING_WASM_VERSION } from 'barcode-detector/ponyfill';
import { describe, expect, it } from 'vitest';
import { zxingWasmUrl } from './barcode-detector';

// The file the browser fetches: public/ is served at the site root. That it reads our labels back is
// tested with the labels (lib/labels/barcode-svg.test.ts), through this same file.
const vendorWasm = path.join(process.cwd(), 'public', zxingWasmUrl(ZXING_WASM_VERSION));

describe('the self-hosted ZXing .wasm', () => {
  it('is in public/vendor for the installed zxing-wasm version (run node lib/serials/copy-wasm.mjs)', () => {
    expect(existsSync(vendorWasm), vendorWasm).toBe(true);
  });
});
