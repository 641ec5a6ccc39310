/**
 * Finds a BarcodeDetector for camera scanning: the browser's own when it reads our label formats
 * (Chrome on Android), otherwise the `barcode-detector` polyfill (ZXing compiled to WebAssembly),
 * imported only when the camera is opened so the ~1 MB .wasm never weighs on ordinary pages.
 */

export type DetectedCode = { rawValue: string };
export type CodeDetector = { detect(source: HTMLVideoElement): Promise<DetectedCode[]> };

type DetectorConstructor = {
  new (options?: { formats?: string[] }): CodeDetector;
  getSupportedFormats(): Promise<readonly string[]>;
};

/** Code 128 is what our labels print; the others are what suppliers put on boxes. */
export const SCAN_FORMATS = [
  'code_128',
  'code_39',
  'code_93',
  'codabar',
  'ean_13',
  'ean_8',
  'upc_a',
  'upc_e',
  'itf',
  'qr_code',
  'data_matrix',
] as const;

/** Where lib/serials/copy-wasm.mjs puts the .wasm; the version folder keeps JS and .wasm in step. */
export function zxingWasmUrl(version: string): string {
  return `/vendor/zxing-wasm/${version}/zxing_reader.wasm`;
}

async function nativeDetector(): Promise<CodeDetector | null> {
  const Native = (globalThis as { BarcodeDetector?: DetectorConstructor }).BarcodeDetector;
  if (!Native) return null;
  try {
    const supported = new Set(await Native.getSupportedFormats());
    const formats = SCAN_FORMATS.filter((format) => supported.has(format));
    // Some desktop browsers expose the API with no formats at all; the polyfill does better there.
    return formats.length > 0 ? new Native({ formats }) : null;
  } catch {
    return null;
  }
}

async function polyfillDetector(): Promise<CodeDetector> {
  const { BarcodeDetector, prepareZXingModule, ZXING_WASM_VERSION } = await import('barcode-detector/ponyfill');
  prepareZXingModule({
    overrides: {
      locateFile: (file: string, prefix: string) =>
        file.endsWith('.wasm') ? zxingWasmUrl(ZXING_WASM_VERSION) : prefix + file,
    },
  });
  return new BarcodeDetector({ formats: [...SCAN_FORMATS] });
}

export async function createCodeDetector(): Promise<CodeDetector> {
  return (await nativeDetector()) ?? polyfillDetector();
}
