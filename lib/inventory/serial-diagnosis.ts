import { allPipelined } from '@/lib/sql-pipeline';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { arrayLiteral } from '@/lib/sql-array';
import { rows } from '@/lib/sql-rows';
import type { Problem } from './problems';
import type { SerialLine } from './serial-moves';

export type Known = {
  serial: string;
  key: string;
  itemId: string;
  itemCode: string;
  status: 'in_stock' | 'issued' | 'in_transit';
  warehouseCode: string;
  lastMovedOn: string;
  receivedBy: string | null;
  receivedByTransfer: boolean;
  issuedBy: string | null;
};
export type Refused = { serial: string; key: string };

/** Everything known about these serial keys, for any item: enough to say why a serial was refused. */
export async function lookup(tx: DbOrTx, keys: string[]): Promise<Map<string, Known[]>> {
  const found = await rows<Known>(
    tx,
    sql`
    select s.serial, s.serial_key as key, s.item_id::text as "itemId", i.code as "itemCode", s.status, w.code as "warehouseCode",
      s.last_moved_on::text as "lastMovedOn", rd.number as "receivedBy", coalesce(rd.kind = 'transfer', false) as "receivedByTransfer", idoc.number as "issuedBy"
    from serial_number s
    join item i on i.id = s.item_id
    join warehouse w on w.id = s.warehouse_id
    left join document_line rl on rl.id = s.received_line_id left join document rd on rd.id = rl.document_id
    left join document_line il on il.id = s.issued_line_id left join document idoc on idoc.id = il.document_id
    where s.serial_key = any(${arrayLiteral(keys)}::text[])`,
  );
  // Grouped by key: a refused 10,000-serial line must not cost 10,000 × 10,000 comparisons.
  const byKey = new Map<string, Known[]>();
  for (const row of found) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
  return byKey;
}

/** "SN-7" or, when the held serial is written differently, "sn-7 (which looks the same as SN-7)". */
export function named(entered: string, held: Known): string {
  return entered === held.serial ? entered : `${entered} (which looks the same as ${held.serial})`;
}

/** A serial the line names that the books hold under another item. */
export function otherItem(line: SerialLine, serial: string, other: Known): Problem {
  return {
    code: 'OTHER_ITEM',
    line: line.line,
    serial,
    message: `Serial ${named(serial, other)} belongs to item ${other.itemCode}, not ${line.itemCode}.`,
  };
}

function notReceived(line: SerialLine, { serial, key }: Refused, known: Map<string, Known[]>): Problem {
  const held = known.get(key)?.find((k) => k.itemId === String(line.itemId));
  if (held?.status === 'in_transit') {
    return {
      code: 'IN_TRANSIT',
      line: line.line,
      serial,
      message:
        `Serial ${named(serial, held)} of item ${line.itemCode} cannot be received: ` +
        `it is in transit on ${held.issuedBy ?? 'a transfer'}, and arrives with an arrival of that transfer.`,
    };
  }
  if (held?.status === 'issued') {
    return {
      code: 'OUT_OF_ORDER',
      line: line.line,
      serial,
      message:
        `Serial ${named(serial, held)} of item ${line.itemCode} cannot be received ` +
        `on ${line.date}: it was issued on ${held.lastMovedOn} by ${held.issuedBy ?? 'another document'}, and its history must stay in date order.`,
    };
  }
  const since = held?.receivedBy ? ` since ${held.receivedBy}` : '';
  const message =
    held && held.serial !== serial
      ? `Serial ${serial} of item ${line.itemCode} looks the same as ${held.serial}, in stock in warehouse ${held.warehouseCode}${since}.`
      : `Serial ${serial} of item ${line.itemCode} is already in stock${held ? ` in warehouse ${held.warehouseCode}${held.receivedBy ? ` (received by ${held.receivedBy})` : ''}` : ''}.`;
  return { code: 'ALREADY_IN_STOCK', line: line.line, serial, message };
}

/** Why each serial could not be received: in stock already (perhaps as a look-alike), or issued after this date. */
export async function diagnoseNotReceived(tx: DbOrTx, line: SerialLine, refused: Refused[]): Promise<Problem[]> {
  const known = await lookup(
    tx,
    refused.map((r) => r.key),
  );
  return refused.map((r) => notReceived(line, r, known));
}

