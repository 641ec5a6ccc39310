import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { importJob } from '@/db/schema';
import { isSerializationFailure } from '@/lib/db-errors';
import { isImportFileError, readUploadedTable, type TableRow } from '@/lib/import/files';
import { findModule } from '@/lib/import/modules/registry';
import { mappingsFromWire } from '@/lib/import/spec/mappings';
import { loadUpload } from '@/lib/import/upload';
import { writeCatalogChunk } from './catalog-writer';
import { LeaseLostError, recordDryChunk, restartDryRun, runChunk, type ChunkWriter, type Lease } from './chunk';
import type { CatalogContext, DocumentContext, JobContext } from './context';
import { groupDocuments, writeDocumentChunk } from './document-writer';
import { completeJob, failJob } from './finish';

// Rows per chunk transaction. Per-chunk costs (one lookup query, one batch statement, one commit)
// stop mattering from about a thousand rows; more would only lengthen locks and the redo after a crash.
export const DEFAULT_CHUNK_ROWS = 1000;

export type RunResult = 'completed' | 'failed' | 'interrupted' | 'lost';

export interface RunOptions {
  chunkRows?: number;
  /** Asked between chunks: a stopping worker leaves the job for another one. */
  shouldStop?: () => boolean;
}

type JobRecord = typeof importJob.$inferSelect;

function contextOf(job: JobRecord): JobContext {
  const importModule = findModule(job.module);
  if (!importModule) throw new Error(`Job ${job.id} names an unknown module ${job.module}.`);
  return {
    jobId: job.id, module: importModule, operation: job.operation, findBy: job.findBy, ignoreEmpty: job.ignoreEmpty,
    mappings: mappingsFromWire(job.fieldMappings), userId: job.createdBy, dryRun: job.dryRun,
  };
}

/** The units a job is cut into: rows, or whole documents; their order is the same on every run. */
function unitsOf(ctx: JobContext, rows: TableRow[]): { units: TableRow[][]; write: ChunkWriter } {
  if (ctx.module.kind === 'document') {
    const docCtx = ctx as DocumentContext;
    return { units: groupDocuments(docCtx, rows), write: (tx, units) => writeDocumentChunk(tx, docCtx, units) };
  }
  const catalogCtx = ctx as CatalogContext;
  return { units: rows.map((row) => [row]), write: (tx, units) => writeCatalogChunk(tx, catalogCtx, units.flat()) };
}

/** Units from `start` up to about `chunkRows` rows; a document larger than that is a chunk of its own. */
function chunkEnd(units: TableRow[][], start: number, chunkRows: number): number {
  let rows = 0;
  let end = start;
  while (end < units.length && (end === start || rows + units[end].length <= chunkRows)) rows += units[end++].length;
  return end;
}

/**
 * A deadlock with a concurrent posting (lock order between unrelated documents) rolls the whole chunk
 * back, so running it again is safe; postDocument cannot retry on its own inside our transaction.
 */
async function withRetry(run: () => Promise<void>, attempts = 3): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isSerializationFailure(error)) throw error;
    }
  }
}

/** Thrown to roll a dry run's transaction back: `interrupted` when the worker stops mid-way. */
class DryRunEnd extends Error {
  constructor(readonly result: 'done' | 'interrupted') {
    super('dry run: roll back');
  }
}

/**
 * A dry run writes every chunk through the very same writer, all in one transaction that is rolled back
 * at the end, so each row sees what the rows before it would have written — in earlier chunks too — and
 * reports what the real run would. Row results and progress are committed chunk by chunk beside it. The
 * price: the records it touches stay locked until it ends. It always starts from the first row (a
 * resumed or retried dry run has no earlier writes to build on).
 */
async function runDryRun(db: Db, lease: Lease, units: TableRow[][], write: ChunkWriter, chunkRows: number, options: RunOptions) {
  for (let attempt = 1; ; attempt++) {
    await restartDryRun(db, lease);
    try {
      await db.transaction(async (tx) => {
        for (let start = 0; start < units.length;) {
          if (options.shouldStop?.()) throw new DryRunEnd('interrupted');
          const end = chunkEnd(units, start, chunkRows);
          await recordDryChunk(db, lease, { start, end }, await write(tx, units.slice(start, end)));
          start = end;
        }
        throw new DryRunEnd('done');
      });
    } catch (error) {
      if (error instanceof DryRunEnd) return error.result;
      if (attempt >= 3 || !isSerializationFailure(error)) throw error;
    }
  }
}

async function readTable(db: Db, job: JobRecord) {
  const file = await loadUpload(db, job.fileId);
  return readUploadedTable(file.content, file.fileName, { characterEncoding: job.characterEncoding ?? undefined });
}

/**
 * Runs (or resumes) a claimed job: reads the file again, cuts it into the same units as before and
 * continues at the job's resume point (next_row counts the units already committed).
 */
export async function runJob(db: Db, lease: Lease, options: RunOptions = {}): Promise<RunResult> {
  const [job] = await db.select().from(importJob).where(eq(importJob.id, lease.jobId));
  if (!job) return 'lost';
  try {
    const table = await readTable(db, job).catch(async (error) => {
      if (!isImportFileError(error)) throw error;
      await failJob(db, lease, `The file can no longer be read: ${error.message}`);
      return null;
    });
    if (!table) return 'failed';
    const ctx = contextOf(job);
    const { units, write } = unitsOf(ctx, table.rows);
    // Remember the encoding that was detected, so a resumed run reads the file the same way.
    if (!job.characterEncoding && table.encoding) {
      await db.update(importJob).set({ characterEncoding: table.encoding }).where(sql`${importJob.id} = ${job.id} and ${importJob.characterEncoding} is null`);
    }
    const chunkRows = options.chunkRows ?? DEFAULT_CHUNK_ROWS;
    if (ctx.dryRun) {
      if (await runDryRun(db, lease, units, write, chunkRows, options) === 'interrupted') return 'interrupted';
    } else {
      for (let start = job.nextRow; start < units.length;) {
        if (options.shouldStop?.()) return 'interrupted';
        const end = chunkEnd(units, start, chunkRows);
        await withRetry(() => runChunk(db, lease, { start, end, units: units.slice(start, end) }, write));
        start = end;
      }
    }
    await completeJob(db, lease, table);
    return 'completed';
  } catch (error) {
    if (error instanceof LeaseLostError) return 'lost';
    throw error;
  }
}
