import { describe, expect, it } from 'vitest';
import { documentSchema } from '@/lib/validation/documents';
import { MAX_LINES } from '@/lib/validation/document-limits';
import { instantProblems } from './instant-checks';
import type { FormLine } from './form-values';

const line: FormLine = {
  itemId: '1',
  itemCode: 'A',
  itemName: 'A',
  unit: 'pcs',
  trackSerials: false,
  quantity: '1',
  unitPrice: '1',
  vatRate: '20',
  serials: [],
};
const base = { kind: 'goods_receipt' as const, date: '2026-01-05', warehouseId: '1' };
const schemaMessage = (lines: FormLine[]) =>
  documentSchema.safeParse({ ...base, lines }).error?.issues.find((issue) => issue.path.join('.') === 'lines')?.message;

describe('the document form’s instant checks', () => {
  it('refuse no lines and too many lines with the shared schema’s own messages', () => {
    for (const lines of [[], Array.from({ length: MAX_LINES + 1 }, () => line)]) {
      const message = instantProblems({ lines }).lines?.message;
      expect(message).toBeTruthy();
      expect(message).toBe(schemaMessage(lines));
    }
  });

  it('let through what the schema lets through on the line count', () => {
    for (const count of [1, MAX_LINES]) {
      const lines = Array.from({ length: count }, () => line);
      expect(instantProblems({ lines })).toEqual({});
      expect(schemaMessage(lines)).toBeUndefined();
    }
  });
});
