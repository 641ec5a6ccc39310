import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { document, documentLine, stocktake, warehouse } from '@/db/schema';
import { withRetry } from '@/lib/db-retry';
import { DomainError } from '@/lib/errors';
import { documentSchema, type DocumentData, type DocumentInput } from '@/lib/validation/documents';
import { parseOrThrow } from '@/lib/validation/zod-errors';
import { assertCurrentVersion, nextStamp } from '@/lib/versions';
import { replaceStockEffects, reverseStockEffects, type Moves, type StockLine } from './apply';
import { audit } from './audit';
import { changesStock, correctInPlace, describeChanges, type PostedLine } from './correction';
import { datedStockProblems, type DatedCheck } from './dated-stock';
import { assertExternalNumberFree, externalNumberKey, externalNumberRefusal } from './external-number';
import { loadContext, type PostingContext } from './context';
import {
  confirmationProblems,
  confirmingReceipts,
  expectedSerialLines,
  prepareExpectedSerials,
  reopenExpectedSerials,
} from './expected';
import { isArrival, isExpectedReceipt, isReturn, isTransfer, KINDS, type DocumentKind } from './kinds';
import { insertLines, loadPostedLines } from './lines';
import { numberDocuments, PROVISIONAL_NUMBER, type Unnumbered } from './numbering';
import { throwIfProblems } from './problems';
import {
  arrivalProblems,
  lockTransferForArrival,
  transferArrivals,
  transitProblems,
  type TransitTransfer,
} from './transit';
import { createsStockDocument, movesGoods, serialRuleProblems, snapshot, stockDocOf, type Actor } from './post';
import {
  documentReturns,
  lockReturnOrigin,
  refusePartnerChange,
  returnedProblems,
  returnProblems,
  type ReturnOrigin,
} from './returns';

type DocRow = typeof document.$inferSelect;

async function lockDocument(tx: DbOrTx, id: bigint): Promise<DocRow> {
  const [row] = await tx.select().from(document).where(eq(document.id, id)).for('update');
  if (!row) throw new DomainError('NOT_FOUND', 'This document does not exist.');
  if (row.sourceInvoiceId !== null) {
    const [invoice] = await tx
      .select({ number: document.number })
      .from(document)
      .where(eq(document.id, row.sourceInvoiceId));
    throw new DomainError(
      'CONFLICT',
      `${row.number} was created by ${invoice?.number ?? 'an invoice'}; change or delete the invoice instead.`,
    );
  }
  if (row.stocktakeId !== null) {
    // A count's adjustments are the closed count's result; a correction is a new document or a new count.
    const [count] = await tx
      .select({ number: stocktake.number })
      .from(stocktake)
      .where(eq(stocktake.id, row.stocktakeId));
    throw new DomainError(
      'CONFLICT',
      `${row.number} posted the differences of stocktake ${count?.number ?? ''}, which is closed and read-only; correct the stock with a new document instead.`,
    );
  }
  return row;
}

/** Undoes a stock document's effects and removes its lines (its movements go with them); gives its dated checks. */
async function clearStockDocument(tx: DbOrTx, row: DocRow): Promise<DatedCheck[]> {
  const checks = await reverseStockEffects(tx, await movesOf(tx, row, await loadPostedLines(tx, row.id)));
  await tx.delete(documentLine).where(eq(documentLine.documentId, row.id));
  return checks;
}

/**
 * Edits a posted document. An edit that leaves every stock fact as it is (note, partner, prices, VAT) is
 * written in place (correction.ts), so later documents pinning the stock effects do not block it. Any other
 * edit undoes the old effects and applies the new ones in one transaction, so the result must keep every
 * rule (a serial issued later blocks changing the receipt that brought it).
 * `expectedVersion` is the version a form was loaded from: a save over a newer one is refused.
 */
export async function updateDocument(
  db: DbOrTx,
  id: bigint,
  input: DocumentInput,
  actor: Actor,
  expectedVersion?: number,
): Promise<void> {
  await changeDocument(db, id, actor, expectedVersion, () => input);
}

