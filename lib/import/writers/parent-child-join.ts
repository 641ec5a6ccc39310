import type { TableRow, UploadedTable } from '@/lib/import/files';
import type { MappingRequest } from '@/lib/import/request/mappings';
import type { RowError } from '@/lib/import/results';
import { skipped, type RowOutcomeRecord } from '@/lib/import/results/outcomes';
import { readCell } from './row-values';

/*
 * A parent/child job's files joined into the flat rows the document writer takes, one per line: the document's
 * cells, the line's cells and the line's serial numbers ';'-joined, as one row of the flat file. So a document
 * from three files meets exactly the rules, locks and messages of the flat file. Only what the flat file cannot
 * say is checked here: how the files link (Parent_Id), and the rows that link to nothing or to two rows.
 */

/** One file of the job: its table, its resource's mappings and its place among the job's files. */
export interface JoinFile {
  table: UploadedTable;
  mappings: MappingRequest[];
  file: number;
}

export interface ParentChildFiles {
  documents: JoinFile;
  lines: JoinFile;
  serials: JoinFile | null;
}

/** A row of a file of the job. */
export interface FileRow {
  in: JoinFile;
  row: TableRow;
}

export interface JoinedLine {
  flat: TableRow;
  row: TableRow;
  serials: { row: TableRow; serial: string }[];
}

/** A document of the documents file with its lines (in the lines file's order) and their serial numbers. */
export interface JoinedDocument {
  number: string;
  row: TableRow;
  lines: JoinedLine[];
}

export interface Joined {
  /** The mappings of the flat rows, for the document writer. */
  mappings: MappingRequest[];
  /** Documents for the writer, in the documents file's order; each has at least one line. */
  documents: JoinedDocument[];
  /** Rows refused by the join, with their files: children that name no parent or two, and their documents. */
  refused: RowOutcomeRecord[];
}

const mappingOf = (file: JoinFile, apiName: string) => file.mappings.find((m) => m.apiName === apiName);
const textOf = (file: JoinFile, row: TableRow, apiName: string) => {
  const mapping = mappingOf(file, apiName);
  return mapping ? (readCell(row, mapping)?.trim() ?? null) : null;
};
/** The column a link names, as people read it: the field mapped to it, else its header. */
const columnName = (file: JoinFile, index: number) =>
  file.mappings.find((m) => m.index === index)?.apiName ?? file.table.headers[index] ?? '';
/** Where Parent_Id points in the parent's file (resolved when the job was created). */
const parentColumn = (child: JoinFile) => mappingOf(child, 'Parent_Id')!.parentColumnIndex!;

/** Row numbers as a message lists them: the first few, then how many more (a message is copied to many rows). */
const ROWS_NAMED = 5;
function rowList(rows: readonly { rowNumber: number }[]): string {
  const named = rows
    .slice(0, ROWS_NAMED)
    .map((row) => row.rowNumber)
    .join(', ');
  return rows.length > ROWS_NAMED ? `${named} and ${(rows.length - ROWS_NAMED).toLocaleString('en')} more` : named;
}

/** Adds `value` to the list under `key`. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** "row 4 of serials.csv", "rows 3, 5 of lines.csv and row 2 of receipts.csv". */
export function describeRows(rows: readonly FileRow[]): string {
  const byFile = new Map<JoinFile, TableRow[]>();
  for (const { in: file, row } of rows) push(byFile, file, row);
  return [...byFile]
    .map(([file, fileRows]) => `row${fileRows.length > 1 ? 's' : ''} ${rowList(fileRows)} of ${file.table.fileName}`)
    .join(' and ');
}

/** The rows of a file by the (trimmed, non-blank) value of one column. */
function rowsByValue(file: JoinFile, index: number): Map<string, TableRow[]> {
  const rows = new Map<string, TableRow[]>();
  for (const row of file.table.rows) {
    const value = (row.cells[index] ?? '').trim();
    if (value !== '') push(rows, value, row);
  }
  return rows;
}

type Linked = { to: TableRow } | { error: RowError };

/** The one parent row a child's Parent_Id names, or the error that it names none, or two. */
function link(child: JoinFile, row: TableRow, parent: JoinFile, parents: Map<string, TableRow[]>): Linked {
  const value = textOf(child, row, 'Parent_Id');
  const column = columnName(parent, parentColumn(child));
  if (value === null)
    return {
      error: {
        code: 'MANDATORY_NOT_FOUND',
        column: 'Parent_Id',
        message: `Enter Parent_Id: the ${column} of the row of ${parent.table.fileName} this row belongs to.`,
      },
    };
  const found = parents.get(value) ?? [];
  if (found.length === 0)
    return {
      error: {
        code: 'RESOURCE_NOT_FOUND',
        column: 'Parent_Id',
        message: `No row of ${parent.table.fileName} has ${value} in ${column}.`,
      },
    };
  if (found.length > 1) {
    return {
      error: {
        code: 'INVALID_DATA',
        column: 'Parent_Id',
        message: `${value} names ${found.length} rows of ${parent.table.fileName} (${rowList(found)}): it cannot tell which one this row belongs to.`,
      },
    };
  }
  return { to: found[0] };
}

