import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { DomainError } from '@/lib/errors';
import { arrayLiteral } from '@/lib/sql-array';
import { rows } from '@/lib/sql-rows';
import type { DocumentData } from '@/lib/validation/documents';
import type { Blocker } from './correction-scope';
import { KINDS, returnOfLabels, type DocumentKind } from './kinds';
import type { Problem } from './problems';

/*
 * Returns (issue 17): a customer return (or a credit note that creates one) takes back serials and goods that left
 * with a sales invoice or goods issue; a return to the supplier sends back what came with a purchase invoice or goods
 * receipt. Each names that document (return_of_id), and may move only what its goods document moved: serials by the
 * conditional UPDATE in serial-moves.ts (returnFromCustomer, returnToSupplier), quantities by returnedProblems below,
 * both under the row locks of the original. The original is pinned by its returns: what it moved cannot change,
 * nor can it be deleted, until they are (its note and prices stay correctable). Nor can its partner: a return names
 * the partner its goods came from or went to, so the two must keep naming the same one (refusePartnerChange).
 */

/** The document a return names, locked with its invoice or goods document. */
export type ReturnOrigin = {
  id: bigint;
  number: string;
  /** Its goods issue or receipt: itself, or the one its invoice generated (null: it moved no goods). */
  goodsId: bigint | null;
};

type OriginRow = {
  id: string;
  kind: DocumentKind;
  number: string;
  date: string;
  partnerId: string | null;
  sourceInvoiceId: string | null;
  stockDocumentId: string | null;
};

function refuse(field: string, message: string): never {
  throw new DomainError('INVALID_DATA', message, { [field]: message });
}

/**
 * Locks the document a return names and its invoice or goods document, in id order (an invoice is always older than
 * the goods document it generates, and an edit or delete of the invoice locks it first too), so returns on one sale
 * and that sale's edits and deletes take turns. The return must be of a kind that fits, for the same partner, dated
 * on or after the original; when it moves goods, the original must have moved some.
 */
export async function lockReturnOrigin(
  tx: DbOrTx,
  data: Pick<DocumentData, 'kind' | 'returnOfId' | 'partnerId' | 'date'>,
  movesGoods: boolean,
): Promise<ReturnOrigin> {
  const kinds = KINDS[data.kind].returnOf ?? [];
  const [named] = await rows<{ owner: string }>(
    tx,
    sql`select coalesce(source_invoice_id, id)::text as owner from document where id = ${data.returnOfId}`,
  );
  const locked = named
    ? await rows<OriginRow>(
        tx,
        sql`
        select id::text, kind::text as kind, number, date::text, partner_id::text as "partnerId",
          source_invoice_id::text as "sourceInvoiceId", stock_document_id::text as "stockDocumentId"
        from document where id = ${BigInt(named.owner)} or source_invoice_id = ${BigInt(named.owner)} order by id for update`,
      )
    : [];
  const row = locked.find((r) => BigInt(r.id) === data.returnOfId);
  if (!row) refuse('returnOfId', 'The document the goods are returned on does not exist.');
  if (!kinds.includes(row.kind))
    refuse(
      'returnOfId',
      `${row.number} is a ${KINDS[row.kind].label.toLowerCase()}: choose ${returnOfLabels(data.kind)}.`,
    );
  if (row.partnerId !== null && data.partnerId !== null && BigInt(row.partnerId) !== data.partnerId)
    refuse('partnerId', `${row.number} was for another partner: goods go back to the one they came from.`);
  if (data.date < row.date)
    refuse('date', `Goods cannot be returned on ${data.date}, before ${row.number} of ${row.date}.`);
  const goodsId = KINDS[row.kind].movesStock ? row.id : row.stockDocumentId;
  if (movesGoods && goodsId === null)
    refuse('returnOfId', `${row.number} has no goods document: no goods left or came with it, so none can go back.`);
  return { id: BigInt(row.id), number: row.number, goodsId: goodsId === null ? null : BigInt(goodsId) };
}

type Excess = { itemCode: string; unit: string; moved: string; returned: string; line: number | null };

/**
 * After a return is written: per item, no more may have gone back (this return and the earlier ones on the same sale
 * or purchase, whichever of its documents they name) than its goods document moved. The origin's row locks keep the
 * sums still while they are read.
 */
