import { expect } from 'vitest';
import type { Db, DbOrTx } from '@/db/client';
import { loadPostedLines } from '@/lib/inventory/lines';
import { document } from '@/db/schema';
import { eq } from 'drizzle-orm';
import type { Caller } from './api';
import { csv, drainJobs } from './drain';
import { resultRows } from './result-file';

export type DocumentJob = {
  operation: 'insert' | 'update' | 'upsert';
  module?: string;
  findBy?: string;
  ignoreEmpty?: boolean;
  dryRun?: boolean;
};

/** Uploads a document file whose header row names the fields and creates its job (not run yet). */
export async function createDocumentJob(api: Caller, rows: string[][], job: DocumentJob): Promise<string> {
  const uploaded = await api.upload(csv(rows), 'documents.csv');
  const created = await api.create({
    operation: job.operation,
    ...(job.dryRun ? { dry_run: true } : {}),
    ...(job.ignoreEmpty ? { ignore_empty: true } : {}),
    resource: [
      {
        type: 'data',
        module: { api_name: job.module ?? 'Goods_Receipts' },
        file_id: uploaded.json.details.file_id,
        ...(job.findBy ? { find_by: job.findBy } : {}),
        field_mappings: rows[0].map((api_name, index) => ({ api_name, index })),
      },
    ],
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  return created.json.details.id;
}

/** Creates the job, runs it as a worker would and returns its result rows. */
export async function runDocumentFile(db: Db, api: Caller, rows: string[][], job: DocumentJob) {
  const id = await createDocumentJob(api, rows, job);
  await drainJobs(db);
  return resultRows(api, id);
}

/** What a result row says: its status, its Zoho errors and the record it names. */
export const verdict = (row: Record<string, string>) => [row.STATUS, row.ERRORS, row.RECORD_ID];

/** A document as an update may change it: its header and its lines with their serials. */
export async function documentState(db: DbOrTx, id: bigint) {
  const [row] = await db.select().from(document).where(eq(document.id, id));
  const lines = await loadPostedLines(db, row.stockDocumentId ?? id);
  return {
    note: row.note,
    partnerId: row.partnerId,
    externalNumber: row.externalNumber,
    version: row.version,
    lines: lines.map((line) => ({
      item: line.item.code,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      serials: [...line.serials].sort(),
    })),
  };
}