/** The document's fields a partial edit may send: the header's, and `lines` to replace every line. */
export type DocumentPatch = Partial<Omit<DocumentInput, 'kind'>>;

/**
 * A partial edit (the importer's update): the fields in `patch` replace the document's, `lines` (when
 * given) replace all its lines, and the rest stays as posted. The patch is laid over the document under its
 * row lock, so no version is needed and a change saved in between is neither lost nor written back; the
 * edit then goes through the same rules as updateDocument's.
 */
export async function patchDocument(db: DbOrTx, id: bigint, patch: DocumentPatch, actor: Actor): Promise<void> {
  const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  await changeDocument(db, id, actor, undefined, (row, posted) => ({ ...postedInput(row, posted), ...given }));
}

async function changeDocument(
  db: DbOrTx,
  id: bigint,
  actor: Actor,
  expectedVersion: number | undefined,
  inputOf: (row: DocRow, posted: PostedState) => DocumentInput,
): Promise<void> {
  let external: Parameters<typeof assertExternalNumberFree>[1] | null = null;
  try {
    await withRetry(db, () =>
      db.transaction(async (tx) => {
        const row = await lockDocument(tx, id);
        await assertCurrentVersion(tx, row, expectedVersion);
        const posted = await loadPosted(tx, row);
        // Which expected receipt a receipt confirmed is fixed when it is posted: an edit keeps it, whatever it sends.
        const fixed = { kind: row.kind, expectedReceiptId: row.expectedReceiptId };
        const data = parseOrThrow(documentSchema, { ...inputOf(row, posted), ...fixed });
        external = { kind: row.kind, partnerId: data.partnerId, externalNumber: data.externalNumber, exceptId: id };
        await assertExternalNumberFree(tx, external);
        // A goods document the edit created is numbered last, as a posting's is (numbering.ts).
        await numberDocuments(tx, await editDocument(tx, row, data, posted, actor));
      }),
    );
  } catch (error) {
    throw (external && (await externalNumberRefusal(db, error, external))) ?? error;
  }
}

/** What a document moved: its lines, an invoice's goods document (locked) and the lines that carry the serials. */
type PostedState = { before: PostedLine[]; linked: DocRow | null; serialLines: PostedLine[] };
type Posted = PostedState & { changes: ReturnType<typeof describeChanges> };

async function loadPosted(tx: DbOrTx, row: DocRow): Promise<PostedState> {
  const before = await loadPostedLines(tx, row.id);
  const linked = row.stockDocumentId ? await lockLinked(tx, row.stockDocumentId) : null;
  const serialLines = KINDS[row.kind].movesStock
    ? before
    : linked
      ? await loadPostedLines(tx, linked.id)
      : isExpectedReceipt(row.kind)
        ? await expectedSerialLines(tx, row.id, before)
        : [];
  return { before, linked, serialLines };
}

/** The document as it stands, in the input's terms: what a partial edit is laid over. */
function postedInput(row: DocRow, { before, serialLines }: PostedState): DocumentInput {
  return {
    kind: row.kind,
    date: row.date,
    partnerId: row.partnerId,
    warehouseId: row.warehouseId,
    destinationWarehouseId: row.destinationWarehouseId,
    inTransit: row.inTransit,
    transferId: row.transferId,
    expectedReceiptId: row.expectedReceiptId,
    returnOfId: row.returnOfId,
    externalNumber: row.externalNumber,
    note: row.note,
    ...(KINDS[row.kind].generates ? { createStockDocument: row.stockDocumentId !== null } : {}),
    lines: before.map((line) => ({
      itemId: line.item.id,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      vatRate: line.vatRate,
      serials: serialLines.find((l) => l.line === line.line)?.serials ?? [],
    })),
  };
}

