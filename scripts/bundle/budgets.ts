// The first-load JavaScript budgets of the production build, checked in npm test right after the build that
// scripts/test-e2e.sh makes (sizes are stable; times stay in npm run perf:web). Fails when a route's first load
// (gzip) is over its budget, or when the camera scanner's code (barcode-detector / zxing-wasm) is in any first
// load: it must arrive only when the camera is opened (components/serials/camera-launcher.tsx).
// Run alone after `next build`: npx tsx scripts/bundle/check-budgets.ts
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { kb, type RouteLoad } from './first-load';

const DOCUMENT_KINDS =
  '(goods-receipts|goods-issues|purchase-invoices|sales-invoices|transfers|transfer-arrivals|expected-receipts|' +
  'customer-returns|supplier-returns|credit-notes)';

/**
 * The scan form that receives goods by scanning: a transfer's arrival, its edit (an arrival is edited with the same
 * form, not the document form) and the confirmation of an expected receipt.
 */
const SCAN_FORM = /^\/(transfers\/\[id\]\/receive|transfer-arrivals\/\[id\]\/edit|expected-receipts\/\[id\]\/receive)$/;

/**
 * A document's create and edit form: the page a warehouse phone opens most (issue 20's goal). An arrival's edit
 * page is the scan form instead (SCAN_FORM).
 */
export const DOCUMENT_FORM = new RegExp(`^/(?!transfer-arrivals/)${DOCUMENT_KINDS}/(new|\\[id\\]/edit)$`);
export const DOCUMENT_FORM_BUDGET_KB = 170;

/**
 * Every other page, first match wins: the figure measured when the budgets were set (December 2026, in the
 * comment), rounded up to 5 KB plus 5 KB of room. A page that grows past it should be looked at, and its budget
 * raised on purpose, with the reason in the commit. No form ships zod: the server action parses with the shared
 * schema and its field errors land on the fields (components/forms/server-checks.ts).
 */
export const PAGE_BUDGETS: [RegExp, number][] = [
  [DOCUMENT_FORM, DOCUMENT_FORM_BUDGET_KB], // 169.5
  [new RegExp(`^/${DOCUMENT_KINDS}$`), 165], // 158.8-158.9
  [new RegExp(`^/${DOCUMENT_KINDS}/\\[id\\]$`), 155], // 146.6
  [SCAN_FORM, 190], // 182.9
  [/^\/(|api-docs|labels|serial-numbers\/\[id\]|_global-error|_not-found)$/, 150], // 133.2-143.8
  [/^\/(items|partners|stock|serial-numbers|items\/\[id\]|serial-numbers\/lookup)$/, 165], // 144.4-157.8
  [/^\/stocktakes(\/new|\/\[id\]|\/\[id\]\/close)?$/, 155], // 142.9-149.4
  [/^\/import$/, 170], // 164.4
  [/^\/sign-in$/, 165], // 154.3
  [/^\/(items\/new|items\/\[id\]\/edit|partners\/new|partners\/\[id\]|admin\/settings)$/, 170], // 159.6-160.3
  // A list with a form in it: the table and react-hook-form together.
  [/^\/(warehouses|admin\/users|admin\/api-keys)$/, 180], // 172.8-173.5
];
/** A page none of the above names (a new page): the largest budget, so it is checked at all. */
export const DEFAULT_BUDGET_KB = 240;

/** Text only the camera scanner's chunks hold: its messages and the ZXing reader's name. */
export const CAMERA_MARKERS = [/zxing/i, /Camera access was blocked/];

export function budgetOf(route: string): number {
  return PAGE_BUDGETS.find(([pattern]) => pattern.test(route))?.[1] ?? DEFAULT_BUDGET_KB;
}

/** The chunks of the build that hold camera code (none found means the markers are stale: that is an error too). */
export function cameraChunks(nextDir: string): string[] {
  const dir = path.join(nextDir, 'static/chunks');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .filter((file) => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      return CAMERA_MARKERS.some((marker) => marker.test(text));
    })
    .map((file) => `static/chunks/${file}`);
}

/** Every broken budget, in words; an empty list is a pass. */
export function budgetProblems(loads: RouteLoad[], camera: string[], budget = budgetOf): string[] {
  const problems: string[] = [];
  if (loads.length === 0) problems.push('No routes found in the build: is .next a production build?');
  if (camera.length === 0) problems.push('No camera scanner chunk found: update CAMERA_MARKERS.');
  const cameraSet = new Set(camera);
  for (const load of loads) {
    const limit = budget(load.route);
    if (kb(load.gzipBytes) > limit)
      problems.push(`${load.route}: ${kb(load.gzipBytes).toFixed(1)} KB gzip of first-load JS, over its ${limit} KB`);
    const eager = load.files.filter((file) => cameraSet.has(file));
    if (eager.length > 0) problems.push(`${load.route}: camera code in the first load (${eager.join(', ')})`);
  }
  return problems;
}
