import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { importJob } from '@/db/schema';
import { withRetry } from '@/lib/db-retry';
import { type TableRow, type UploadedTable } from '@/lib/import/files';
import { findModule } from '@/lib/modules';
import { fileNamed, jobResourcesOf, type JobResource } from '@/lib/import/request/job-resources';
import { readStoredTables } from '@/lib/import/upload/store';
import { ChunkSizer } from './chunk-size';
import { recordDryChunk, restartDryRun, runChunk, type ChunkRange } from './chunk';
import type { JobContext } from '@/lib/import/writers/context';
import type { JobWriter } from '@/lib/import/writers/job-writer';
import { filesWriterFor } from '@/lib/import/writers/parent-child-writer';
import { completeJob, failJob } from './finish';
import { LeaseLostError, type Lease } from './lease';
import type { RowOutcomeRecord } from '@/lib/import/results/outcomes';
import { ResultFiles } from '@/lib/import/results/result-lines';
import { isProtocolError, ProtocolError } from '@/lib/errors';

export type RunResult = 'completed' | 'failed' | 'interrupted' | 'lost';

export interface RunOptions {
  /** Rows per chunk; unset, the size follows the job's speed (ChunkSizer). */
  chunkRows?: number;
  /** Asked between chunks: a stopping worker leaves the job for another one. */
  shouldStop?: () => boolean;
}

type JobRecord = typeof importJob.$inferSelect;

function contextOf(job: JobRecord, resource: JobResource): JobContext {
  const importModule = findModule(job.module);
  if (!importModule) throw new Error(`Job ${job.id} names an unknown module ${job.module}.`);
  return {
    jobId: job.id,
    module: importModule,
    operation: job.operation,
    findBy: job.findBy,
    ignoreEmpty: job.ignoreEmpty,
    mappings: resource.mappings,
    userId: job.createdBy,
    dryRun: job.dryRun,
  };
}

/** Units from `start` up to about `chunkRows` rows; a document larger than that is a chunk of its own. */
function chunkEnd(units: TableRow[][], start: number, chunkRows: number): number {
  let rows = 0;
  let end = start;
  while (end < units.length && (end === start || rows + units[end].length <= chunkRows)) rows += units[end++].length;
  return end;
}

type RunRange = (range: ChunkRange, upcoming: ChunkRange | null) => Promise<RowOutcomeRecord[]>;

/**
 * Runs `run` on chunk after chunk of units, from unit `from` to the end, sizing each chunk by how long
 * the ones before it took. With `lookAhead`, `run` is also told which units come next (a writer may plan
 * them meanwhile), so the next chunk is sized before the current one's time is known. Returns the
 * outcomes of every row it ran, or 'interrupted' when the worker is stopping (asked between chunks).
 */
async function inChunks(
  units: TableRow[][],
  from: number,
  options: RunOptions,
  run: RunRange,
  lookAhead = false,
): Promise<RowOutcomeRecord[] | 'interrupted'> {
  const sizer = new ChunkSizer(options.chunkRows);
  const outcomes: RowOutcomeRecord[] = [];
  const rangeFrom = (start: number): ChunkRange => ({ start, end: chunkEnd(units, start, sizer.next()) });
  let range = rangeFrom(from);
  while (range.start < units.length) {
    if (options.shouldStop?.()) return 'interrupted';
    const upcoming = lookAhead && range.end < units.length ? rangeFrom(range.end) : null;
    const began = performance.now();
    const chunkOutcomes = await run(range, upcoming);
    sizer.took(chunkOutcomes.length, performance.now() - began);
    for (const outcome of chunkOutcomes) outcomes.push(outcome);
    range = upcoming ?? rangeFrom(range.end);
  }
  return outcomes;
}

