import type { DbOrTx } from '@/db/client';
import type { TableRow } from '@/lib/import/files';
import { isDomainError } from '@/lib/errors';
import { postDocument } from '@/lib/inventory/post';
import { mappingFor, type DocumentContext } from './context';
import { buildDocument } from './document-build';
import { documentErrors } from './document-errors';
import { loadLookups, type Lookups } from './document-lookups';
import { documentHeader, readDocumentRow, type DocumentRow } from './document-rows';
import { skipped, type RowOutcomeRecord } from '@/lib/import/results/outcomes';
import { readCell } from './row-values';

function numberOf(ctx: DocumentContext, row: TableRow): string | null {
  const mapping = mappingFor(ctx, 'Number');
  const text = mapping ? readCell(row, mapping) : null;
  return text === null ? null : text.trim();
}

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
    if (group) { group.push(row); continue; }
    const unit = [row];
    if (number !== null) groups.set(number, unit);
    units.push(unit);
  }
  return units;
}

/** The document is skipped whole: rows with their own errors keep them, the others say which rows were at fault. */
function skippedForRows(rows: DocumentRow[], number: string): RowOutcomeRecord[] {
  const faulty = rows.filter((row) => row.errors.length > 0).map((row) => row.rowNumber);
  const reason = `Document ${number} was not imported: row${faulty.length > 1 ? 's' : ''} ${faulty.join(', ')} ${faulty.length > 1 ? 'have' : 'has'} errors.`;
  return rows.map((row) => skipped(row.rowNumber, row.errors.length ? row.errors : [{ code: 'CANNOT_PROCESS', column: '', message: reason }]));
}

async function writeDocument(tx: DbOrTx, ctx: DocumentContext, unit: TableRow[], lookups: Lookups): Promise<RowOutcomeRecord[]> {
  const number = numberOf(ctx, unit[0]);
  if (number === null) {
    return [skipped(unit[0].rowNumber, [{ code: 'MANDATORY_NOT_FOUND', column: 'Number', message: 'Enter the document Number: rows with the same Number form one document.' }])];
  }
  const rows = unit.map((row) => readDocumentRow(ctx, row, lookups));
  const built = buildDocument(ctx, rows, documentHeader(ctx.module, rows, number), number);
  if (!built) return skippedForRows(rows, number);
  try {
    // postDocument runs in a savepoint of the chunk's transaction: a refused document leaves the chunk intact.
    const posted = await postDocument(tx, built.input, { userId: ctx.userId });
    return unit.map((row) => ({ rowNumber: row.rowNumber, status: 'ADDED' as const, recordId: String(posted.id), errors: [] }));
  } catch (error) {
    const errors = documentErrors(error, ctx.module, built, number);
    // A document already imported (its external number is taken) names the record that holds it, as Zoho's RECORD_ID.
    const existing = isDomainError(error) ? (error.details.existing as { id: string } | undefined)?.id ?? null : null;
    return unit.map((row) => ({ ...skipped(row.rowNumber, errors.get(row.rowNumber) ?? []), recordId: existing }));
  }
}

/**
 * Posts the documents of one chunk (a document is never split across chunks). `whileWriting` is started
 * once the chunk's first statement is on its way.
 */
export async function writeDocumentChunk(tx: DbOrTx, ctx: DocumentContext, units: TableRow[][], whileWriting?: () => void): Promise<RowOutcomeRecord[]> {
  if (whileWriting) setImmediate(whileWriting);
  const lookups = await loadLookups(tx, ctx, units.flat());
  const outcomes: RowOutcomeRecord[] = [];
  for (const unit of units) outcomes.push(...await writeDocument(tx, ctx, unit, lookups));
  return outcomes;
}