/** Returns the document it created and left to number: an invoice's new goods document. */
async function editDocument(
  tx: DbOrTx,
  row: DocRow,
  data: DocumentData,
  state: PostedState,
  actor: Actor,
): Promise<Unnumbered[]> {
  const posted: Posted = { ...state, changes: describeChanges(row, data, state.before, state.serialLines) };
  const origin = await lockOriginForEdit(tx, row, data);
  await refusePartnerChange(tx, row, data.partnerId);
  const ctx = await loadContext(tx, row.kind, data);
  if (changesStock(row, data, state.before, state.serialLines)) {
    const transfer = isArrival(row.kind) ? await lockArrivalTransfer(tx, row, data) : null;
    await refuseTransitRepost(tx, row);
    await refuseExpectedRepost(tx, row);
    throwIfProblems(returnProblems(row.number, await documentReturns(tx, row.id)));
    const created = await repostDocument(tx, row, data, ctx, posted, actor);
    // What the edited arrival takes, with the transfer's other arrivals, must still fit what the transfer sent.
    if (transfer) throwIfProblems(await transitProblems(tx, transfer, row.id));
    if (origin?.goodsId && movesGoods(data))
      throwIfProblems(await returnedProblems(tx, { ...origin, goodsId: origin.goodsId }, row.id));
    return created;
  }
  await correctDocument(tx, row, data, posted, actor);
  return [];
}

/**
 * A return stays on the document it was entered against (what it may take depends on that one); its other fields are
 * checked against that document again, under its locks, taken after the return's own as every edit of a return does.
 */
async function lockOriginForEdit(tx: DbOrTx, row: DocRow, data: DocumentData): Promise<ReturnOrigin | null> {
  if (!isReturn(row.kind)) return null;
  if (data.returnOfId !== row.returnOfId) {
    const message = `${row.number} stays on the document it returns goods of; delete it and enter a new return instead.`;
    throw new DomainError('INVALID_DATA', message, { returnOfId: message });
  }
  return lockReturnOrigin(tx, data, movesGoods(data));
}

/**
 * An arrival whose goods change is re-posted under its transfer's lock, as posting one is: the transfer's other
 * arrivals then cannot change while this one's new goods are checked against what is still in transit. It stays
 * with its transfer.
 */
async function lockArrivalTransfer(tx: DbOrTx, row: DocRow, data: DocumentData): Promise<TransitTransfer> {
  if (data.transferId !== row.transferId) {
    const message = `${row.number} stays with its transfer; receive another transfer's goods with a new arrival.`;
    throw new DomainError('INVALID_DATA', message, { transferId: message });
  }
  return lockTransferForArrival(tx, data);
}

/** A transfer whose goods arrived (in part) is pinned by its arrivals: it cannot be re-posted until they go. */
async function refuseTransitRepost(tx: DbOrTx, row: DocRow): Promise<void> {
  if (isTransfer(row.kind)) throwIfProblems(arrivalProblems(row.number, await transferArrivals(tx, row.id)));
}

/**
 * What expected receipts allow beyond corrections (expected.ts): an expected receipt that receipts confirmed is
 * pinned by them, and a confirming receipt is not re-posted but deleted and confirmed again (which expected serials
 * it may take depends on the expected receipt's other confirmations, checked only under its lock when posting).
 */
async function refuseExpectedRepost(tx: DbOrTx, row: DocRow): Promise<void> {
  if (row.expectedReceiptId !== null) {
    throw new DomainError(
      'CONFLICT',
      `${row.number} confirmed an expected receipt and can only be corrected (its note, partner, prices and external number); to change what arrived, delete it and confirm again.`,
    );
  }
  if (isExpectedReceipt(row.kind))
    throwIfProblems(confirmationProblems(row.number, await confirmingReceipts(tx, row.id)));
}

/** An edit of fields no stock rests on: written in place, whatever later documents did with the stock. */
async function correctDocument(tx: DbOrTx, row: DocRow, data: DocumentData, { linked, changes }: Posted, actor: Actor) {
  await correctHeader(tx, [row, ...(linked ? [linked] : [])], data, actor);
  await correctInPlace(tx, [row.id, ...(linked ? [linked.id] : [])], data);
  await audit(tx, {
    entityId: row.id,
    action: 'update',
    userId: actor.userId,
    changes: { correction: true, ...changes },
  });
}

