import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { jsonList, rows } from '@/lib/sql-rows';
import type { DocumentKind } from './kinds';
import type { Problem } from './problems';

export type PostedLine = { line: number; lineId: bigint; itemId: bigint; itemCode: string };

/**
 * Locks the serial rows a document moved, in id order, before anything checks whether they moved since.
 * Without the lock an issue committing between that check and the undo slipped through: the serial ended
 * "issued" with its receipt gone and the stock no longer matching the serials in stock. With it, an issue
 * that got there first is seen by the check (the document cannot be changed), and one that comes later
 * waits and then finds the serial gone or back in its earlier state (and is refused).
 */
export async function lockDocumentSerials(tx: DbOrTx, documentId: bigint): Promise<void> {
  await tx.execute(sql`select s.id from serial_number s
    where s.id in (select m.serial_id from serial_movement m where m.document_id = ${documentId}) order by s.id for update of s`);
}

type Moved = {
  serial: string;
  laterDoc: string | null;
  laterKind: DocumentKind | null;
  ownerId: string | null;
  ownerNumber: string | null;
  ownerKind: DocumentKind | null;
};

/**
 * Serials of a line that have moved on since (their state is no longer the one this line left), with the
 * next document and the one to change first: that document, or the invoice that owns it.
 */
async function movedSince(tx: DbOrTx, lineId: bigint, stillAsLeft: ReturnType<typeof sql>) {
  return rows<Moved>(
    tx,
    sql`
    select s.serial, later.number as "laterDoc", later.kind as "laterKind", coalesce(inv.id, later.id)::text as "ownerId",
      coalesce(inv.number, later.number) as "ownerNumber", coalesce(inv.kind, later.kind) as "ownerKind"
    from serial_movement m join serial_number s on s.id = m.serial_id
    left join lateral (select d.id, d.number, d.kind, d.source_invoice_id from serial_movement n join document d on d.id = n.document_id
                       where n.serial_id = s.id and n.id > m.id order by n.id limit 1) later on true
    left join document inv on inv.id = later.source_invoice_id
    where m.line_id = ${lineId} and not (${stillAsLeft})`,
  );
}

/**
 * "by GI-2026-00011; change or delete GI-2026-00011 first" — or "by GI-2026-00011 of SI-2026-00002; change
 * or delete SI-2026-00002 first" when an invoice owns it; the problem links the document to change.
 */
function pinnedBy(m: Moved): { by: string; blockedBy?: Problem['blockedBy'] } {
  if (!m.ownerId || !m.ownerNumber || !m.ownerKind) return { by: m.laterDoc ?? 'another document' };
  const owner = m.ownerNumber === m.laterDoc ? '' : ` of ${m.ownerNumber}`;
  return {
    by: `${m.laterDoc}${owner}; change or delete ${m.ownerNumber} first`,
    blockedBy: { id: m.ownerId, number: m.ownerNumber, kind: m.ownerKind },
  };
}

/** The refusals of an undo: each serial a later document moved on, saying what that document did with it. */
function pinnedProblems(docNumber: string, line: PostedLine, moved: Moved[]): Problem[] {
  return moved.map((m) => {
    const { by, blockedBy } = pinnedBy(m);
    const [code, did] =
      m.laterKind === 'transfer'
        ? (['MOVED_LATER', 'transferred'] as const)
        : m.laterKind === 'transfer_arrival'
          ? (['MOVED_LATER', 'received at its destination'] as const)
          : m.laterKind === 'goods_issue'
            ? (['ISSUED_LATER', 'issued'] as const)
            : m.laterKind === 'supplier_return'
              ? (['ISSUED_LATER', 'returned to the supplier'] as const)
              : m.laterKind === 'customer_return'
                ? (['RECEIVED_AGAIN_LATER', 'returned by the customer'] as const)
                : (['RECEIVED_AGAIN_LATER', 'received again'] as const);
    return {
      code,
      line: line.line,
      serial: m.serial,
      blockedBy,
      message: `${docNumber} cannot be changed or deleted: serial ${m.serial} was ${did} later by ${by}.`,
    };
  });
}

/**
 * Undoes what a receipt line (or a transfer's arrival) did to its serials, refusing when a serial has moved since
 * (issued or transferred later). A serial that came back (a return) goes back to its earlier state, issued or in
 * transit on the transfer it arrived with; a serial first received here disappears.
 */
