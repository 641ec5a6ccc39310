// The bulk-write door: goods receipts or transfers in a small CSV, uploaded and run as a job through the importer's
// own lib calls (as test/import does), while the other clients keep writing. Each document of the file
// is judged on its own: its rows ADDED (acknowledged) or SKIPPED (refused, with the row's codes).
import { sql } from 'drizzle-orm';
import { runJob } from '@/lib/import/jobs/run-job';
import { claimJob } from '@/lib/import/jobs/lease';
import { createJob } from '@/test/import/jobs';
import { outcomeOfError } from './doors';
import { heldIn, type Content, type Outcome } from './history';
import type { ImportedKind } from './operations';
import { ITEM_CODES, partnerCodeOf, WAREHOUSE_CODES, type World } from './world';

// The second column names the other side: the partner of a receipt, the destination of a transfer.
const HEADERS = {
  goods_receipt: ['Number', 'Date', 'Partner', 'Warehouse', 'Note', 'Item', 'Quantity', 'Serial_Numbers'],
  transfer: [
    'Number',
    'Date',
    'Destination_Warehouse',
    'Warehouse',
    'Note',
    'Item',
    'Quantity',
    'Serial_Numbers',
    'In_Transit',
  ],
} as const;
const MODULES = { goods_receipt: 'Goods_Receipts', transfer: 'Transfers' } as const;
const mappingsOf = (kind: ImportedKind) =>
  HEADERS[kind].map((api_name, index) => ({
    api_name,
    index,
    ...(api_name === 'Date' ? { format: 'yyyy-MM-dd' } : {}),
  }));

export type ImportedDocument = { content: Content; marker: string };
export type ImportResult = { outcome: Outcome; docId?: string; number?: string };

function rowsOf(kind: ImportedKind, docs: ImportedDocument[]): string[][] {
  const otherSide = (content: Content) =>
    kind === 'transfer' ? WAREHOUSE_CODES[heldIn(content)] : (partnerCodeOf(content) ?? '');
  return [
    [...HEADERS[kind]],
    ...docs.flatMap((doc) =>
      doc.content.lines.map((line, l) => [
        `CHAOS-${doc.marker}`,
        l === 0 ? doc.content.date : '',
        l === 0 ? otherSide(doc.content) : '',
        l === 0 ? WAREHOUSE_CODES[doc.content.warehouse] : '',
        l === 0 ? doc.marker : '',
        ITEM_CODES[line.item],
        String(line.quantity),
        line.serials.join(';'),
        ...(kind === 'transfer' ? [l === 0 ? String(doc.content.inTransit ?? false) : ''] : []),
      ]),
    ),
  ];
}

/** Runs claimable jobs (ours or another client's) until ours has ended, as a worker would. */
async function runUntilDone(
  world: World,
  jobId: bigint,
  workerId: string,
): Promise<{ status: string; failureReason: string | null }> {
  for (;;) {
    const claimed = await claimJob(world.db, workerId, 60_000);
    if (claimed !== null) {
      await runJob(world.db, { jobId: claimed, workerId });
      continue;
    }
    const [job] = await world.db.execute<{ status: string; failureReason: string | null }>(sql`
      select status, failure_reason as "failureReason" from import_job where id = ${jobId}`);
    if (job.status === 'COMPLETED' || job.status === 'FAILED') return job;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

type RowResult = {
  rowNumber: number;
  status: string;
  recordId: string | null;
  errors: { code: string; message: string }[];
};

/** A document's outcome from its rows' results; a row refused by a raw database error is a failure. */
function outcomeOfRows(rows: RowResult[]): ImportResult {
  if (rows.length > 0 && rows.every((r) => r.status === 'ADDED'))
    return { outcome: { status: 'ok' }, docId: rows[0].recordId ?? undefined };
  const errors = rows.flatMap((r) => r.errors);
  const raw = errors.find((e) => e.message.includes('database refused'));
  if (raw) return { outcome: { status: 'failed', code: 'IMPORT_ROW_DB_ERROR', message: raw.message } };
  if (rows.length === 0)
    return {
      outcome: { status: 'failed', code: 'NO_ROW_RESULT', message: 'the job reported nothing for this document' },
    };
  return {
    outcome: {
      status: 'refused',
      code: [...new Set(errors.map((e) => e.code))].join(' '),
      message: errors[0]?.message ?? '',
    },
  };
}

/** The numbers of the imported documents, for the traces (the row results hold only their ids). */
async function withNumbers(world: World, results: ImportResult[]): Promise<ImportResult[]> {
  const ids = results.flatMap((r) => (r.docId ? [r.docId] : []));
  if (ids.length === 0) return results;
  const found = await world.db.execute<{ id: string; number: string }>(sql`
    select id::text, number from document where id = any(${`{${ids.join(',')}}`}::bigint[])`);
  return results.map((r) => ({ ...r, number: found.find((d) => d.id === r.docId)?.number }));
}

/**
 * Imports the documents (goods receipts or transfers, all of one kind) in one job; one result per document, in order.
 */
export async function importDocumentsOf(
  world: World,
  client: number,
  docs: ImportedDocument[],
): Promise<ImportResult[]> {
  const kind = docs[0].content.kind as ImportedKind;
  try {
    const jobId = await createJob(
      world.db,
      world.importer,
      rowsOf(kind, docs),
      { operation: 'insert' },
      { module: { api_name: MODULES[kind] }, field_mappings: mappingsOf(kind) },
    );
    const job = await runUntilDone(world, jobId, `chaos-${client}`);
    if (job.status === 'FAILED')
      return docs.map(() => ({ outcome: { status: 'failed', code: 'JOB_FAILED', message: job.failureReason ?? '' } }));
    const results = await world.db.execute<RowResult>(sql`
      select row_number as "rowNumber", status, record_id as "recordId", errors from import_row_result where job_id = ${jobId} order by row_number`);
    let firstRow = 2;
    const outcomes = docs.map((doc) => {
      const rows = results.filter((r) => r.rowNumber >= firstRow && r.rowNumber < firstRow + doc.content.lines.length);
      firstRow += doc.content.lines.length;
      return outcomeOfRows(rows);
    });
    return withNumbers(world, outcomes);
  } catch (error) {
    // Creating the job can be refused (a DomainError); anything else thrown is a failure.
    return docs.map(() => ({ outcome: outcomeOfError(error) }));
  }
}
