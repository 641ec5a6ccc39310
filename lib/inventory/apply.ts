import type { DbOrTx } from '@/db/client';
import { trimZeros } from '@/lib/decimal';
import type { DatedCheck } from './dated-stock';
import type { Direction } from './kinds';
import { throwIfProblems, type Problem } from './problems';
import type { ItemInfo } from './context';
import { lockDocumentSerials, unissueSerials, unreceiveSerials } from './reverse';
import { issueSerials, receiveSerials } from './serial-moves';
import { applyNetDeltas, netDeltas, type Shortfall, type StockDelta } from './stock-levels';

export type StockDoc = { id: bigint; number: string; date: string; direction: Direction; warehouseId: bigint; warehouseCode: string };
export type StockLine = { line: number; lineId: bigint; item: ItemInfo; quantity: string; serials: string[] };
/** A stock document with its lines, as an edit compares the old and the new. */
export type Moves = { doc: StockDoc; lines: StockLine[] };

const deltasOf = ({ doc, lines }: Moves): StockDelta[] => lines.map((l) => ({
  itemId: l.item.id, itemCode: l.item.code, unit: l.item.unit, warehouseId: doc.warehouseId, warehouseCode: doc.warehouseCode,
  quantity: l.quantity, line: l.line,
}));
/** What a document adds to stock (a receipt) and what it takes away (an issue). */
const upOf = (m: Moves | null) => (m && m.doc.direction === 'in' ? deltasOf(m) : []);
const downOf = (m: Moves | null) => (m && m.doc.direction === 'out' ? deltasOf(m) : []);

/** The dated checks for the counted lines of a document that take stock away at its date (see dated-stock.ts). */
function datedChecks({ doc, lines }: Moves, reason: DatedCheck['reason']): DatedCheck[] {
  return lines.filter((l) => !l.item.trackSerials).map((l) => ({
    itemId: l.item.id, itemCode: l.item.code, unit: l.item.unit, warehouseId: doc.warehouseId, warehouseCode: doc.warehouseCode,
    from: doc.date, line: l.line, reason, document: { number: doc.number, date: doc.date },
  }));
}

/** Receives or issues the serials of a document's tracked lines, one statement per line, all sent at once. */
async function moveSerials(tx: DbOrTx, { doc, lines }: Moves): Promise<Problem[]> {
  const problems = await Promise.all(lines.filter((l) => l.item.trackSerials).map((l) => {
    const serialLine = { line: l.line, lineId: l.lineId, documentId: doc.id, date: doc.date, warehouseId: doc.warehouseId,
      warehouseCode: doc.warehouseCode, itemId: l.item.id, itemCode: l.item.code, serials: l.serials };
    return doc.direction === 'in' ? receiveSerials(tx, serialLine) : issueSerials(tx, serialLine);
  }));
  return problems.flat();
}

/** Undoes what a posted document did to its serials (locked first), refusing when a later document moved one. */
async function unmoveSerials(tx: DbOrTx, { doc, lines }: Moves): Promise<Problem[]> {
  const problems: Problem[] = [];
  if (lines.some((l) => l.item.trackSerials)) await lockDocumentSerials(tx, doc.id);
  for (const l of lines) {
    if (!l.item.trackSerials) continue;
    const posted = { line: l.line, lineId: l.lineId, itemId: l.item.id, itemCode: l.item.code };
    problems.push(...(doc.direction === 'in' ? await unreceiveSerials(tx, doc.number, posted) : await unissueSerials(tx, doc.number, posted)));
  }
  return problems;
}

const notEnough: Shortfall = (d, available) =>
  `Not enough stock of ${d.itemCode} in warehouse ${d.warehouseCode}: ${available} ${d.unit} available, ${trimZeros(d.quantity)} requested.`;
const pinned = (number: string, deleted: boolean): Shortfall => (d, available) =>
  `${number} cannot be changed or deleted: stock of ${d.itemCode} in warehouse ${d.warehouseCode} would go below zero `
  + `(${available} ${d.unit} on hand, ${trimZeros(d.quantity)} ${deleted ? 'received by it' : 'fewer after the change'}).`;

/**
 * Moves stock and serials for a receipt (in) or an issue (out). The statements are pipelined on the
 * transaction's connection (serial lines first, then stock levels in lock order) and the posting waits
 * once. A refusal throws, and the transaction (or the caller's savepoint) undoes what already ran.
 * Returns the dated checks the caller runs once its whole operation is written.
 */
export async function applyStockEffects(tx: DbOrTx, doc: StockDoc, lines: StockLine[]): Promise<DatedCheck[]> {
  const moves = { doc, lines };
  const [serialProblems, stockProblems] = await Promise.all([moveSerials(tx, moves), applyNetDeltas(tx, netDeltas(upOf(moves), downOf(moves)), notEnough)]);
  // A serial that is not in stock already explains the shortfall; the quantity message would only repeat it.
  throwIfProblems(serialProblems);
  throwIfProblems(stockProblems);
  return doc.direction === 'out' ? datedChecks(moves, 'issue') : [];
}

/** Undoes a posted receipt or issue, refusing when later documents depend on it. Returns its dated checks. */
export async function reverseStockEffects(tx: DbOrTx, doc: StockDoc, lines: StockLine[]): Promise<DatedCheck[]> {
  return replaceStockEffects(tx, { doc, lines }, async () => null);
}

/**
 * Turns what `before` did into what the rewritten document does (either may be absent: a document deleted,
 * an invoice gaining or losing its goods document). `rewrite` replaces the lines between the undo of the old
 * serials (which needs the old lines' movements) and the moves of the new ones, and says what the document
 * now moves. Serials are undone and redone; stock levels change only by the net difference, so an edit is
 * judged by its result, not by the moment in between. Returns the dated checks of both sides.
 */
export async function replaceStockEffects(tx: DbOrTx, before: Moves | null, rewrite: () => Promise<Moves | null>): Promise<DatedCheck[]> {
  if (before) throwIfProblems(await unmoveSerials(tx, before));
  const after = await rewrite();
  if (after) throwIfProblems(await moveSerials(tx, after));
  const net = netDeltas([...upOf(after), ...downOf(before)], [...downOf(after), ...upOf(before)]);
  throwIfProblems(await applyNetDeltas(tx, net, before ? pinned(before.doc.number, after === null) : notEnough));
  return [...(before?.doc.direction === 'in' ? datedChecks(before, 'undo') : []), ...(after?.doc.direction === 'out' ? datedChecks(after, 'issue') : [])];
}
