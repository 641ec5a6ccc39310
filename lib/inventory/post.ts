import { allPipelined } from '@/lib/sql-pipeline';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { document } from '@/db/schema';
import { withRetry } from '@/lib/db-retry';
import { documentSchema, type DocumentData, type DocumentInput } from '@/lib/validation/documents';
import { parseOrThrow } from '@/lib/validation/zod-errors';
import { applyStockEffects, type StockDoc, type StockLine } from './apply';
import { audit } from './audit';
import { datedStockProblems, type DatedCheck } from './dated-stock';
import { getCompanySettings } from '@/lib/settings/company';
import { assertExternalNumberFree, externalNumberRefusal } from './external-number';
import { loadContext, type PostingContext } from './context';
import { confirmExpectedSerials, expectedLineProblems, lockExpectedReceipt, prepareExpectedSerials } from './expected';
import { isArrival, isExpectedReceipt, isReturn, isTransfer, KINDS, type DocumentKind } from './kinds';
import { insertDocument } from './insert-document';
import { numberDocuments, type Unnumbered } from './numbering';
import { throwIfProblems, type Problem } from './problems';
import { checkLineSerials } from './serial-rules';
import { lockReturnOrigin, returnedProblems } from './returns';
import { lockTransferForArrival, transitProblems } from './transit';

export type Actor = { userId: number };
export type PostedDocument = { id: bigint; number: string; stockDocument: { id: bigint; number: string } | null };

/**
 * THE way a document is posted, from every door (form, API, import): one transaction that validates
 * the lines, moves stock and serials (for an invoice, through the goods receipt or issue it creates) and,
 * as its last statement, numbers the document (numbering.ts). Nothing is written when any rule fails.
 */
export async function postDocument(db: DbOrTx, input: DocumentInput, actor: Actor): Promise<PostedDocument> {
  const data = await withCompanyDefault(db, parseOrThrow(documentSchema, input));
  const external = { kind: data.kind, partnerId: data.partnerId, externalNumber: data.externalNumber };
  try {
    return await withRetry(db, () =>
      db.transaction(async (tx) => {
        // An arrival locks its transfer first, as an edit of the transfer does.
        const transfer = isArrival(data.kind) ? await lockTransferForArrival(tx, data) : null;
        // A receipt confirming an expected receipt locks that first too (expected.ts): confirmations take turns.
        const expected = data.expectedReceiptId !== null ? await lockExpectedReceipt(tx, data) : null;
        // A return locks the document it names first, as an edit or delete of that document does.
        const origin = isReturn(data.kind) ? await lockReturnOrigin(tx, data, movesGoods(data)) : null;
        const [ctx] = await allPipelined([loadContext(tx, data.kind, data), assertExternalNumberFree(tx, external)]);
        throwIfProblems(serialRuleProblems(data, ctx));
        const { checks, documents } = await createDocument(tx, data, ctx, actor, null);
        const id = documents[0].id;
        if (transfer) throwIfProblems(await transitProblems(tx, transfer, id));
        if (expected) await confirmExpectedSerials(tx, expected, id, data.lines, data.missingExpected);
        if (origin?.goodsId && movesGoods(data))
          throwIfProblems(await returnedProblems(tx, { ...origin, goodsId: origin.goodsId }, id));
        // Sent together, one wait: a refusal rolls the numbers back with the rest, so no gap is left.
        const [problems, [numbered, stockDocument]] = await allPipelined([
          datedStockProblems(tx, checks),
          numberDocuments(tx, documents),
        ]);
        throwIfProblems(problems);
        return { ...numbered, stockDocument: stockDocument ?? null };
      }),
    );
  } catch (error) {
    throw (await externalNumberRefusal(db, error, external)) ?? error;
  }
}

/** Serial rules apply where stock moves: stock documents and invoices that create one. */
export function serialRuleProblems(data: DocumentData, ctx: PostingContext): Problem[] {
  if (KINDS[data.kind].movesStock || createsStockDocument(data)) return checkLineSerials(data.lines, ctx.items);
  // An expected receipt's serials follow a receipt's rules, though they go to the expected list, not the stock.
  if (isExpectedReceipt(data.kind))
    return [...expectedLineProblems(data.lines, ctx.items), ...checkLineSerials(data.lines, ctx.items)];
  return data.lines.flatMap((line, index) =>
    line.serials.length === 0
      ? []
      : [
          {
            code: 'NOT_TRACKED' as const,
            line: index,
            message: `Line ${index + 1}: this invoice does not create a stock document, so serial numbers belong on the goods document itself.`,
          },
        ],
  );
}

/** An invoice that does not say whether to create its goods document follows the company's setting. */
async function withCompanyDefault(db: DbOrTx, data: DocumentData): Promise<DocumentData> {
  if (KINDS[data.kind].generates === null || data.createStockDocument !== undefined) return data;
  return { ...data, createStockDocument: (await getCompanySettings(db)).createStockDocument };
}

