import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORM_ACTION_BODY_LIMIT_BYTES, FORM_SAVE_MAX_BYTES, payloadBytes, tooLargeForForm } from './form-size';

const document = (serials: string[]) => ({
  kind: 'goods_receipt',
  date: '2026-11-22',
  warehouseId: 1n,
  lines: [{ itemId: '7', quantity: String(serials.length), serials }],
});
const serialsOf = (count: number, width: number) =>
  Array.from({ length: count }, (_, i) => `S${String(i).padStart(width - 1, '0')}`);

describe("the document form's size check", () => {
  it('agrees with the server action body limit in next.config.mjs', () => {
    const config = readFileSync(path.resolve(__dirname, '../../next.config.mjs'), 'utf8');
    const limit = /bodySizeLimit:\s*'(\d+)mb'/.exec(config);
    expect(limit).not.toBeNull();
    expect(Number(limit![1]) * 1024 * 1024).toBe(FORM_ACTION_BODY_LIMIT_BYTES);
  });

  it('lets through the largest line of ordinary serials (100,000 of 20 characters)', () => {
    const doc = document(serialsOf(100_000, 20));
    expect(tooLargeForForm(doc, doc)).toBeNull();
  });

  it('refuses a document above the limit with the count, the size and the way out', () => {
    const big = document(serialsOf(100_000, 45));
    expect(payloadBytes(big)).toBeGreaterThan(FORM_SAVE_MAX_BYTES);
    expect(tooLargeForForm(big, big)).toMatch(
      /^This document is too large to save from the form: its 100,000 serial numbers make 4\.\d MB, and one save takes at most 3\.9 MB\. Import it on the Import page/,
    );
  });
});
