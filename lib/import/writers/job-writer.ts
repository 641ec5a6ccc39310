import type { Db, DbOrTx } from '@/db/client';
import type { TableRow } from '@/lib/import/files';
import type { RowOutcomeRecord } from '@/lib/import/results/outcomes';
import { catalogJobWriter } from './catalog-job-writer';
import type { CatalogContext, DocumentContext, JobContext } from './context';
import { groupDocuments, writeDocumentChunk } from './document-writer';
import { stocktakeEntriesWriter, type EntriesContext } from './stocktake-entries-writer';

/** What a job writer is told besides a chunk's units. */
export interface ChunkAside {
  /** The units of the next chunk, for a writer that looksAhead (none for the last chunk or a dry run). */
  upcoming?: TableRow[][];
  /** The runner's own work, best done while this chunk's statements run (when the writer can tell). */
  beside?: () => void;
}

/**
 * How a job writes its chunks of units, one after another. A writer that `looksAhead` is given the units
 * of the next chunk and may begin its work on them while this chunk's statements run, as long as the
 * outcomes stay those of writing the chunks one after the other. (The next chunk's size is then chosen
 * before this chunk's time is known.)
 */
export interface JobWriter {
  looksAhead?: boolean;
  write(tx: DbOrTx, units: TableRow[][], aside?: ChunkAside): Promise<RowOutcomeRecord[]>;
}

/** The units a job is cut into (rows, or whole documents; the same order on every run) and their writer. */
export function jobWriterFor(db: Db, ctx: JobContext, rows: TableRow[]): { units: TableRow[][]; writer: JobWriter } {
  if (ctx.module.kind === 'document') {
    const docCtx = ctx as DocumentContext;
    const writer: JobWriter = { write: (tx, units, aside) => writeDocumentChunk(tx, docCtx, units, aside?.beside) };
    return { units: groupDocuments(docCtx, rows), writer };
  }
  if (ctx.module.kind === 'entries') {
    return { units: rows.map((row) => [row]), writer: stocktakeEntriesWriter(ctx as EntriesContext) };
  }
  return { units: rows.map((row) => [row]), writer: catalogJobWriter(db, ctx as CatalogContext) };
}
