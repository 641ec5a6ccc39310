import type { DbOrTx } from '@/db/client';
import { trimZeros } from '@/lib/decimal';
import type { DatedCheck } from './dated-stock';
import type { Direction } from './kinds';
import { throwIfProblems, type Problem } from './problems';
import type { ItemInfo } from './context';
import { lockDocumentSerials, unissueSerials, unreceiveSerials } from './reverse';
import { issueSerials, receiveSerials } from './serial-moves';
import { decreaseStock, increaseStock, type StockDelta } from './stock-levels';

export type StockDoc = { id: bigint; number: string; date: string; direction: Direction; warehouseId: bigint; warehouseCode: string };
export type StockLine = { line: number; lineId: bigint; item: ItemInfo; quantity: string; serials: string[] };

const deltaOf = (doc: StockDoc, l: StockLine): StockDelta => ({
  itemId: l.item.id, itemCode: l.item.code, unit: l.item.unit, warehouseId: doc.warehouseId, warehouseCode: doc.warehouseCode,
  quantity: l.quantity, line: l.line,
});

/** The dated checks for the counted lines of a document that take stock away at its date (see dated-stock.ts). */
function datedChecks(doc: StockDoc, lines: StockLine[], reason: DatedCheck['reason']): DatedCheck[] {
  return lines.filter((l) => !l.item.trackSerials).map((l) => ({
    itemId: l.item.id, itemCode: l.item.code, unit: l.item.unit, warehouseId: doc.warehouseId, warehouseCode: doc.warehouseCode,
    from: doc.date, line: l.line, reason, document: { number: doc.number, date: doc.date },
  }));
}

/**
 * Moves stock and serials for a receipt (in) or an issue (out). Every problem is collected, then thrown
 * together. All statements are sent at once and postgres.js pipelines them on the transaction's
 * connection: the server runs them in the order sent (serial lines first, then stock levels in
 * groupDeltas' fixed order, so rows are locked as before) and the posting waits once, not once per
 * line. A refusal throws, and the transaction (or the caller's savepoint) undoes what already ran.
 * Returns the dated checks the caller runs once its whole operation is written.
 */
export async function applyStockEffects(tx: DbOrTx, doc: StockDoc, lines: StockLine[]): Promise<DatedCheck[]> {
  const serialProblems = Promise.all(lines.filter((l) => l.item.trackSerials).map((l) => {
    const serialLine = { line: l.line, lineId: l.lineId, documentId: doc.id, date: doc.date, warehouseId: doc.warehouseId,
      warehouseCode: doc.warehouseCode, itemId: l.item.id, itemCode: l.item.code, serials: l.serials };
    return doc.direction === 'in' ? receiveSerials(tx, serialLine) : issueSerials(tx, serialLine);
  }));
  const deltas = lines.map((l) => deltaOf(doc, l));
  const stockProblems = doc.direction === 'in' ? increaseStock(tx, deltas) : decreaseStock(tx, deltas, (d, available) =>
    `Not enough stock of ${d.itemCode} in warehouse ${d.warehouseCode}: ${available} ${d.unit} available, ${trimZeros(d.quantity)} requested.`);
  const [problems, stock] = await Promise.all([serialProblems, stockProblems]);
  // A serial that is not in stock already explains the shortfall; the quantity message would only repeat it.
  throwIfProblems(problems.flat());
  throwIfProblems(stock);
  return doc.direction === 'out' ? datedChecks(doc, lines, 'issue') : [];
}

/** Undoes a posted receipt or issue, refusing when later documents depend on it. Returns its dated checks. */
export async function reverseStockEffects(tx: DbOrTx, doc: StockDoc, lines: StockLine[]): Promise<DatedCheck[]> {
  const problems: Problem[] = [];
  if (lines.some((l) => l.item.trackSerials)) await lockDocumentSerials(tx, doc.id);
  for (const l of lines) {
    if (!l.item.trackSerials) continue;
    const posted = { line: l.line, lineId: l.lineId, itemId: l.item.id, itemCode: l.item.code };
    problems.push(...(doc.direction === 'in' ? await unreceiveSerials(tx, doc.number, posted) : await unissueSerials(tx, doc.number, posted)));
  }
  throwIfProblems(problems);
  const deltas = lines.map((l) => deltaOf(doc, l));
  if (doc.direction === 'out') problems.push(...await increaseStock(tx, deltas));
  else problems.push(...await decreaseStock(tx, deltas, (d, available) =>
    `${doc.number} cannot be changed or deleted: stock of ${d.itemCode} in warehouse ${d.warehouseCode} would go below zero (${available} ${d.unit} on hand, ${trimZeros(d.quantity)} received by it).`));
  throwIfProblems(problems);
  return doc.direction === 'in' ? datedChecks(doc, lines, 'undo') : [];
}
