import type { RowError } from '@/lib/import/results';
import type { RowOutcomeRecord } from '@/lib/import/results/outcomes';
import { describeRows, type FileRow, type JoinedDocument, type ParentChildFiles } from './parent-child-join';

/** A row of one of the job's files with the errors that are its own. */
type Placed = FileRow & { errors: RowError[] };

function unique(errors: RowError[]): RowError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.code}|${e.column}|${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A refused document's rows that have no error of their own point to the rows at fault. */
function pointToFaults(document: JoinedDocument, placed: Placed[], written: RowOutcomeRecord[]) {
  const faulty = placed.filter((p) => p.errors.some((e) => e.code !== 'CANNOT_PROCESS'));
  const pointer: RowError =
    faulty.length > 0
      ? {
          code: 'CANNOT_PROCESS',
          column: '',
          message: `Document ${document.number} was not imported: see ${describeRows(faulty)}.`,
        }
      : (written.flatMap((o) => o.errors)[0] ?? {
          code: 'CANNOT_PROCESS',
          column: '',
          message: `Document ${document.number} was not imported.`,
        });
  for (const p of placed) if (p.errors.length === 0) p.errors = [pointer];
}

/**
 * What the writer said of a document's flat rows (one per line), said of the rows behind them: the document's
 * row takes the errors of its own fields, a serial's row the errors about that serial, the line's row the rest.
 * Every row takes the document's status and id.
 */
function documentOutcomes(
  files: ParentChildFiles,
  document: JoinedDocument,
  byLine: Map<number, RowOutcomeRecord>,
): RowOutcomeRecord[] {
  const written = document.lines.map((line) => byLine.get(line.flat.rowNumber)!);
  const { status, recordId } = written[0];
  const documentColumns = new Set(files.documents.mappings.map((m) => m.apiName));
  const placed: Placed[] = [
    {
      in: files.documents,
      row: document.row,
      errors: unique(written.flatMap((o) => o.errors.filter((e) => documentColumns.has(e.column)))),
    },
  ];
  document.lines.forEach((line, index) => {
    const bySerial = new Map(line.serials.map((s): [string, RowError[]] => [s.serial, []]));
    const lineErrors: RowError[] = [];
    for (const error of written[index].errors) {
      if (documentColumns.has(error.column)) continue;
      const serialErrors = error.serial === undefined ? undefined : bySerial.get(error.serial);
      (serialErrors ?? lineErrors).push(error);
    }
    placed.push({ in: files.lines, row: line.row, errors: lineErrors });
    for (const serial of line.serials)
      placed.push({ in: files.serials!, row: serial.row, errors: bySerial.get(serial.serial)! });
  });
  if (status === 'SKIPPED') pointToFaults(document, placed, written);
  return placed.map((p) => ({
    rowNumber: p.row.rowNumber,
    status,
    recordId,
    errors: p.errors,
    ...(p.in.file ? { file: p.in.file } : {}),
  }));
}

/**
 * Turns the outcomes of a chunk's flat rows into the outcomes of the rows of the job's files. A document is
 * never split across chunks, so each chunk holds all of a document's flat rows.
 */
export function outcomeSplitter(files: ParentChildFiles, documents: readonly JoinedDocument[]) {
  const documentOf = new Map<number, JoinedDocument>();
  for (const document of documents) for (const line of document.lines) documentOf.set(line.flat.rowNumber, document);
  return (flat: readonly RowOutcomeRecord[]): RowOutcomeRecord[] => {
    const byLine = new Map(flat.map((outcome) => [outcome.rowNumber, outcome]));
    const done = new Set<JoinedDocument>();
    const outcomes: RowOutcomeRecord[] = [];
    for (const { rowNumber } of flat) {
      const document = documentOf.get(rowNumber)!;
      if (done.has(document)) continue;
      done.add(document);
      outcomes.push(...documentOutcomes(files, document, byLine));
    }
    return outcomes;
  };
}
