import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { DomainError } from '@/lib/errors';
import { rows } from '@/lib/sql-rows';
import type { DocumentData } from '@/lib/validation/documents';
import type { Blocker } from './correction-scope';
import type { Problem } from './problems';

/*
 * Transfers in transit (issue 17): a transfer sent `in transit` takes its goods out of the source when it is
 * posted (its serials then read "in transit" with it) and transfer arrivals, dated when the goods came, bring
 * what arrived into the destination. What has not arrived stays in transit on the transfer, listed on its page
 * (queries/transit.ts), never silently lost. A transfer with arrivals is pinned by them: only what moves no
 * stock (its note, its external number) can change until they are deleted.
 */

/** The arrivals of a transfer, oldest first: the documents that pin it. */
export async function transferArrivals(db: DbOrTx, transferId: bigint): Promise<Blocker[]> {
  return rows<Blocker>(
    db,
    sql`
    select null as serial, id::text as id, number, kind::text as kind from document where transfer_id = ${transferId} order by id`,
  );
}

/** The refusal of a change to a transfer its arrivals pin, naming each (blockedBy links them). */
export function arrivalProblems(number: string, arrivals: Blocker[]): Problem[] {
  return arrivals.map((arrival) => ({
    code: 'MOVED_LATER' as const,
    line: 0,
    blockedBy: { id: arrival.id, number: arrival.number, kind: arrival.kind },
    message: `${number} cannot be changed or deleted: ${arrival.number} received its goods at the destination; change or delete ${arrival.number} first.`,
  }));
}

export type TransitTransfer = {
  id: bigint;
  number: string;
  date: string;
  destinationId: bigint;
  destinationCode: string;
};

type TransferRow = {
  id: string;
  number: string;
  date: string;
  kind: string;
  inTransit: boolean;
  destinationId: string | null;
  destinationCode: string | null;
};

function refuse(field: string, message: string): never {
  throw new DomainError('INVALID_DATA', message, { [field]: message });
}

/**
 * Locks the transfer an arrival names before anything else (an edit of the transfer locks it first too), so
 * the arrivals of one transfer and its edits take turns over what is still in transit. The arrival is received
 * in the transfer's destination, on or after the day the goods were sent.
 */
export async function lockTransferForArrival(
  tx: DbOrTx,
  data: Pick<DocumentData, 'transferId' | 'warehouseId' | 'date'>,
): Promise<TransitTransfer> {
  const [row] = await rows<TransferRow>(
    tx,
    sql`
    select d.id::text, d.number, d.date::text, d.kind::text, d.in_transit as "inTransit", w.id::text as "destinationId", w.code as "destinationCode"
    from document d left join warehouse w on w.id = d.destination_warehouse_id where d.id = ${data.transferId} for update of d`,
  );
  if (!row || row.kind !== 'transfer') refuse('transferId', 'This transfer does not exist.');
  if (!row.inTransit) refuse('transferId', `${row.number} was not sent in transit: its goods arrived with it.`);
  if (BigInt(row.destinationId!) !== data.warehouseId)
    refuse('warehouseId', `${row.number} goes to warehouse ${row.destinationCode}: its goods arrive there.`);
  if (data.date < row.date)
    refuse('date', `Goods cannot arrive on ${data.date}, before ${row.number} sent them on ${row.date}.`);
  return {
    id: BigInt(row.id),
    number: row.number,
    date: row.date,
    destinationId: BigInt(row.destinationId!),
    destinationCode: row.destinationCode!,
  };
}

type Excess = { itemCode: string; unit: string; sent: string; arrived: string; line: number | null };

/**
 * After an arrival is written: per item, no more may have arrived (this arrival and the earlier ones together)
 * than the transfer sent. The transfer's row lock (lockTransferForArrival) keeps the sums still while they are read.
 */
export async function transitProblems(tx: DbOrTx, transfer: TransitTransfer, arrivalId: bigint): Promise<Problem[]> {
  const excess = await rows<Excess>(
    tx,
    sql`
    with sent as (select item_id, sum(quantity) as q from document_line where document_id = ${transfer.id} group by 1),
    arrived as (
      select l.item_id, sum(l.quantity) as q from document_line l join document a on a.id = l.document_id
      where a.transfer_id = ${transfer.id} group by 1)
    select i.code as "itemCode", i.unit, trim_scale(coalesce(s.q, 0))::text as sent, trim_scale(a.q)::text as arrived,
      (select min(l.line_no) - 1 from document_line l where l.document_id = ${arrivalId} and l.item_id = a.item_id) as line
    from arrived a left join sent s using (item_id) join item i on i.id = a.item_id
    where a.q > coalesce(s.q, 0) order by line`,
  );
  return excess.map((e) => ({
    code: 'TRANSIT_EXCEEDED' as const,
    line: e.line ?? 0,
    message: `${transfer.number} sent ${e.sent} ${e.unit} of ${e.itemCode}: with this arrival ${e.arrived} ${e.unit} would have arrived, more than was in transit.`,
  }));
}
