import type { DbOrTx } from '@/db/client';
import type { PreparedItemWrites } from '@/lib/catalog/item-writer';
import type { TableRow } from '@/lib/import/files';
import type { RowError } from '@/lib/import/results';
import { adapterFor, type CatalogRecord, type Keys } from './catalog-adapters';
import { rowsToWriteInOrder } from './catalog-order';
import {
  keysOf,
  overlayOf,
  planRow,
  RecordIndex,
  resolveTarget,
  type PlannedRow,
  type RowOverlay,
} from './catalog-plan';
import { ChunkKeys } from './chunk-keys';
import type { CatalogContext } from './context';
import type { RowOutcomeRecord } from '@/lib/import/results/outcomes';

/** The rows a chunk hands to the lib's batch writer (catalog-writer.ts), and their writes, prepared in advance. */
export interface PreparedBatch {
  rows: PlannedRow[];
  writes: PreparedItemWrites;
}

/** A chunk of catalog rows read, matched to the stored records and run through the shared schema. */
export interface CatalogChunkPlan {
  rows: TableRow[];
  overlays: RowOverlay[];
  plans: (PlannedRow | RowError[])[];
  /** Rows to write one by one in row order (catalog-order.ts); the others are batched. */
  inOrder: Set<number>;
  /**
   * The rows no other row depends on (valid ones not written in order), prepared for the lib's batch writer; null
   * without any.
   */
  batch: PreparedBatch | null;
  /** Every code, EAN and record id the plan was made from: the rows' own and those of the records found. */
  reads: ChunkKeys;
}

// Planning 5,000 rows takes some 40 ms; planned ahead, beside another chunk's statements (catalog-job-writer.ts),
// it gives the event loop back every millisecond, so their replies (and the next statement) are not kept waiting.
const MS_BETWEEN_YIELDS = 1;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function readsOf(ctx: CatalogContext, overlays: RowOverlay[], keys: Keys, records: CatalogRecord[]): ChunkKeys {
  const reads = new ChunkKeys();
  keys.codes.forEach((code) => reads.addCode(code));
  keys.eans.forEach((ean) => reads.addEan(ean));
  keys.ids.forEach((id) => reads.addId(id));
  for (const overlay of overlays) {
    if (ctx.findBy === 'EAN') reads.addEan(overlay.findKey);
    else if (ctx.findBy !== 'id') reads.addCode(overlay.findKey);
  }
  for (const record of records) {
    reads.addId(record.id);
    reads.addCode(record.code);
    reads.addEan(record.ean);
  }
  return reads;
}

/**
 * Reads a chunk's rows, loads every record they name (on `db`: the chunk's transaction, or the pool
 * when planned ahead) and runs the shared schema on each row. Writes nothing.
 */
export async function planCatalogChunk(db: DbOrTx, ctx: CatalogContext, rows: TableRow[]): Promise<CatalogChunkPlan> {
  const adapter = adapterFor(ctx.module);
  const overlays = rows.map((row) => overlayOf(ctx, row));
  const keys = keysOf(overlays, ctx.findBy);
  const records = await adapter.load(db, keys);
  const index = new RecordIndex(records);
  const plans: (PlannedRow | RowError[])[] = [];
  let yielded = performance.now();
  for (const overlay of overlays) {
    if (performance.now() - yielded > MS_BETWEEN_YIELDS) {
      await yieldToEventLoop();
      yielded = performance.now();
    }
    const target = resolveTarget(ctx, overlay, index);
    plans.push('error' in target ? [target.error] : planRow(ctx, adapter, overlay, target.record));
  }
  // Without a batch writer (Partners, Warehouses) every row goes through the lib function, in row order.
  const inOrder = adapter.batch
    ? rowsToWriteInOrder(ctx, overlays, plans, index)
    : new Set(overlays.map((overlay) => overlay.rowNumber));
  const fast = plans.filter(
    (plan, i): plan is PlannedRow => !Array.isArray(plan) && !inOrder.has(overlays[i].rowNumber),
  );
  // The lib builds its statements now, so that the chunk's transaction sends them at once.
  const batch =
    adapter.batch && fast.length ? { rows: fast, writes: await adapter.batch.prepare(fast, ctx.userId) } : null;
  return { rows, overlays, plans, inOrder, batch, reads: readsOf(ctx, overlays, keys, records) };
}

/**
 * What a written chunk may have changed, as key sets to compare with: everything it read — which holds the
 * codes and EANs it set (a row's own, trimmed as the schema trims them, or its record's) and the records it
 * updated — and the records it added.
 */
export function keysWrittenBy(plan: CatalogChunkPlan, outcomes: RowOutcomeRecord[]): ChunkKeys[] {
  const added = new ChunkKeys();
  for (const outcome of outcomes)
    if (outcome.status === 'ADDED' && outcome.recordId !== null) added.addId(BigInt(outcome.recordId));
  return [plan.reads, added];
}