/** Whether a document moves goods: a stock document, or an invoice (or credit note) that creates one. */
export function movesGoods(data: DocumentData): boolean {
  return KINDS[data.kind].movesStock || createsStockDocument(data);
}

export function createsStockDocument(data: DocumentData): boolean {
  return KINDS[data.kind].generates !== null && data.createStockDocument !== false;
}

/** What createDocument wrote: the document (then the goods document it generated), still to be numbered. */
type Created = { documents: Unnumbered[]; checks: DatedCheck[] };

async function createDocument(
  tx: DbOrTx,
  data: DocumentData,
  ctx: PostingContext,
  actor: Actor,
  sourceInvoiceId: bigint | null,
): Promise<Created> {
  const { id, provisionalNumber, lines } = await insertDocument(
    tx,
    {
      kind: data.kind,
      date: data.date,
      partnerId: data.partnerId,
      warehouseId: data.warehouseId,
      destinationWarehouseId: data.destinationWarehouseId,
      inTransit: data.inTransit,
      transferId: data.transferId,
      expectedReceiptId: data.expectedReceiptId,
      returnOfId: data.returnOfId,
      note: data.note,
      // The external number is the invoice's: the goods document it generates carries none of its own.
      externalNumber: sourceInvoiceId === null ? data.externalNumber : null,
      createStockDocument: createsStockDocument(data),
      sourceInvoiceId,
      createdBy: actor.userId,
    },
    data.lines,
    ctx.items,
  );
  // The audit entry goes out with the stock statements (postgres.js pipelines them): one wait less per
  // posting. A refused posting rolls the whole transaction back, the audit entry with it.
  const audited = audit(tx, {
    entityId: id,
    action: 'create',
    userId: actor.userId,
    changes: { after: snapshot(data, lines) },
  });
  const documents: Unnumbered[] = [{ id, kind: data.kind, date: data.date }];
  let checks: DatedCheck[] = [];
  try {
    if (KINDS[data.kind].movesStock) {
      checks = await applyStockEffects(tx, stockDocOf(data.kind, id, provisionalNumber, data, ctx), lines);
    } else if (createsStockDocument(data)) {
      const generated = await createDocument(tx, { ...data, kind: KINDS[data.kind].generates! }, ctx, actor, id);
      await tx.update(document).set({ stockDocumentId: generated.documents[0].id }).where(eq(document.id, id));
      documents.push(...generated.documents);
      checks = generated.checks;
    } else if (isExpectedReceipt(data.kind)) {
      const doc = { id, date: data.date, warehouseId: data.warehouseId, warehouseCode: ctx.warehouseCode };
      throwIfProblems(await prepareExpectedSerials(tx, doc, lines));
    }
  } catch (error) {
    // The refusal is the answer; the audit insert is only waited for, so its outcome is never left unobserved.
    await audited.catch(() => undefined);
    throw error;
  }
  await audited;
  return { documents, checks };
}

/**
 * How a document moves stock. A transfer in transit only takes its goods out of its warehouse (its arrivals bring
 * them in at the destination); an arrival brings in what its transfer sent.
 */
export function stockDocOf(
  kind: DocumentKind,
  id: bigint,
  number: string,
  data: Pick<
    DocumentData,
    'date' | 'warehouseId' | 'destinationWarehouseId' | 'inTransit' | 'transferId' | 'returnOfId'
  >,
  ctx: Pick<PostingContext, 'warehouseCode' | 'destinationCode'>,
): StockDoc {
  const here = {
    id,
    number,
    date: data.date,
    warehouseId: data.warehouseId,
    warehouseCode: ctx.warehouseCode,
    returnOf: isReturn(kind) ? data.returnOfId : null,
  };
  if (isTransfer(kind) && data.inTransit)
    return { ...here, direction: 'out', destination: null, transit: { transferId: id } };
  if (isArrival(kind))
    return { ...here, direction: 'in', destination: null, transit: { transferId: data.transferId! } };
  const destination =
    data.destinationWarehouseId === null
      ? null
      : { warehouseId: data.destinationWarehouseId, warehouseCode: ctx.destinationCode! };
  return { ...here, direction: KINDS[kind].direction, destination, transit: null };
}

/** What the audit log keeps of a document: its header and its lines (serial lists are counted, not copied). */
export function snapshot(data: DocumentData, lines: StockLine[]) {
  return {
    date: data.date,
    partnerId: data.partnerId,
    warehouseId: data.warehouseId,
    destinationWarehouseId: data.destinationWarehouseId,
    inTransit: data.inTransit,
    transferId: data.transferId,
    expectedReceiptId: data.expectedReceiptId,
    returnOfId: data.returnOfId,
    note: data.note,
    lines: lines.map((l, i) => ({
      item: l.item.code,
      quantity: l.quantity,
      unitPrice: data.lines[i]?.unitPrice,
      serials: l.serials.length,
    })),
  };
}
