import type { DbOrTx } from '@/db/client';
import { isDomainError } from '@/lib/errors';
import { adapterFor, type CatalogAdapter, type CatalogRecord } from './catalog-adapters';
import type { CatalogChunkPlan, PreparedBatch } from './catalog-chunk-plan';
import { blankKeysOf, columnNamer, keysOf, planRow, RecordIndex, resolveTarget, type RowOverlay } from './catalog-plan';
import type { CatalogContext } from './context';
import { rowErrorsOf, skipped, type RowOutcomeRecord } from '@/lib/import/results/outcomes';

type Outcomes = Map<number, RowOutcomeRecord>;

const recordOf = (id: bigint, data: Record<string, unknown>): CatalogRecord => ({
  id,
  code: String(data.code),
  ean: (data.ean as string | null | undefined) ?? null,
  values: data,
});

/**
 * The rows no other row of the chunk depends on (catalog-order.ts), through the lib's batch writer, which
 * gives each its outcome: no later row of the chunk looks them up, so the record index is left as it is.
 */
async function writeBatch(
  tx: DbOrTx,
  ctx: CatalogContext,
  batch: PreparedBatch,
  outcomes: Outcomes,
  onSent: () => void,
) {
  const written = await batch.writes.write(tx, { onSent });
  batch.rows.forEach((planned, i) => {
    const outcome = written[i];
    const { rowNumber } = planned;
    if (outcome.ok)
      outcomes.set(rowNumber, {
        rowNumber,
        status: outcome.added ? 'ADDED' : 'UPDATED',
        recordId: String(outcome.id),
        errors: [],
      });
    else outcomes.set(rowNumber, refused(ctx, rowNumber, outcome.error, planned.input));
  });
}

/** A lib function's refusal as the row's errors; a field the row left empty reads as "mandatory, not found". */
function refused(
  ctx: CatalogContext,
  rowNumber: number,
  error: unknown,
  input: Record<string, unknown>,
): RowOutcomeRecord {
  const fieldKeys = isDomainError(error) ? Object.keys(error.fieldErrors) : [];
  return skipped(rowNumber, rowErrorsOf(error, columnNamer(ctx), blankKeysOf(input, fieldKeys)));
}

/** One row through the lib's own create/update, against the records as the chunk has left them so far. */
async function writeOne(
  tx: DbOrTx,
  ctx: CatalogContext,
  adapter: CatalogAdapter,
  overlay: RowOverlay,
  index: RecordIndex,
): Promise<RowOutcomeRecord> {
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
    return {
      rowNumber: overlay.rowNumber,
      status: target.record ? 'UPDATED' : 'ADDED',
      recordId: String(id),
      errors: [],
    };
  } catch (error) {
    return refused(ctx, overlay.rowNumber, error, plan.input);
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
  tx: DbOrTx,
  ctx: CatalogContext,
  plan: CatalogChunkPlan,
  whileWriting?: () => void,
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
  if (plan.batch) await writeBatch(tx, ctx, plan.batch, outcomes, sent);
  sent();
  if (inOrder.size === 0) return plan.rows.map((row) => outcomes.get(row.rowNumber)!);
  const byRow = new Map(overlays.map((overlay) => [overlay.rowNumber, overlay]));
  const overlaysInOrder = [...inOrder].sort((a, b) => a - b).map((rowNumber) => byRow.get(rowNumber)!);
  // Their records read again, here: the plan may be older than this transaction (planned ahead). These rows
  // share no key with the batched ones, so nothing the batch wrote is missing.
  const current = new RecordIndex(await adapter.load(tx, keysOf(overlaysInOrder, ctx.findBy)));
  for (const overlay of overlaysInOrder)
    outcomes.set(overlay.rowNumber, await writeOne(tx, ctx, adapter, overlay, current));
  return plan.rows.map((row) => outcomes.get(row.rowNumber)!);
}
