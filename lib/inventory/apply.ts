import type { DbOrTx } from '@/db/client';
import { allPipelined } from '@/lib/sql-pipeline';
import { trimZeros } from '@/lib/decimal';
import type { DatedCheck } from './dated-stock';
import type { Direction } from './kinds';
import { throwIfProblems, type Problem } from './problems';
import type { ItemInfo } from './context';
import { lockDocumentSerials, unissueSerials, unreceiveSerials, untransferSerials, type PostedLine } from './reverse';
import {
  arriveSerials,
  dispatchSerials,
  issueSerials,
  receiveSerials,
  returnFromCustomer,
  returnToSupplier,
  transferSerials,
} from './serial-moves';
import { applyNetDeltas, netDeltas, type Shortfall, type StockDelta } from './stock-levels';

/**
 * Where a document moves stock: its warehouse, and for a transfer (direction `move`) the destination it moves to.
 * `transit`: the transfer in transit its serials leave with (an in-transit transfer: direction `out`) or arrive
 * from (a transfer arrival: direction `in`).
 */
export type StockDoc = {
  id: bigint;
  /**
   * Named in the refusals of an edit or delete (the posted document's). A new document's is provisional
   * (numbering.ts) and never shown: a new posting's refusals speak of its lines.
   */
  number: string;
  date: string;
  direction: Direction;
  warehouseId: bigint;
  warehouseCode: string;
  destination: { warehouseId: bigint; warehouseCode: string } | null;
  transit: { transferId: bigint } | null;
  /** A return: the document its serials go back on (direction `in`: from the customer, `out`: to the supplier). */
  returnOf: bigint | null;
};
export type StockLine = { line: number; lineId: bigint; item: ItemInfo; quantity: string; serials: string[] };
/** A stock document with its lines, as an edit compares the old and the new. */
export type Moves = { doc: StockDoc; lines: StockLine[] };

/**
 * One side of a document's effect on stock: a receipt is one `in`, an issue one `out`, a transfer an `out` and an `in`.
 */
type Leg = { side: 'in' | 'out'; warehouseId: bigint; warehouseCode: string };

function legsOf(doc: StockDoc): Leg[] {
  const here = { warehouseId: doc.warehouseId, warehouseCode: doc.warehouseCode };
  if (doc.direction !== 'move') return [{ side: doc.direction, ...here }];
  return [
    { side: 'out', ...here },
    { side: 'in', ...doc.destination! },
  ];
}

/** The quantities a document adds to stock (side `in`) or takes away (`out`), per line and warehouse. */
function deltasOf(m: Moves | null, side: Leg['side']): StockDelta[] {
  if (!m) return [];
  return legsOf(m.doc)
    .filter((leg) => leg.side === side)
    .flatMap((leg) =>
      m.lines.map((l) => ({
        itemId: l.item.id,
        itemCode: l.item.code,
        unit: l.item.unit,
        warehouseId: leg.warehouseId,
        warehouseCode: leg.warehouseCode,
        quantity: l.quantity,
        line: l.line,
      })),
    );
}
const upOf = (m: Moves | null) => deltasOf(m, 'in');
const downOf = (m: Moves | null) => deltasOf(m, 'out');

/**
 * The dated checks for the counted lines of a document where it takes stock away at its date (see dated-stock.ts):
 * the `out` side of what it does (an issue), or the `in` side of what it did (undone).
 */
function datedChecks(m: Moves | null, reason: DatedCheck['reason']): DatedCheck[] {
  if (!m) return [];
  const { doc, lines } = m;
  return legsOf(doc)
    .filter((leg) => leg.side === (reason === 'issue' ? 'out' : 'in'))
    .flatMap((leg) =>
      lines
        .filter((l) => !l.item.trackSerials)
        .map((l) => ({
          itemId: l.item.id,
          itemCode: l.item.code,
          unit: l.item.unit,
          warehouseId: leg.warehouseId,
          warehouseCode: leg.warehouseCode,
          from: doc.date,
          line: l.line,
          reason,
          document: { number: doc.number, date: doc.date },
        })),
    );
}

/**
 * Receives, issues or transfers the serials of a document's tracked lines, one statement per line, all sent at once.
 */
async function moveSerials(tx: DbOrTx, { doc, lines }: Moves): Promise<Problem[]> {
  const problems = await allPipelined(
    lines
      .filter((l) => l.item.trackSerials)
      .map((l) => {
        const serialLine = {
          line: l.line,
          lineId: l.lineId,
          documentId: doc.id,
          date: doc.date,
          warehouseId: doc.warehouseId,
          warehouseCode: doc.warehouseCode,
          itemId: l.item.id,
          itemCode: l.item.code,
          serials: l.serials,
        };
        if (doc.direction === 'move') return transferSerials(tx, serialLine, doc.destination!.warehouseId);
        if (doc.returnOf !== null)
          return doc.direction === 'in'
            ? returnFromCustomer(tx, serialLine, doc.returnOf)
            : returnToSupplier(tx, serialLine, doc.returnOf);
        if (doc.transit)
          return doc.direction === 'in'
            ? arriveSerials(tx, serialLine, doc.transit.transferId)
            : dispatchSerials(tx, serialLine);
        return doc.direction === 'in' ? receiveSerials(tx, serialLine) : issueSerials(tx, serialLine);
      }),
  );
  return problems.flat();
}