export async function unreceiveSerials(tx: DbOrTx, docNumber: string, line: PostedLine): Promise<Problem[]> {
  const moved = await movedSince(tx, line.lineId, sql`s.status = 'in_stock' and s.received_line_id = ${line.lineId}`);
  if (moved.length > 0) return pinnedProblems(docNumber, line, moved);
  await tx.execute(sql`
    with mine as (select serial_id, id from serial_movement where line_id = ${line.lineId}),
    prev_out as (
      select distinct on (m.serial_id) m.serial_id, m.line_id, m.warehouse_id, d.date, d.kind = 'transfer' as in_transit
      from serial_movement m join mine on mine.serial_id = m.serial_id join document d on d.id = m.document_id
      where m.id < mine.id and m.direction = 'out' order by m.serial_id, m.id desc),
    prev_in as (
      select distinct on (m.serial_id) m.serial_id, m.line_id, m.at
      from serial_movement m join mine on mine.serial_id = m.serial_id
      where m.id < mine.id and m.direction in ('in', 'move') order by m.serial_id, m.id desc)
    update serial_number s set status = (case when po.in_transit then 'in_transit' else 'issued' end)::serial_status,
      issued_line_id = po.line_id, warehouse_id = po.warehouse_id,
      received_line_id = pi.line_id, received_at = pi.at, last_moved_on = po.date
    from prev_out po join prev_in pi on pi.serial_id = po.serial_id
    where s.id = po.serial_id`);
  // Serials this line brought in for the first time go away; the movement rows must go first (foreign key).
  const firstSeenHere = await rows<{ id: bigint }>(
    tx,
    sql`
    select m.serial_id as id from serial_movement m where m.line_id = ${line.lineId}
      and not exists (select 1 from serial_movement o where o.serial_id = m.serial_id and o.line_id <> ${line.lineId})`,
  );
  await tx.execute(sql`delete from serial_movement where line_id = ${line.lineId}`);
  if (firstSeenHere.length > 0) {
    await tx.execute(
      sql`delete from serial_number where id in (select (value)::bigint from jsonb_array_elements_text(${jsonList(firstSeenHere.map((r) => String(r.id)))}::jsonb))`,
    );
  }
  return [];
}

/**
 * Puts the serials an issue line took back in stock, unless one of them was received again since; with `left` =
 * in_transit, the serials a transfer sent in transit, unless one of them arrived since.
 */
export async function unissueSerials(
  tx: DbOrTx,
  docNumber: string,
  line: PostedLine,
  left: 'issued' | 'in_transit' = 'issued',
): Promise<Problem[]> {
  const moved = await movedSince(tx, line.lineId, sql`s.status = ${left} and s.issued_line_id = ${line.lineId}`);
  if (moved.length > 0) return pinnedProblems(docNumber, line, moved);
  await tx.execute(sql`
    with removed as (delete from serial_movement where line_id = ${line.lineId} returning serial_id)
    update serial_number s set status = 'in_stock', issued_line_id = null,
      last_moved_on = (select d.date from document_line l join document d on d.id = l.document_id where l.id = s.received_line_id)
    from removed where s.id = removed.serial_id`);
  return [];
}

/**
 * Moves the serials a transfer line took back to the warehouse they left, as they arrived there (the line and
 * time of their previous receipt or transfer, the date it carried), unless one of them moved on since.
 */
export async function untransferSerials(tx: DbOrTx, docNumber: string, line: PostedLine): Promise<Problem[]> {
  const moved = await movedSince(tx, line.lineId, sql`s.status = 'in_stock' and s.received_line_id = ${line.lineId}`);
  if (moved.length > 0) return pinnedProblems(docNumber, line, moved);
  await tx.execute(sql`
    with mine as (delete from serial_movement where line_id = ${line.lineId} returning serial_id, id, warehouse_id),
    arrived as (
      select distinct on (m.serial_id) m.serial_id, m.line_id, m.at, d.date
      from serial_movement m join mine on mine.serial_id = m.serial_id join document d on d.id = m.document_id
      where m.id < mine.id and m.direction in ('in', 'move') order by m.serial_id, m.id desc)
    update serial_number s set warehouse_id = mine.warehouse_id, received_line_id = a.line_id, received_at = a.at, last_moved_on = a.date
    from mine join arrived a on a.serial_id = mine.serial_id
    where s.id = mine.serial_id`);
  return [];
}
