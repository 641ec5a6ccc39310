#!/usr/bin/env node
/**
 * Copies the ZXing reader .wasm used by the `barcode-detector` polyfill into public/vendor, so camera
 * scanning loads it from our own origin (no CDN, works behind a strict CSP). The folder carries the
 * zxing-wasm version because each .wasm only works with the JavaScript of the same version; the camera
 * code builds the same path from ZXING_WASM_VERSION (see lib/serials/barcode-detector.ts).
 *
 * Run after installing or upgrading barcode-detector:  node lib/serials/copy-wasm.mjs
 * lib/serials/vendor-wasm.test.ts fails when the copy is missing or stale.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const vendorDir = path.join(projectRoot, 'public/vendor/zxing-wasm');

// Resolve zxing-wasm from barcode-detector itself, so a nested (non-hoisted) copy is found too.
const requireFromProject = createRequire(path.join(projectRoot, 'package.json'));
const requireFromDetector = createRequire(requireFromProject.resolve('barcode-detector'));
const wasmSource = requireFromDetector.resolve('zxing-wasm/reader/zxing_reader.wasm');
const packageJson = path.resolve(path.dirname(wasmSource), '../../package.json');
const { version } = JSON.parse(readFileSync(packageJson, 'utf8'));

mkdirSync(path.join(vendorDir, version), { recursive: true });
copyFileSync(wasmSource, path.join(vendorDir, version, 'zxing_reader.wasm'));
// Older versions are dead weight in the deployed bundle.
for (const entry of readdirSync(vendorDir)) {
  if (entry !== version) rmSync(path.join(vendorDir, entry), { recursive: true, force: true });
}
console.log(`Copied zxing_reader.wasm ${version} to public/vendor/zxing-wasm/${version}/`);
