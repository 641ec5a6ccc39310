import type { Db, DbOrTx } from '@/db/client';
import type { TableRow } from '@/lib/import/files';
import { keysWrittenBy, planCatalogChunk, type CatalogChunkPlan } from './catalog-chunk-plan';
import { writeCatalogChunk } from './catalog-writer';
import type { ChunkKeys } from './chunk-keys';
import type { JobWriter } from './job-writer';
import type { CatalogContext } from './context';

/** The same stretch of the job's units (each chunk's are sliced from one array of units). */
const sameUnits = (a: TableRow[][], b: TableRow[][]) => a.length === b.length && a[0] === b[0];

/**
 * A catalog job's writer. The next chunk is planned (rows read, records looked up, the shared schema
 * run) while this chunk's statements run, so Node.js plans on one core while PostgreSQL writes on the
 * other. That plan read the records before this chunk committed: it is used only if this chunk wrote
 * nothing it read (no shared code, EAN or record); otherwise, and whenever no plan was made ahead, a
 * chunk is planned inside its own transaction, as if alone. The plan ahead reads on `db`, the pool.
 */
export function catalogJobWriter(db: Db, ctx: CatalogContext): JobWriter {
  let ahead: { units: TableRow[][]; plan: Promise<CatalogChunkPlan | null> } | null = null;
  // What the chunk written last may have changed: a plan ahead is made after the chunks before it committed.
  let writtenLast: ChunkKeys[] = [];

  const planAhead = (units: TableRow[][]) => {
    // A plan that fails (the database went away) is no plan: the chunk plans in its transaction and meets the error
    // there.
    ahead = { units, plan: planCatalogChunk(db, ctx, units.flat()).catch(() => null) };
  };

  async function currentPlan(tx: DbOrTx, units: TableRow[][]): Promise<CatalogChunkPlan> {
    const made = ahead && sameUnits(ahead.units, units) ? await ahead.plan : null;
    ahead = null;
    if (made && !writtenLast.some((written) => made.reads.sharesAnyWith(written))) return made;
    return planCatalogChunk(tx, ctx, units.flat());
  }

  return {
    looksAhead: true,
    async write(tx, units, { upcoming, beside } = {}) {
      const plan = await currentPlan(tx, units);
      const outcomes = await writeCatalogChunk(tx, ctx, plan, () => {
        if (upcoming) planAhead(upcoming);
        beside?.();
      });
      writtenLast = keysWrittenBy(plan, outcomes);
      return outcomes;
    },
  };
}
