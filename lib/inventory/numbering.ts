import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { documentSeries } from '@/db/schema';
import { KINDS, type DocumentKind } from './kinds';

/**
 * Allocates the next number of a per-kind, per-year series (GR-2026-00001). The upsert locks the
 * series row until the transaction ends, so concurrent postings get consecutive numbers without gaps
 * from rolled-back attempts leaking into committed documents.
 */
export async function allocateNumber(tx: DbOrTx, kind: DocumentKind, date: string): Promise<string> {
  const year = Number(date.slice(0, 4));
  const [row] = await tx.insert(documentSeries).values({ kind, year, lastNumber: 1 })
    .onConflictDoUpdate({ target: [documentSeries.kind, documentSeries.year], set: { lastNumber: sql`${documentSeries.lastNumber} + 1` } })
    .returning({ n: documentSeries.lastNumber });
  return `${KINDS[kind].prefix}-${year}-${String(row.n).padStart(5, '0')}`;
}
