import { MODULES, type AppModule } from '@/lib/modules';
import { autoMatchColumns, normalizeHeader } from './auto-match';

/** "Goods_Receipts-2026.csv" → "goodsreceipts2026": letters and digits only, lower case. */
const squeeze = (text: string) => text.toLowerCase().replace(/\.[a-z0-9]+$/, '').replace(/[^a-z0-9]/g, '');

function byFileName(fileName: string): AppModule | null {
  const name = squeeze(fileName);
  const hits = MODULES.filter((m) => [m.apiName, m.label, m.singular].some((word) => name.includes(normalizeHeader(word).replace(/[^a-z0-9]/g, ''))));
  return hits.length === 1 ? hits[0] : null;
}

/** The one module whose mandatory fields all have a column and which matches the most headers; null on a tie. */
function byHeaders(headers: readonly string[]): AppModule | null {
  const scored = MODULES.map((m) => {
    const matched = autoMatchColumns(m, headers);
    const complete = m.mandatory.every((field) => matched[field] !== null);
    return { m, complete, score: Object.values(matched).filter((index) => index !== null).length };
  }).filter((s) => s.complete).sort((a, b) => b.score - a.score);
  if (scored.length === 0 || (scored.length > 1 && scored[0].score === scored[1].score)) return null;
  return scored[0].m;
}

/**
 * The module a file is meant for, as a person would guess it: its name ("items.csv", "Goods_Receipts.xlsx")
 * or else its headers. Null when neither says it clearly; the import page then offers the last one used.
 */
export function detectModule(fileName: string, headers: readonly string[]): { module: AppModule; from: 'file name' | 'headers' } | null {
  const named = byFileName(fileName);
  if (named) return { module: named, from: 'file name' };
  const headed = byHeaders(headers);
  return headed ? { module: headed, from: 'headers' } : null;
}
