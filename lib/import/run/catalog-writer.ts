import type { DbOrTx } from '@/db/client';
import { pgErrorOf } from '@/lib/db-errors';
import { isDomainError } from '@/lib/errors';
import type { TableRow } from '@/lib/import/files';
import { adapterFor, type CatalogAdapter, type CatalogRecord } from './catalog-adapters';
import {
  blankKeysOf, columnNamer, keysOf, overlayOf, planRow, RecordIndex, resolveTarget, type PlannedRow, type RowOverlay,
} from './catalog-plan';
import type { CatalogContext } from './context';
import { rowErrorsOf, skipped, type RowOutcomeRecord } from './outcomes';

type Outcomes = Map<number, RowOutcomeRecord>;

const recordOf = (id: bigint, data: Record<string, unknown>): CatalogRecord =>
  ({ id, code: String(data.code), ean: (data.ean as string | null | undefined) ?? null, values: data });

function countsOf(values: (string | bigint | null)[]) {
  const counts = new Map<string | bigint, number>();
  for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  return (value: string | bigint | null) => (value === null ? 0 : counts.get(value) ?? 0);
}

/**
 * Rows that can be written together: none shares a code, EAN or record with another row of the chunk,
 * none takes a code or EAN another record holds, and no rule of the lib function applies to it.
 */
function partition(planned: PlannedRow[], index: RecordIndex, adapter: CatalogAdapter) {
  const codeCount = countsOf(planned.map((p) => String(p.data.code)));
  const eanCount = countsOf(planned.map((p) => (p.data.ean as string | null | undefined) ?? null));
  const targetCount = countsOf(planned.map((p) => p.target?.id ?? null));
  const fast: PlannedRow[] = [];
  const slow: PlannedRow[] = [];
  for (const p of planned) {
    const code = String(p.data.code);
    const ean = (p.data.ean as string | null | undefined) ?? null;
    const ownsKeys = [index.ownerOf('code', code), index.ownerOf('ean', ean)].every((owner) => !owner || owner === p.target);
    const alone = codeCount(code) === 1 && (ean === null || eanCount(ean) === 1) && (!p.target || targetCount(p.target.id) === 1);
    const ruled = p.target !== null && adapter.batch!.needsOneByOne(p.target, p.data);
    (ownsKeys && alone && !ruled ? fast : slow).push(p);
  }
  return { fast, slow };
}

/** Runs a batch statement in a savepoint; on any database refusal its rows go the one-by-one way. */
async function inSavepoint<T>(tx: DbOrTx, run: (sp: DbOrTx) => Promise<T>): Promise<T | null> {
  try {
    return await tx.transaction(run);
  } catch (error) {
    if (isDomainError(error) || pgErrorOf(error)) return null;
    throw error;
  }
}

async function writeFast(tx: DbOrTx, adapter: CatalogAdapter, fast: PlannedRow[], index: RecordIndex, outcomes: Outcomes) {
  const batch = adapter.batch!;
  const leftovers: PlannedRow[] = [];
  const inserts = fast.filter((p) => !p.target);
  const insertedIds = await inSavepoint(tx, (sp) => batch.insert(sp, inserts.map((p) => p.data)));
  for (const p of inserts) {
    const id = insertedIds?.get(String(p.data.code));
    if (id === undefined) { leftovers.push(p); continue; }
    index.put(recordOf(id, p.data));
    outcomes.set(p.rowNumber, { rowNumber: p.rowNumber, status: 'ADDED', recordId: String(id), errors: [] });
  }
  const updates = fast.filter((p) => p.target);
  const updatedIds = await inSavepoint(tx, (sp) => batch.update(sp, updates.map((p) => ({ id: p.target!.id, data: p.data }))));
  for (const p of updates) {
    if (!updatedIds?.has(p.target!.id)) { leftovers.push(p); continue; }
    index.put(recordOf(p.target!.id, p.data));
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
    const id = target.record ? target.record.id : await adapter.create(tx, plan.input);
    if (target.record) await adapter.update(tx, id, plan.input);
    index.put(recordOf(id, plan.data));
    return { rowNumber: overlay.rowNumber, status: target.record ? 'UPDATED' : 'ADDED', recordId: String(id), errors: [] };
  } catch (error) {
    const fieldKeys = isDomainError(error) ? Object.keys(error.fieldErrors) : [];
    return skipped(overlay.rowNumber, rowErrorsOf(error, columnNamer(ctx), blankKeysOf(plan.input, fieldKeys)));
  }
}

/** Writes one chunk of Items, Partners or Warehouses rows inside the chunk's transaction. */
export async function writeCatalogChunk(tx: DbOrTx, ctx: CatalogContext, rows: TableRow[]): Promise<RowOutcomeRecord[]> {
  const adapter = adapterFor(ctx.module);
  const overlays = rows.map((row) => overlayOf(ctx, row));
  const index = new RecordIndex(await adapter.load(tx, keysOf(overlays, ctx.findBy)));
  const outcomes: Outcomes = new Map();
  const planned: PlannedRow[] = [];
  for (const overlay of overlays) {
    const target = resolveTarget(ctx, overlay, index);
    const plan = 'error' in target ? [target.error] : planRow(ctx, adapter, overlay, target.record);
    if (Array.isArray(plan)) outcomes.set(overlay.rowNumber, skipped(overlay.rowNumber, plan));
    else planned.push(plan);
  }
  const { fast, slow } = adapter.batch ? partition(planned, index, adapter) : { fast: [], slow: planned };
  const leftovers = fast.length ? await writeFast(tx, adapter, fast, index, outcomes) : [];
  const byRow = new Map(overlays.map((overlay) => [overlay.rowNumber, overlay]));
  for (const p of [...slow, ...leftovers].sort((a, b) => a.rowNumber - b.rowNumber)) {
    outcomes.set(p.rowNumber, await writeOne(tx, ctx, adapter, byRow.get(p.rowNumber)!, index));
  }
  return rows.map((row) => outcomes.get(row.rowNumber)!);
}