/**
 * An edit that moves stock: what the old document (or an invoice's goods document) did is replaced by what
 * the new one does, netted per item and warehouse, and every rule must hold after. Returns the goods document it
 * created, still to be numbered.
 */
async function repostDocument(
  tx: DbOrTx,
  row: DocRow,
  data: DocumentData,
  ctx: PostingContext,
  posted: Posted,
  actor: Actor,
): Promise<Unnumbered[]> {
  const { before, linked, changes } = posted;
  const created: Unnumbered[] = [];
  throwIfProblems(serialRuleProblems(data, ctx));
  const oldMover = KINDS[row.kind].movesStock
    ? await movesOf(tx, row, before)
    : linked && (await movesOf(tx, linked, posted.serialLines));
  let lines: StockLine[] = [];
  const checks = await replaceStockEffects(tx, oldMover, async () => {
    await tx.delete(documentLine).where(eq(documentLine.documentId, row.id));
    if (linked) await tx.delete(documentLine).where(eq(documentLine.documentId, linked.id));
    await tx
      .update(document)
      .set({
        date: data.date,
        partnerId: data.partnerId,
        warehouseId: data.warehouseId,
        destinationWarehouseId: data.destinationWarehouseId,
        inTransit: data.inTransit,
        note: data.note,
        ...externalFields(data),
        createStockDocument: createsStockDocument(data),
        ...nextStamp(row, actor),
      })
      .where(eq(document.id, row.id));
    lines = await insertLines(tx, row.id, data.lines, ctx.items);
    // An expected receipt's old expectations went with its lines (on delete cascade); its new list is prepared.
    if (isExpectedReceipt(row.kind)) {
      const doc = { id: row.id, date: data.date, warehouseId: data.warehouseId };
      throwIfProblems(await prepareExpectedSerials(tx, { ...doc, warehouseCode: ctx.warehouseCode }, lines));
    }
    if (KINDS[row.kind].movesStock) return { doc: stockDocOf(row.kind, row.id, row.number, data, ctx), lines };
    return syncLinkedDocument(tx, row, linked, data, ctx, actor, created);
  });
  throwIfProblems(await datedStockProblems(tx, checks));
  await audit(tx, {
    entityId: row.id,
    action: 'update',
    userId: actor.userId,
    changes: { ...changes, before: before.map(lineSummary), after: snapshot(data, lines) },
  });
  return created;
}

/**
 * A posted document as the stock effects see it: its header (with its warehouses' codes) and its lines with their
 * serials.
 */
async function movesOf(tx: DbOrTx, row: DocRow, lines: StockLine[]): Promise<Moves> {
  const ids = [row.warehouseId, ...(row.destinationWarehouseId === null ? [] : [row.destinationWarehouseId])];
  const codes = await tx
    .select({ id: warehouse.id, code: warehouse.code })
    .from(warehouse)
    .where(inArray(warehouse.id, ids));
  const codeOf = (id: bigint | null) => codes.find((w) => w.id === id)?.code ?? null;
  return {
    doc: stockDocOf(row.kind, row.id, row.number, row, {
      warehouseCode: codeOf(row.warehouseId)!,
      destinationCode: codeOf(row.destinationWarehouseId),
    }),
    lines,
  };
}

/**
 * The header fields a correction may change, on the document and on an invoice's goods document (which has no external
 * number).
 */
async function correctHeader(tx: DbOrTx, rows: DocRow[], data: DocumentData, actor: Actor) {
  for (const [index, target] of rows.entries()) {
    await tx
      .update(document)
      .set({
        partnerId: data.partnerId,
        note: data.note,
        ...(index === 0 ? externalFields(data) : {}),
        ...nextStamp(target, actor),
      })
      .where(eq(document.id, target.id));
  }
}

const externalFields = (data: DocumentData) => ({
  externalNumber: data.externalNumber,
  externalNumberKey: externalNumberKey(data.externalNumber),
});