/** Collects what the join refuses: each row once, with its own errors or a pointer to the rows at fault. */
class Refusals {
  readonly outcomes: RowOutcomeRecord[] = [];
  private readonly refused = new Set<TableRow>();

  refuse(file: JoinFile, row: TableRow, errors: RowError[]) {
    if (this.refused.has(row)) return;
    this.refused.add(row);
    this.outcomes.push({ ...skipped(row.rowNumber, errors), ...(file.file ? { file: file.file } : {}) });
  }

  has(row: TableRow) {
    return this.refused.has(row);
  }
}

/** A document row that cannot take lines: no key, no Number, or a key or Number another row has too. */
function documentProblem(
  files: ParentChildFiles,
  row: TableRow,
  keys: Map<string, TableRow[]>,
  numbers: Map<string, TableRow[]>,
): RowError | null {
  const { documents } = files;
  const keyAt = parentColumn(files.lines);
  const key = (row.cells[keyAt] ?? '').trim();
  const keyColumn = columnName(documents, keyAt);
  const number = textOf(documents, row, 'Number');
  if (key === '')
    return {
      code: 'MANDATORY_NOT_FOUND',
      column: keyColumn,
      message: `Enter the ${keyColumn}: the lines name their document by it.`,
    };
  if (number === null) return { code: 'MANDATORY_NOT_FOUND', column: 'Number', message: 'Enter the document Number.' };
  const sameKey = keys.get(key)!;
  if (sameKey.length > 1) {
    return {
      code: 'INVALID_DATA',
      column: keyColumn,
      message: `${key} is on rows ${rowList(sameKey)} of ${documents.table.fileName}: the lines cannot tell which document they belong to.`,
    };
  }
  const sameNumber = numbers.get(number)!;
  if (sameNumber.length > 1) {
    return {
      code: 'INVALID_DATA',
      column: 'Number',
      message: `Number ${number} is on rows ${rowList(sameNumber)} of ${documents.table.fileName}: each row of it is one document.`,
    };
  }
  return null;
}

type Draft = JoinedDocument & { faults: { at: FileRow; error: RowError }[] };

/** The document rows that can take lines (`keys`: the rows by the value their lines name them by). */
function draftDocuments(
  files: ParentChildFiles,
  keys: Map<string, TableRow[]>,
  refusals: Refusals,
): Map<TableRow, Draft> {
  const { documents } = files;
  const numbers = new Map<string, TableRow[]>();
  for (const row of documents.table.rows) {
    const number = textOf(documents, row, 'Number');
    if (number !== null) push(numbers, number, row);
  }
  const drafts = new Map<TableRow, Draft>();
  for (const row of documents.table.rows) {
    const problem = documentProblem(files, row, keys, numbers);
    if (problem) refusals.refuse(documents, row, [problem]);
    else drafts.set(row, { number: textOf(documents, row, 'Number')!, row, lines: [], faults: [] });
  }
  return drafts;
}

const notImported = (what: string, at: FileRow): RowError => ({
  code: 'CANNOT_PROCESS',
  column: '',
  message: `${what} was not imported: see ${describeRows([at])}.`,
});

/** Each line on its document; lines whose document is refused or missing are refused with it. */
function attachLines(
  files: ParentChildFiles,
  parents: Map<string, TableRow[]>,
  drafts: Map<TableRow, Draft>,
  refusals: Refusals,
) {
  const { documents, lines } = files;
  const attached = new Map<TableRow, { draft: Draft; line: JoinedLine }>();
  for (const row of lines.table.rows) {
    const linked = link(lines, row, documents, parents);
    if ('error' in linked) {
      refusals.refuse(lines, row, [linked.error]);
      continue;
    }
    const draft = drafts.get(linked.to);
    if (!draft) {
      refusals.refuse(lines, row, [notImported('Its document', { in: documents, row: linked.to })]);
      continue;
    }
    const line: JoinedLine = { flat: row, row, serials: [] };
    draft.lines.push(line);
    attached.set(row, { draft, line });
  }
  return attached;
}

/** A serial number as the flat file's Serial_Numbers cell can carry it, or why not. */
function serialProblem(serial: string | null): RowError | null {
  if (serial === null) return { code: 'MANDATORY_NOT_FOUND', column: 'Serial', message: 'Enter the serial number.' };
  if (serial.includes(';')) {
    return {
      code: 'INVALID_DATA',
      column: 'Serial',
      message: `A serial number cannot hold ';' (it separates the serial numbers of a line): '${serial}'.`,
    };
  }
  return null;
}

