import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { budgetProblems } from './budgets';
import { firstLoadSizes, routeOf } from './first-load';

/** A two-route .next folder as `next build` (Turbopack) writes it: root chunks, layouts, pages, a lazy chunk. */
const next = mkdtempSync(path.join(os.tmpdir(), 'first-load-'));
afterAll(() => rmSync(next, { recursive: true, force: true }));

const chunk = (name: string, text: string) => {
  mkdirSync(path.join(next, 'static/chunks'), { recursive: true });
  writeFileSync(path.join(next, 'static/chunks', name), text);
  return gzipSync(text).length;
};
const sizes = {
  runtime: chunk('runtime.js', 'runtime();'.repeat(40)),
  layout: chunk('layout.js', 'layout();'.repeat(30)),
  form: chunk('form.js', 'form();'.repeat(80)),
  list: chunk('list.js', 'list();'.repeat(20)),
  camera: chunk('camera.js', 'zxing_reader.wasm();'),
};
const page = (dir: string, entry: string, files: string[]) => {
  const folder = path.join(next, 'server/app', dir);
  mkdirSync(path.join(folder, 'page'), { recursive: true });
  writeFileSync(
    path.join(folder, 'page/build-manifest.json'),
    JSON.stringify({ rootMainFiles: ['static/chunks/runtime.js'] }),
  );
  const entryJSFiles = { '[project]/app/(app)/layout': ['static/chunks/layout.js'], [`[project]/app${entry}`]: files };
  writeFileSync(
    path.join(folder, 'page_client-reference-manifest.js'),
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\n` +
      `globalThis.__RSC_MANIFEST[${JSON.stringify(entry)}] = ${JSON.stringify({ entryJSFiles })};\n`,
  );
};
page('(app)/goods-receipts/new', '/(app)/goods-receipts/new/page', [
  'static/chunks/layout.js',
  'static/chunks/form.js',
]);
page('(app)/items', '/(app)/items/page', ['static/chunks/list.js']);

describe('first-load JavaScript of a build', () => {
  it('names routes as URLs: without route groups and the page leaf', () => {
    expect(routeOf('/(app)/goods-receipts/[id]/edit/page')).toBe('/goods-receipts/[id]/edit');
    expect(routeOf('/(app)/page')).toBe('/');
  });

  it('sums the gzip sizes of the root chunks, the layouts and the page, each chunk once', () => {
    const loads = firstLoadSizes(next);
    expect(loads.map((load) => [load.route, load.gzipBytes])).toEqual([
      ['/goods-receipts/new', sizes.runtime + sizes.layout + sizes.form],
      ['/items', sizes.runtime + sizes.layout + sizes.list],
    ]);
  });

  it('fails a route over its budget and camera code in a first load, and passes the rest', () => {
    const loads = firstLoadSizes(next);
    const formKb = (sizes.runtime + sizes.layout + sizes.form) / 1024;
    const budget = (route: string) => (route === '/items' ? 100 : formKb - 0.01);
    expect(budgetProblems(loads, ['static/chunks/camera.js'], budget)).toEqual([
      `/goods-receipts/new: ${formKb.toFixed(1)} KB gzip of first-load JS, over its ${formKb - 0.01} KB`,
    ]);
    const eager = loads.map((load) =>
      load.route === '/items' ? { ...load, files: [...load.files, 'static/chunks/camera.js'] } : load,
    );
    expect(budgetProblems(eager, ['static/chunks/camera.js'], () => 100)).toEqual([
      '/items: camera code in the first load (static/chunks/camera.js)',
    ]);
    expect(budgetProblems(loads, [], () => 100)).toEqual(['No camera scanner chunk found: update CAMERA_MARKERS.']);
  });
});