function notIssued(line: SerialLine, { serial, key }: Refused, known: Map<string, Known[]>, verb: string): Problem {
  const rowsOfKey = known.get(key) ?? [];
  const held = rowsOfKey.find((k) => k.itemId === String(line.itemId));
  const prefix = (s: string) =>
    `Serial ${s} of item ${line.itemCode} is not in stock in warehouse ${line.warehouseCode}`;
  if (held?.status === 'issued') {
    return {
      code: 'NOT_IN_STOCK',
      line: line.line,
      serial,
      message: `${prefix(named(serial, held))}: already issued by ${held.issuedBy ?? 'another document'}.`,
    };
  }
  if (held?.status === 'in_transit') {
    return {
      code: 'NOT_IN_STOCK',
      line: line.line,
      serial,
      message: `${prefix(named(serial, held))}: it is in transit on ${held.issuedBy ?? 'a transfer'}.`,
    };
  }
  if (held && held.warehouseCode === line.warehouseCode && held.lastMovedOn > line.date) {
    return {
      code: 'OUT_OF_ORDER',
      line: line.line,
      serial,
      message:
        `Serial ${named(serial, held)} of item ${line.itemCode} cannot be ${verb} ` +
        `on ${line.date}: it was ${held.receivedByTransfer ? 'transferred there' : 'received'} on ${held.lastMovedOn} by ${held.receivedBy ?? 'another document'}.`,
    };
  }
  if (held && held.warehouseCode === line.warehouseCode) {
    // Received by a document saved at the same moment, after this one looked: saving again will find it.
    return {
      code: 'NOT_IN_STOCK',
      line: line.line,
      serial,
      message: `${prefix(named(serial, held))} yet: ${held.receivedBy ?? 'another document'} received it while this document was being saved; save again.`,
    };
  }
  if (held) {
    return {
      code: 'NOT_IN_STOCK',
      line: line.line,
      serial,
      message: `${prefix(named(serial, held))}: it is in warehouse ${held.warehouseCode}.`,
    };
  }
  const other = rowsOfKey[0];
  if (other) {
    return otherItem(line, serial, other);
  }
  return { code: 'NOT_IN_STOCK', line: line.line, serial, message: `${prefix(serial)}: it was never received.` };
}

/**
 * Why each serial could not be issued (or transferred, `verb`): issued already, arrived after this date, elsewhere,
 * another item's, or never received.
 */
export async function diagnoseNotInStock(
  tx: DbOrTx,
  line: SerialLine,
  refused: Refused[],
  verb = 'issued',
): Promise<Problem[]> {
  const known = await lookup(
    tx,
    refused.map((r) => r.key),
  );
  return refused.map((r) => notIssued(line, r, known, verb));
}

/** Where a serial an arrival could not take is instead of in transit on its transfer. */
function notArrived(
  line: SerialLine,
  transfer: string,
  { serial, key }: Refused,
  known: Map<string, Known[]>,
): Problem {
  const rowsOfKey = known.get(key) ?? [];
  const held = rowsOfKey.find((k) => k.itemId === String(line.itemId));
  const other = rowsOfKey[0];
  if (!held && other) {
    return otherItem(line, serial, other);
  }
  const where = !held
    ? 'it was never received'
    : held.status === 'in_transit'
      ? `it is in transit on ${held.issuedBy ?? 'another transfer'}`
      : held.status === 'issued'
        ? `it was issued by ${held.issuedBy ?? 'another document'}`
        : `it is in stock in warehouse ${held.warehouseCode}${held.receivedBy ? ` (${held.receivedBy})` : ''}`;
  return {
    code: 'NOT_IN_TRANSIT',
    line: line.line,
    serial,
    message: `Serial ${held ? named(serial, held) : serial} of item ${line.itemCode} is not in transit on ${transfer}: ${where}.`,
  };
}

/**
 * Why each serial could not arrive: not sent by the transfer, arrived already, elsewhere, another item's, or never
 * received.
 */
export async function diagnoseNotInTransit(
  tx: DbOrTx,
  line: SerialLine,
  refused: Refused[],
  transferId: bigint,
): Promise<Problem[]> {
  const [known, [transfer]] = await allPipelined([
    lookup(
      tx,
      refused.map((r) => r.key),
    ),
    rows<{ number: string }>(tx, sql`select number from document where id = ${transferId}`),
  ]);
  return refused.map((r) => notArrived(line, transfer?.number ?? 'the transfer', r, known));
}
