import type { DbOrTx } from '@/db/client';
import type { TableRow } from '@/lib/import/files';
import { isDomainError } from '@/lib/errors';
import { patchDocument } from '@/lib/inventory/change';
import { externalKeyOf } from '@/lib/inventory/find-documents';
import { postDocument } from '@/lib/inventory/post';
import type { RowError } from '@/lib/import/results';
import type { DocumentInput } from '@/lib/validation/documents';
import type { DocumentContext } from './context';
import { buildDocument } from './document-build';
import { documentErrors } from './document-errors';
import { loadLookups, type Lookups } from './document-lookups';
import { documentHeader, numberOf, readDocumentRow, type DocumentRow } from './document-rows';
import { DocumentTargets } from './document-targets';
import { skipped, type RowOutcomeRecord } from '@/lib/import/results/outcomes';

/**
 * Rows with the same Number form one document, wherever they are in the file; documents keep the
 * order of their first row. A row without a Number stands alone (and is refused for it).
 */
export function groupDocuments(ctx: DocumentContext, rows: TableRow[]): TableRow[][] {
  const groups = new Map<string, TableRow[]>();
  const units: TableRow[][] = [];
  for (const row of rows) {
    const number = numberOf(ctx, row);
    const group = number === null ? undefined : groups.get(number);
    if (group) {
      group.push(row);
      continue;
    }
    const unit = [row];
    if (number !== null) groups.set(number, unit);
    units.push(unit);
  }
  return units;
}

/** A document of the file as read: its source rows, their cells, the header they give and its Number. */
type ReadDocument = { unit: TableRow[]; rows: DocumentRow[]; header: DocumentRow['header']; number: string };

/** The document is skipped whole: rows with their own errors keep them, the others say which rows were at fault. */
function skippedForRows(
  { rows, number }: ReadDocument,
  verb: string,
  recordId: string | null = null,
): RowOutcomeRecord[] {
  const faulty = rows.filter((row) => row.errors.length > 0).map((row) => row.rowNumber);
  const reason = `Document ${number} was not ${verb}: row${faulty.length > 1 ? 's' : ''} ${faulty.join(', ')} ${faulty.length > 1 ? 'have' : 'has'} errors.`;
  return rows.map((row) => ({
    ...skipped(
      row.rowNumber,
      row.errors.length ? row.errors : [{ code: 'CANNOT_PROCESS', column: '', message: reason }],
    ),
    recordId,
  }));
}

const done = (unit: TableRow[], status: 'ADDED' | 'UPDATED', id: bigint): RowOutcomeRecord[] =>
  unit.map((row) => ({ rowNumber: row.rowNumber, status, recordId: String(id), errors: [] }));

/** The rows of a refused document, each with its errors and the record RECORD_ID names. */
function refused(unit: TableRow[], errors: Map<number, RowError[]>, recordId: string | null): RowOutcomeRecord[] {
  return unit.map((row) => ({ ...skipped(row.rowNumber, errors.get(row.rowNumber) ?? []), recordId }));
}

/** What the chunk's documents are written with: the lookups, and for an update or upsert the documents found. */
type ChunkReads = { lookups: Lookups; targets: DocumentTargets | null };

async function writeDocument(
  tx: DbOrTx,
  ctx: DocumentContext,
  unit: TableRow[],
  { lookups, targets }: ChunkReads,
): Promise<RowOutcomeRecord[]> {
  const number = numberOf(ctx, unit[0]);
  if (number === null) {
    return [
      skipped(unit[0].rowNumber, [
        {
          code: 'MANDATORY_NOT_FOUND',
          column: 'Number',
          message: 'Enter the document Number: rows with the same Number form one document.',
        },
      ]),
    ];
  }
  const rows = unit.map((row) => readDocumentRow(ctx, row, lookups));
  const doc: ReadDocument = { unit, rows, header: documentHeader(ctx.module, rows, number), number };
  const partnerId = doc.header.Partner as bigint | undefined;
  const target = targets?.targetOf(unit, partnerId) ?? null;
  if (target && 'error' in target) return unit.map((row) => skipped(row.rowNumber, [target.error]));
  if (target) return updateDocument(tx, ctx, doc, target.id);
  if (ctx.operation === 'update')
    return unit.map((row) => skipped(row.rowNumber, [targets!.notFound(unit, partnerId)]));
  return insertDocument(tx, ctx, doc, targets);
}

async function insertDocument(
  tx: DbOrTx,
  ctx: DocumentContext,
  doc: ReadDocument,
  targets: DocumentTargets | null,
): Promise<RowOutcomeRecord[]> {
  const built = buildDocument(ctx, doc.rows, doc.header, doc.number);
  if (!built) return skippedForRows(doc, 'imported');
  const input = { ...built.fields, kind: ctx.module.documentKind, lines: built.lines! } as DocumentInput;
  try {
    // postDocument runs in a savepoint of the chunk's transaction: a refused document leaves the chunk intact.
    const posted = await postDocument(tx, input, { userId: ctx.userId });
    targets?.remember({
      id: posted.id,
      number: posted.number,
      partnerId: (input.partnerId as bigint | null) ?? null,
      partnerCode: null,
      externalNumberKey: externalKeyOf(String(input.externalNumber)),
    });
    return done(doc.unit, 'ADDED', posted.id);
  } catch (error) {
    // A document already imported (its external number is taken) is named in RECORD_ID, as Zoho's.
    const existing = isDomainError(error) ? ((error.details.existing as { id: string } | undefined)?.id ?? null) : null;
    return refused(doc.unit, documentErrors(error, ctx.module, built, doc.number, 'imported'), existing);
  }
}

/**
 * Changes the document found: the same edit as the form's, under its locks and rules (patchDocument). RECORD_ID names
 * it, whatever happens.
 */
async function updateDocument(
  tx: DbOrTx,
  ctx: DocumentContext,
  doc: ReadDocument,
  id: bigint,
): Promise<RowOutcomeRecord[]> {
  const built = buildDocument(ctx, doc.rows, doc.header, doc.number, true);
  if (!built) return skippedForRows(doc, 'updated', String(id));
  try {
    await patchDocument(
      tx,
      id,
      { ...built.fields, ...(built.lines ? { lines: built.lines } : {}) },
      { userId: ctx.userId },
    );
    return done(doc.unit, 'UPDATED', id);
  } catch (error) {
    return refused(doc.unit, documentErrors(error, ctx.module, built, doc.number, 'updated'), String(id));
  }
}

/**
 * Writes the documents of one chunk (a document is never split across chunks). `whileWriting` is started
 * once the chunk's first statement is on its way.
 */
export async function writeDocumentChunk(
  tx: DbOrTx,
  ctx: DocumentContext,
  units: TableRow[][],
  whileWriting?: () => void,
): Promise<RowOutcomeRecord[]> {
  if (whileWriting) setImmediate(whileWriting);
  const reads: ChunkReads = {
    lookups: await loadLookups(tx, ctx, units.flat()),
    targets: ctx.operation === 'insert' ? null : await DocumentTargets.load(tx, ctx, units),
  };
  const outcomes: RowOutcomeRecord[] = [];
  for (const unit of units) outcomes.push(...(await writeDocument(tx, ctx, unit, reads)));
  return outcomes;
}