async function lockLinked(tx: DbOrTx, id: bigint): Promise<DocRow> {
  const [row] = await tx.select().from(document).where(eq(document.id, id)).for('update');
  return row;
}

/**
 * Keeps an invoice's goods document in step (its old lines are already gone): rewritten, created (added to
 * `created`, to be numbered), or deleted with the switch. Says what it now moves, for the caller to apply.
 */
async function syncLinkedDocument(
  tx: DbOrTx,
  invoice: DocRow,
  linked: DocRow | null,
  data: DocumentData,
  ctx: PostingContext,
  actor: Actor,
  created: Unnumbered[],
): Promise<Moves | null> {
  const kind = KINDS[invoice.kind].generates;
  if (!kind) return null;
  if (!createsStockDocument(data)) {
    if (linked) {
      await tx.update(document).set({ stockDocumentId: null }).where(eq(document.id, invoice.id));
      await tx.delete(document).where(eq(document.id, linked.id));
    }
    return null;
  }
  const target = linked ?? (await createLinkedHeader(tx, invoice, kind, data, actor));
  if (!linked) created.push({ id: target.id, kind, date: data.date });
  await tx
    .update(document)
    .set({
      date: data.date,
      partnerId: data.partnerId,
      warehouseId: data.warehouseId,
      note: data.note,
      ...nextStamp(target, actor),
    })
    .where(eq(document.id, target.id));
  const lines = await insertLines(tx, target.id, data.lines, ctx.items);
  return { doc: stockDocOf(kind, target.id, target.number, data, ctx), lines };
}

async function createLinkedHeader(tx: DbOrTx, invoice: DocRow, kind: DocumentKind, data: DocumentData, actor: Actor) {
  const [row] = await tx
    .insert(document)
    .values({
      kind,
      number: PROVISIONAL_NUMBER,
      date: data.date,
      partnerId: data.partnerId,
      warehouseId: data.warehouseId,
      note: data.note,
      returnOfId: data.returnOfId,
      sourceInvoiceId: invoice.id,
      createdBy: actor.userId,
    })
    .returning();
  await tx.update(document).set({ stockDocumentId: row.id }).where(eq(document.id, invoice.id));
  return row;
}

/** Deletes a document (and an invoice's goods document) when no later document depends on it. */
export async function deleteDocument(db: DbOrTx, id: bigint, actor: Actor): Promise<void> {
  await withRetry(db, () =>
    db.transaction(async (tx) => {
      const row = await lockDocument(tx, id);
      if (isTransfer(row.kind)) throwIfProblems(arrivalProblems(row.number, await transferArrivals(tx, row.id)));
      if (isExpectedReceipt(row.kind))
        throwIfProblems(confirmationProblems(row.number, await confirmingReceipts(tx, row.id)));
      if (row.expectedReceiptId !== null) throwIfProblems(await reopenExpectedSerials(tx, row.id, row.number));
      throwIfProblems(returnProblems(row.number, await documentReturns(tx, row.id)));
      const before = await loadPostedLines(tx, id);
      const checks: DatedCheck[] = [];
      if (KINDS[row.kind].movesStock) checks.push(...(await clearStockDocument(tx, row)));
      if (row.stockDocumentId) {
        const linked = await lockLinked(tx, row.stockDocumentId);
        checks.push(...(await clearStockDocument(tx, linked)));
        await tx.update(document).set({ stockDocumentId: null }).where(eq(document.id, id));
        await tx.delete(document).where(eq(document.id, linked.id));
      }
      await tx.delete(document).where(eq(document.id, id));
      throwIfProblems(await datedStockProblems(tx, checks));
      await audit(tx, {
        entityId: id,
        action: 'delete',
        userId: actor.userId,
        changes: { number: row.number, before: before.map(lineSummary) },
      });
    }),
  );
}

function lineSummary(l: Awaited<ReturnType<typeof loadPostedLines>>[number]) {
  return { item: l.item.code, quantity: l.quantity, unitPrice: l.unitPrice, serials: l.serials.length };
}
