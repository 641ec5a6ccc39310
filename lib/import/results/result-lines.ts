import type { TableRow, UploadedTable } from '@/lib/import/files';
import { joinResultCsv, resultCsvLine, type ResultRow } from '@/lib/import/results';
import type { RowOutcomeRecord } from './outcomes';

const NOT_PROCESSED: ResultRow['outcome'] = {
  status: 'SKIPPED',
  errors: [{ code: 'CANNOT_PROCESS', column: '', message: 'This row was not processed.' }],
};

/**
 * The lines of a job's result CSV, one per source row with its outcome. A run adds each chunk's outcomes
 * as the chunk commits and has their lines written while the next chunk's statements run (writeAdded),
 * so at the end only the joining is left: writing 25,000 lines takes some 30 ms, which would otherwise
 * sit between the last chunk and COMPLETED. A row with no outcome reads "not processed".
 */
export class ResultLines {
  private readonly lines = new Map<number, string>();
  private added: (readonly RowOutcomeRecord[])[] = [];
  private rowsByNumber: Map<number, TableRow> | null = null;

  constructor(private readonly table: UploadedTable) {}

  add(outcomes: readonly RowOutcomeRecord[]) {
    this.added.push(outcomes);
  }

  /** Writes the lines of the outcomes added so far. */
  writeAdded() {
    if (this.added.length === 0) return;
    this.rowsByNumber ??= new Map(this.table.rows.map((row) => [row.rowNumber, row]));
    for (const outcomes of this.added) {
      for (const outcome of outcomes) {
        const row = this.rowsByNumber.get(outcome.rowNumber);
        if (row) this.lines.set(row.rowNumber, this.lineOf(row, outcome));
      }
    }
    this.added = [];
  }

  private lineOf(row: TableRow, outcome: RowOutcomeRecord | null) {
    const result = outcome
      ? { status: outcome.status, recordId: outcome.recordId ?? undefined, errors: outcome.errors }
      : NOT_PROCESSED;
    return resultCsvLine({ rowNumber: row.rowNumber, cells: row.cells, outcome: result }, this.table.headers.length);
  }

  /** The whole CSV: every source row in file order. */
  csv(): string {
    this.writeAdded();
    return joinResultCsv(
      this.table.headers,
      this.table.rows.map((row) => this.lines.get(row.rowNumber) ?? this.lineOf(row, null)),
    );
  }
}

/** "receipts.csv" → "receipts_result.csv". */
export function resultFileName(fileName: string): string {
  return `${fileName.replace(/\.[^.]*$/, '') || 'import'}_result.csv`;
}

/**
 * The result CSVs of a job, one per file it read (a parent/child job reads several): each outcome goes to the
 * lines of its file. Each CSV keeps its file's own columns.
 */
export class ResultFiles {
  private readonly files: ResultLines[];

  constructor(private readonly tables: readonly UploadedTable[]) {
    this.files = tables.map((table) => new ResultLines(table));
  }

  add(outcomes: readonly RowOutcomeRecord[]) {
    if (this.files.length === 1) {
      this.files[0].add(outcomes);
      return;
    }
    const byFile = this.files.map((): RowOutcomeRecord[] => []);
    for (const outcome of outcomes) byFile[outcome.file ?? 0]?.push(outcome);
    byFile.forEach((fileOutcomes, file) => this.files[file].add(fileOutcomes));
  }

  writeAdded() {
    for (const file of this.files) file.writeAdded();
  }

  /** Each file's result CSV, named after the file it reports on. */
  entries(): { name: string; content: string }[] {
    const taken = new Set<string>();
    return this.files.map((file, index) => {
      let name = resultFileName(this.tables[index].fileName);
      if (taken.has(name)) name = name.replace(/_result\.csv$/, `_${index + 1}_result.csv`);
      taken.add(name);
      return { name, content: file.csv() };
    });
  }
}
