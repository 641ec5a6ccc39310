import type { DbOrTx } from '@/db/client';
import { pgErrorOf } from '@/lib/db-errors';
import { isDomainError } from '@/lib/errors';
import { adapterFor, type CatalogAdapter, type CatalogRecord } from './catalog-adapters';
import type { CatalogChunkPlan, PreparedBatch } from './catalog-chunk-plan';
import { blankKeysOf, columnNamer, keysOf, planRow, RecordIndex, resolveTarget, type PlannedRow, type RowOverlay } from './catalog-plan';
import type { CatalogContext } from './context';
import { rowErrorsOf, skipped, type RowOutcomeRecord } from '@/lib/import/results/outcomes';

type Outcomes = Map<number, RowOutcomeRecord>;

const recordOf = (id: bigint, data: Record<string, unknown>): CatalogRecord =>
  ({ id, code: String(data.code), ean: (data.ean as string | null | undefined) ?? null, values: data });

/** Runs a batch statement in a savepoint; on any database refusal its rows go the one-by-one way. */
async function inSavepoint<T>(tx: DbOrTx, run: (sp: DbOrTx) => Promise<T>): Promise<T | null> {
  try {
    return await tx.transaction(run);
  } catch (error) {
    if (isDomainError(error) || pgErrorOf(error)) return null;
    throw error;
  }
}

/**
 * The batched rows share no code, EAN or record with any other row of the chunk (catalog-order.ts),
 * so no later row of the chunk looks them up: the record index is left as it is. `sent` is called
 * as soon as a batch statement is on its way.
 */
async function writeFast(tx: DbOrTx, batch: PreparedBatch, outcomes: Outcomes, sent: () => void) {
  const leftovers: PlannedRow[] = [];
  const sending = <T>(statement: Promise<T>) => {
    sent();
    return statement;
  };
  const { inserts, updates, insert, update } = batch;
  const insertedIds = insert ? await inSavepoint(tx, (sp) => sending(insert(sp))) : null;
  for (const p of inserts) {
    const id = insertedIds?.get(String(p.data.code));
    if (id === undefined) { leftovers.push(p); continue; }
    outcomes.set(p.rowNumber, { rowNumber: p.rowNumber, status: 'ADDED', recordId: String(id), errors: [] });
  }
  const updatedIds = update ? await inSavepoint(tx, (sp) => sending(update(sp))) : null;
  for (const p of updates) {
    if (!updatedIds?.has(p.target!.id)) { leftovers.push(p); continue; }
    outcomes.set(p.rowNumber, { rowNumber: p.rowNumber, status: 'UPDATED', recordId: String(p.target!.id), errors: [] });
  }
  return leftovers;
}

/** One row through the lib's own create/update, against the records as the chunk has left them so far. */
async function writeOne(tx: DbOrTx, ctx: CatalogContext, adapter: CatalogAdapter, overlay: RowOverlay, index: RecordIndex): Promise<RowOutcomeRecord> {
  const target = resolveTarget(ctx, overlay, index);
  if ('error' in target) return skipped(overlay.rowNumber, [target.error]);
  const plan = planRow(ctx, adapter, overlay, target.record);
  if (Array.isArray(plan)) return skipped(overlay.rowNumber, plan);
  try {
    // An update sends only the row's values: the lib lays them over the record as it is under its lock,
    // which may be newer than the copy read above (a form or the API saved it since).
    const id = target.record ? target.record.id : await adapter.create(tx, plan.input, ctx.userId);
    const written = target.record ? await adapter.update(tx, id, overlay.values, ctx.userId) : plan.data;
    index.put(recordOf(id, written));
    return { rowNumber: overlay.rowNumber, status: target.record ? 'UPDATED' : 'ADDED', recordId: String(id), errors: [] };
  } catch (error) {
    const fieldKeys = isDomainError(error) ? Object.keys(error.fieldErrors) : [];
    return skipped(overlay.rowNumber, rowErrorsOf(error, columnNamer(ctx), blankKeysOf(plan.input, fieldKeys)));
  }
}

/**
 * Writes one planned chunk of Items, Partners or Warehouses rows inside the chunk's transaction, with
 * the outcome each row would have if the rows were imported one at a time, in row order. The plan must
 * be current: made in this transaction, or ahead of it from records nothing has written since.
 * `whileWriting` is started once the first statement is on its way to the server, so the server is not
 * kept waiting for it (the next chunk's plan, say: see catalog-job-writer.ts).
 */
export async function writeCatalogChunk(
  tx: DbOrTx, ctx: CatalogContext, plan: CatalogChunkPlan, whileWriting?: () => void,
): Promise<RowOutcomeRecord[]> {
  const adapter = adapterFor(ctx.module);
  const { overlays, plans, inOrder } = plan;
  const outcomes: Outcomes = new Map();
  plans.forEach((planned, i) => {
    const { rowNumber } = overlays[i];
    if (!inOrder.has(rowNumber) && Array.isArray(planned)) outcomes.set(rowNumber, skipped(rowNumber, planned));
  });
  let started = false;
  // Called as a statement goes out; run in the next turn of the event loop, when it has been sent.
  const sent = () => {
    if (started || !whileWriting) return;
    started = true;
    setImmediate(whileWriting);
  };
  const leftovers = plan.batch ? await writeFast(tx, plan.batch, outcomes, sent) : [];
  sent();
  // Rows the batch statements refused share nothing with other rows, so their place in the order is free.
  const oneByOne = [...inOrder, ...leftovers.map((p) => p.rowNumber)].sort((a, b) => a - b);
  if (oneByOne.length === 0) return plan.rows.map((row) => outcomes.get(row.rowNumber)!);
  const byRow = new Map(overlays.map((overlay) => [overlay.rowNumber, overlay]));
  const overlaysOneByOne = oneByOne.map((rowNumber) => byRow.get(rowNumber)!);
  // Their records read again, here: the plan may be older than this transaction (planned ahead), or a record
  // changed under a batch statement. These rows share no key with the batched ones, so nothing is missing.
  const current = new RecordIndex(await adapter.load(tx, keysOf(overlaysOneByOne, ctx.findBy)));
  for (const overlay of overlaysOneByOne) outcomes.set(overlay.rowNumber, await writeOne(tx, ctx, adapter, overlay, current));
  return plan.rows.map((row) => outcomes.get(row.rowNumber)!);
}