type Unmove = (tx: DbOrTx, docNumber: string, line: PostedLine) => Promise<Problem[]>;

/**
 * How a document's serial moves are undone: an arrival like a receipt (back in transit), a dispatch like an issue (back
 * in stock).
 */
function unmoveOf(doc: StockDoc): Unmove {
  if (doc.direction === 'move') return untransferSerials;
  if (doc.direction === 'in') return unreceiveSerials;
  return doc.transit ? (tx, number, line) => unissueSerials(tx, number, line, 'in_transit') : unissueSerials;
}

/** Undoes what a posted document did to its serials (locked first), refusing when a later document moved one. */
async function unmoveSerials(tx: DbOrTx, { doc, lines }: Moves): Promise<Problem[]> {
  const problems: Problem[] = [];
  if (lines.some((l) => l.item.trackSerials)) await lockDocumentSerials(tx, doc.id);
  const unmove = unmoveOf(doc);
  for (const l of lines) {
    if (!l.item.trackSerials) continue;
    const posted = { line: l.line, lineId: l.lineId, itemId: l.item.id, itemCode: l.item.code };
    problems.push(...(await unmove(tx, doc.number, posted)));
  }
  return problems;
}

const notEnough: Shortfall = (d, available) =>
  `Not enough stock of ${d.itemCode} in warehouse ${d.warehouseCode}: ${available} ${d.unit} available, ${trimZeros(d.quantity)} requested.`;
const pinned =
  (number: string, deleted: boolean): Shortfall =>
  (d, available) =>
    `${number} cannot be changed or deleted: stock of ${d.itemCode} in warehouse ${d.warehouseCode} would go below zero ` +
    `(${available} ${d.unit} on hand, ${trimZeros(d.quantity)} ${deleted ? 'received by it' : 'fewer after the change'}).`;

/**
 * Moves stock and serials for a receipt (in), an issue (out) or a transfer (move: out of its warehouse into
 * its destination). The statements are pipelined on the transaction's connection (serial lines first, then
 * stock levels in lock order, both warehouses of a transfer among them) and the posting waits once. A refusal throws,
 * and the transaction (or the caller's savepoint) undoes what already ran.
 * Returns the dated checks the caller runs once its whole operation is written.
 */
export async function applyStockEffects(tx: DbOrTx, doc: StockDoc, lines: StockLine[]): Promise<DatedCheck[]> {
  const moves = { doc, lines };
  const [serialProblems, stockProblems] = await allPipelined([
    moveSerials(tx, moves),
    applyNetDeltas(tx, netDeltas(upOf(moves), downOf(moves)), notEnough),
  ]);
  // A serial that is not in stock already explains the shortfall; the quantity message would only repeat it.
  throwIfProblems(serialProblems);
  throwIfProblems(stockProblems);
  return datedChecks(moves, 'issue');
}

/** Undoes a posted receipt, issue or transfer, refusing when later documents depend on it. Returns its dated checks. */
export async function reverseStockEffects(tx: DbOrTx, posted: Moves): Promise<DatedCheck[]> {
  return replaceStockEffects(tx, posted, async () => null);
}

/**
 * Turns what `before` did into what the rewritten document does (either may be absent: a document deleted,
 * an invoice gaining or losing its goods document). `rewrite` replaces the lines between the undo of the old
 * serials (which needs the old lines' movements) and the moves of the new ones, and says what the document
 * now moves. Serials are undone and redone; stock levels change only by the net difference, so an edit is
 * judged by its result, not by the moment in between. Returns the dated checks of both sides.
 */
export async function replaceStockEffects(
  tx: DbOrTx,
  before: Moves | null,
  rewrite: () => Promise<Moves | null>,
): Promise<DatedCheck[]> {
  if (before) throwIfProblems(await unmoveSerials(tx, before));
  const after = await rewrite();
  if (after) throwIfProblems(await moveSerials(tx, after));
  const net = netDeltas([...upOf(after), ...downOf(before)], [...downOf(after), ...upOf(before)]);
  throwIfProblems(await applyNetDeltas(tx, net, before ? pinned(before.doc.number, after === null) : notEnough));
  return [...datedChecks(before, 'undo'), ...datedChecks(after, 'issue')];
}