export async function returnedProblems(
  tx: DbOrTx,
  origin: ReturnOrigin & { goodsId: bigint },
  returnId: bigint,
): Promise<Problem[]> {
  const [goods] = await rows<{ number: string; sourceInvoiceId: string | null }>(
    tx,
    sql`select number, source_invoice_id::text as "sourceInvoiceId" from document where id = ${origin.goodsId}`,
  );
  const names = [origin.goodsId, ...(goods.sourceInvoiceId ? [BigInt(goods.sourceInvoiceId)] : [])].map(String);
  const excess = await rows<Excess>(
    tx,
    sql`
    with moved as (select item_id, sum(quantity) as q from document_line where document_id = ${origin.goodsId} group by 1),
    returned as (
      select l.item_id, sum(l.quantity) as q from document_line l join document r on r.id = l.document_id
      where r.kind in ('customer_return', 'supplier_return') and r.return_of_id = any(${arrayLiteral(names)}::bigint[]) group by 1)
    select i.code as "itemCode", i.unit, trim_scale(coalesce(m.q, 0))::text as moved, trim_scale(r.q)::text as returned,
      (select min(l.line_no) - 1 from document_line l where l.document_id = ${returnId} and l.item_id = r.item_id) as line
    from returned r left join moved m using (item_id) join item i on i.id = r.item_id
    where r.q > coalesce(m.q, 0) order by line`,
  );
  return excess.map((e) => ({
    code: 'RETURN_EXCEEDED' as const,
    line: e.line ?? 0,
    message: `${goods.number} moved ${e.moved} ${e.unit} of ${e.itemCode}: with this return ${e.returned} ${e.unit} would have gone back, more than moved with it.`,
  }));
}

/**
 * The returns and credit notes naming a document or its goods document, oldest first: the documents that pin it (a
 * return a credit note created is named by its credit note). Every document page asks, so the query is written for
 * the partial index on return_of_id: `= any(array(…))` hands the planner the few ids before the scan, and
 * `is not null` matches the index's condition. As `in (subquery)` it was hash-joined against every document: a
 * sequential scan of 1,200,000 rows, 250 ms in EXPLAIN ANALYZE at 2,000,000 documents (10,000,000 serials), where
 * the column had no statistics yet after the upgrade.
 */
export async function documentReturns(db: DbOrTx, documentId: bigint): Promise<Blocker[]> {
  return rows<Blocker>(
    db,
    sql`
    select null as serial, r.id::text as id, r.number, r.kind::text as kind from document r
    where r.source_invoice_id is null and r.return_of_id is not null and r.return_of_id = any(array(
      select id from document where id = ${documentId} or source_invoice_id = ${documentId}
      union select stock_document_id from document where id = ${documentId}))
    order by r.id`,
  );
}

/** The refusal of a change to a document its returns pin, naming each (blockedBy links them). */
export function returnProblems(number: string, returns: Blocker[]): Problem[] {
  return returns.map((r) => ({
    code: 'MOVED_LATER' as const,
    line: 0,
    blockedBy: { id: r.id, number: r.number, kind: r.kind },
    message: `${number} cannot be changed or deleted: ${r.number} returns goods that moved with it; change or delete ${r.number} first.`,
  }));
}

/**
 * A document whose goods a return sent back keeps its partner: the return was entered for that partner
 * (lockReturnOrigin compares them under the same row locks), so changing it would leave a return of another partner's
 * goods. The caller holds the document's row lock, which a return posting on it takes too, so no return can appear
 * after this read.
 */
export async function refusePartnerChange(
  tx: DbOrTx,
  row: { id: bigint; number: string; partnerId: bigint | null },
  partnerId: bigint | null,
): Promise<void> {
  if (String(row.partnerId) === String(partnerId)) return;
  const [first, ...more] = await documentReturns(tx, row.id);
  if (!first) return;
  const also = more.length > 0 ? ` (and ${more.map((r) => r.number).join(', ')})` : '';
  const message = `The partner of ${row.number} cannot change: ${first.number}${also} returns goods of it for that partner; delete ${first.number} first.`;
  throw new DomainError('CONFLICT', message, { partnerId: message }, { blockedBy: [first, ...more] });
}
