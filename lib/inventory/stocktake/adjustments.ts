import { MAX_LINES, type DocumentInput } from '@/lib/validation/documents';
import type { AdjustmentPlan } from './plan';

type Header = { date: string; warehouseId: bigint; note: string };
type Line = { itemId: string; quantity: string; serials: string[] };

/** The issue (missing, short) and receipt (found, surplus) inputs of a plan, at most MAX_LINES lines each. */
export function adjustmentDocuments(plan: AdjustmentPlan, header: Header): DocumentInput[] {
  const found = new Map<string, Line>();
  const gone = new Map<string, Line>();
  const add = (into: Map<string, Line>, itemId: string, serial: string) => {
    const line = into.get(itemId) ?? { itemId, quantity: '0', serials: [] };
    line.serials.push(serial);
    line.quantity = String(line.serials.length);
    into.set(itemId, line);
  };
  for (const u of plan.unknown) add(found, u.itemId, u.serial);
  for (const m of plan.missing) add(gone, m.itemId, m.serial);
  for (const c of plan.counts) {
    const negative = c.difference.startsWith('-');
    const quantity = negative ? c.difference.slice(1) : c.difference;
    (negative ? gone : found).set(c.itemId, { itemId: c.itemId, quantity, serials: [] });
  }
  const documents = (kind: 'goods_receipt' | 'goods_issue', lines: Line[]): DocumentInput[] =>
    Array.from({ length: Math.ceil(lines.length / MAX_LINES) }, (_, i) => ({
      kind,
      ...header,
      lines: lines.slice(i * MAX_LINES, (i + 1) * MAX_LINES),
    }));
  return [...documents('goods_issue', [...gone.values()]), ...documents('goods_receipt', [...found.values()])];
}
