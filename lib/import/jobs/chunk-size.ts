/**
 * How many rows the next chunk of a job takes. A chunk is one transaction with its own fixed costs
 * (the job lock, the record lookup, the batch statements and their planning, the row results, the
 * commit): in a 25,000-row Items import, chunks of a thousand rows spent about 200 ms of 1.4 s more than
 * chunks of ten thousand; five thousand did as well as ten (more rows alive per chunk also means more
 * work for the garbage collector). Larger chunks also mean rarer progress, longer-held row locks and
 * more work redone after a crash, so the size follows the job's own speed: about half a second of work
 * per chunk, starting small so the first progress shows at once, growing at most fourfold a step.
 *
 * A fixed size (IMPORT_CHUNK_ROWS, tests) turns the adaptation off. Which rows share a chunk never
 * changes a row's outcome (writers/catalog-order.ts), and a resumed job starts a chunk at its resume point.
 */
export const FIRST_CHUNK_ROWS = 1000;
export const MAX_CHUNK_ROWS = 5000;
const MIN_CHUNK_ROWS = 100;
const TARGET_CHUNK_MS = 500;
const MAX_GROWTH = 4;

export class ChunkSizer {
  private rows: number;

  constructor(private readonly fixedRows?: number) {
    this.rows = fixedRows ?? FIRST_CHUNK_ROWS;
  }

  /** Rows for the next chunk (a document larger than this still makes a chunk of its own). */
  next(): number {
    return this.rows;
  }

  /** After a chunk of `rows` rows took `ms` milliseconds. */
  took(rows: number, ms: number) {
    if (this.fixedRows !== undefined || rows <= 0) return;
    const paced = Math.round((rows * TARGET_CHUNK_MS) / Math.max(ms, 1));
    this.rows = Math.max(MIN_CHUNK_ROWS, Math.min(MAX_CHUNK_ROWS, this.rows * MAX_GROWTH, paced));
  }
}