/** Each serial number on its line; a line key two lines share, or a serial that cannot be read, fails the document. */
function attachSerials(
  files: ParentChildFiles,
  attached: Map<TableRow, { draft: Draft; line: JoinedLine }>,
  refusals: Refusals,
) {
  const { lines, serials } = files;
  if (!serials) return;
  const keyAt = parentColumn(serials);
  const parents = rowsByValue(lines, keyAt);
  for (const [key, rows] of parents) {
    if (rows.length < 2) continue;
    const error: RowError = {
      code: 'INVALID_DATA',
      column: columnName(lines, keyAt),
      message: `${key} is on rows ${rowList(rows)} of ${lines.table.fileName}: the serial numbers cannot tell which line they belong to.`,
    };
    for (const row of rows) attached.get(row)?.draft.faults.push({ at: { in: lines, row }, error });
  }
  for (const row of serials.table.rows) {
    const linked = link(serials, row, lines, parents);
    if ('error' in linked) {
      refusals.refuse(serials, row, [linked.error]);
      continue;
    }
    const owner = attached.get(linked.to);
    if (!owner) {
      refusals.refuse(serials, row, [notImported('Its line', { in: lines, row: linked.to })]);
      continue;
    }
    const serial = textOf(serials, row, 'Serial');
    const problem = serialProblem(serial);
    if (problem) owner.draft.faults.push({ at: { in: serials, row }, error: problem });
    else owner.line.serials.push({ row, serial: serial! });
  }
}

/** A document the join cannot hand over is refused whole: the rows at fault say why, the others where to look. */
function refuseDocument(files: ParentChildFiles, draft: Draft, refusals: Refusals) {
  for (const { at, error } of draft.faults) refusals.refuse(at.in, at.row, [error]);
  if (draft.lines.length === 0) {
    refusals.refuse(files.documents, draft.row, [
      {
        code: 'MANDATORY_NOT_FOUND',
        column: '',
        message: `Document ${draft.number} has no lines: no row of ${files.lines.table.fileName} names it in Parent_Id.`,
      },
    ]);
    return;
  }
  const pointer: RowError = {
    code: 'CANNOT_PROCESS',
    column: '',
    message: `Document ${draft.number} was not imported: see ${describeRows(draft.faults.map((f) => f.at))}.`,
  };
  refusals.refuse(files.documents, draft.row, [pointer]);
  for (const line of draft.lines) {
    refusals.refuse(files.lines, line.row, [pointer]);
    for (const serial of line.serials) refusals.refuse(files.serials!, serial.row, [pointer]);
  }
}

/** The flat layout's columns: the documents file's, then the lines file's, then the joined serial numbers. */
function flatMappings(files: ParentChildFiles): { mappings: MappingRequest[]; serialsCell: boolean } {
  const offset = files.documents.table.headers.length;
  const lineMappings = files.lines.mappings
    .filter((m) => !['Parent_Id', 'Line_Id', 'Serial_Numbers'].includes(m.apiName))
    .map((m) => ({ ...m, index: m.index === null ? null : m.index + offset }));
  const serialsCell = files.serials !== null || mappingOf(files.lines, 'Serial_Numbers') !== undefined;
  const serialsMapping: MappingRequest = {
    apiName: 'Serial_Numbers',
    index: offset + files.lines.table.headers.length,
    defaultValue: null,
    format: null,
    findBy: null,
  };
  return {
    mappings: [...files.documents.mappings, ...lineMappings, ...(serialsCell ? [serialsMapping] : [])],
    serialsCell,
  };
}

function flatRow(files: ParentChildFiles, draft: Draft, line: JoinedLine, serialsCell: boolean): TableRow {
  const cells = [...draft.row.cells, ...line.row.cells];
  if (serialsCell) {
    const own = textOf(files.lines, line.row, 'Serial_Numbers');
    cells.push([...(own === null ? [] : [own]), ...line.serials.map((s) => s.serial)].join(';'));
  }
  return { rowNumber: line.row.rowNumber, cells };
}

/** Joins the files of a parent/child job: the documents to hand to the writer, and the rows refused on the way. */
export function joinParentChild(files: ParentChildFiles): Joined {
  const refusals = new Refusals();
  const keys = rowsByValue(files.documents, parentColumn(files.lines));
  const drafts = draftDocuments(files, keys, refusals);
  attachSerials(files, attachLines(files, keys, drafts, refusals), refusals);
  const { mappings, serialsCell } = flatMappings(files);
  const documents: JoinedDocument[] = [];
  for (const draft of drafts.values()) {
    if (draft.faults.length > 0 || draft.lines.length === 0) {
      refuseDocument(files, draft, refusals);
      continue;
    }
    for (const line of draft.lines) line.flat = flatRow(files, draft, line, serialsCell);
    documents.push({ number: draft.number, row: draft.row, lines: draft.lines });
  }
  return { mappings, documents, refused: refusals.outcomes };
}
