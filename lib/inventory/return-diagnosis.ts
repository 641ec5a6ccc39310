import { allPipelined } from '@/lib/sql-pipeline';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rows } from '@/lib/sql-rows';
import type { Problem } from './problems';
import { lookup, named, otherItem, type Known, type Refused } from './serial-diagnosis';
import type { SerialLine } from './serial-moves';

/** Where a serial is instead of where the return needs it, in a few words. */
function whereItIs(held: Known): string {
  if (held.status === 'in_transit') return `it is in transit on ${held.issuedBy ?? 'a transfer'}`;
  if (held.status === 'issued') return `it was issued by ${held.issuedBy ?? 'another document'}`;
  return `it is in stock in warehouse ${held.warehouseCode}${held.receivedBy ? ` (${held.receivedBy})` : ''}`;
}

function notReturnable(
  line: SerialLine,
  origin: string,
  side: 'customer' | 'supplier',
  { serial, key }: Refused,
  known: Map<string, Known[]>,
): Problem {
  const rowsOfKey = known.get(key) ?? [];
  const held = rowsOfKey.find((k) => k.itemId === String(line.itemId));
  const other = rowsOfKey[0];
  if (!held && other) {
    return otherItem(line, serial, other);
  }
  if (held && held.lastMovedOn > line.date) {
    return {
      code: 'OUT_OF_ORDER',
      line: line.line,
      serial,
      message: `Serial ${named(serial, held)} of item ${line.itemCode} cannot be returned on ${line.date}: it last moved on ${held.lastMovedOn}, and its history must stay in date order.`,
    };
  }
  const where = held ? whereItIs(held) : 'it was never received';
  const rule =
    side === 'customer'
      ? `did not leave with ${origin} or is back already`
      : `did not come with ${origin} or is not in stock in warehouse ${line.warehouseCode}`;
  return {
    code: 'NOT_RETURNABLE',
    line: line.line,
    serial,
    message: `Serial ${held ? named(serial, held) : serial} of item ${line.itemCode} ${rule}: ${where}.`,
  };
}

/**
 * Why each serial could not go back on a return naming `returnOfId`: another item's, moved after the return's date,
 * or not one that document moved (and, for a customer, still out with it; for a supplier, still in stock here).
 */
export async function diagnoseNotReturnable(
  tx: DbOrTx,
  line: SerialLine,
  refused: Refused[],
  returnOfId: bigint,
  side: 'customer' | 'supplier',
): Promise<Problem[]> {
  const [known, [origin]] = await allPipelined([
    lookup(
      tx,
      refused.map((r) => r.key),
    ),
    rows<{ number: string }>(tx, sql`select number from document where id = ${returnOfId}`),
  ]);
  return refused.map((r) => notReturnable(line, origin?.number ?? 'that document', side, r, known));
}