/** Thrown to roll a dry run's transaction back: `interrupted` when the worker stops mid-way. */
class DryRunEnd extends Error {
  constructor(readonly result: RowOutcomeRecord[] | 'interrupted') {
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
async function runDryRun(db: Db, lease: Lease, units: TableRow[][], writer: JobWriter, options: RunOptions) {
  // A deadlock with a concurrent posting rolls the whole dry run back; it starts again from the first row.
  return withRetry(db, async () => {
    await restartDryRun(db, lease);
    try {
      return await db.transaction(async (tx) => {
        throw new DryRunEnd(
          await inChunks(units, 0, options, async ({ start, end }) =>
            recordDryChunk(db, lease, { start, end }, await writer.write(tx, units.slice(start, end))),
          ),
        );
      });
    } catch (error) {
      if (error instanceof DryRunEnd) return error.result;
      throw error;
    }
  });
}

/**
 * The result lines of every row, or null when an earlier run committed some of them (a resumed job).
 * Each chunk's lines are written while the next chunk's statements run. A dry run plans nothing ahead:
 * its earlier chunks' writes are visible only inside its own transaction.
 */
async function runChunks(
  db: Db,
  lease: Lease,
  job: JobRecord,
  tables: UploadedTable[],
  units: TableRow[][],
  writer: JobWriter,
  options: RunOptions,
) {
  const lines = new ResultFiles(tables);
  if (job.dryRun) {
    const outcomes = await runDryRun(db, lease, units, writer, options);
    if (outcomes === 'interrupted') return outcomes;
    lines.add(outcomes);
    return lines;
  }
  const sliceOf = ({ start, end }: ChunkRange) => units.slice(start, end);
  const beside = () => lines.writeAdded();
  const outcomes = await inChunks(
    units,
    job.nextRow,
    options,
    async (range, upcoming) => {
      const chunkUnits = sliceOf(range);
      const aside = { upcoming: upcoming ? sliceOf(upcoming) : undefined, beside };
      // A deadlock with a concurrent posting rolls the whole chunk back, so running it again is safe;
      // postDocument cannot retry on its own inside the chunk's transaction.
      const chunkOutcomes = await withRetry(db, () =>
        runChunk(db, lease, { ...range, units: chunkUnits }, (tx) => writer.write(tx, chunkUnits, aside)),
      );
      lines.add(chunkOutcomes);
      return chunkOutcomes;
    },
    writer.looksAhead,
  );
  if (outcomes === 'interrupted') return outcomes;
  return job.nextRow > 0 ? null : lines;
}

/** The data file each resource reads, in the order of the job's resources. */
async function readTables(db: Db, job: JobRecord, resources: JobResource[]): Promise<UploadedTable[]> {
  const tables = await readStoredTables(db, job.fileId, job.characterEncoding);
  return resources.map((resource) => {
    const table = fileNamed(tables, resource.fileName);
    if (table) return table;
    throw new ProtocolError(
      'INVALID_FILE_FORMAT',
      resource.fileName === null
        ? `it holds ${tables.length} data files instead of one.`
        : `it holds no data file named '${resource.fileName}'.`,
    );
  });
}

/**
 * Runs (or resumes) a claimed job: reads the file again (or takes the tables this process read at upload),
 * cuts it into the same units as before and continues at the job's resume point (next_row counts the units
 * already committed).
 */
export async function runJob(db: Db, lease: Lease, options: RunOptions = {}): Promise<RunResult> {
  const [job] = await db.select().from(importJob).where(eq(importJob.id, lease.jobId));
  if (!job) return 'lost';
  try {
    const resources = jobResourcesOf(job);
    const tables = await readTables(db, job, resources).catch(async (error) => {
      if (!isProtocolError(error)) throw error;
      await failJob(db, lease, `The file can no longer be read: ${error.message}`);
      return null;
    });
    if (!tables) return 'failed';
    const { units, writer } = filesWriterFor(
      db,
      contextOf(job, resources[0]),
      tables.map((table, i) => ({ table, resource: resources[i] })),
    );
    // Remember the encoding that was detected, so a resumed run reads the file the same way.
    if (!job.characterEncoding && tables[0].encoding) {
      await db
        .update(importJob)
        .set({ characterEncoding: tables[0].encoding })
        .where(sql`${importJob.id} = ${job.id} and ${importJob.characterEncoding} is null`);
    }
    const lines = await runChunks(db, lease, job, tables, units, writer, options);
    if (lines === 'interrupted') return 'interrupted';
    await completeJob(db, lease, tables, lines);
    return 'completed';
  } catch (error) {
    if (error instanceof LeaseLostError) return 'lost';
    throw error;
  }
}
