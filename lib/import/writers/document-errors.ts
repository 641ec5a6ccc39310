import { isDomainError } from '@/lib/errors';
import { InventoryRuleError, type Problem } from '@/lib/inventory/problems';
import type { RowError } from '@/lib/import/results';
import { toZoho, type DocumentModule } from '@/lib/modules';
import type { BuiltDocument } from './document-build';
import { rowErrorsOf, zohoCodeOf } from '@/lib/import/results/outcomes';

const LINE_COLUMNS: Record<string, string> = {
  itemId: 'Item',
  quantity: 'Quantity',
  unitPrice: 'Unit_Price',
  vatRate: 'VAT_Rate',
  serials: 'Serial_Numbers',
};
/** The file column (API name) of a lib input key of the header, from the module's declaration. */
const headerColumn = (module: DocumentModule, key: string) => module.headerFields.find((f) => f.key === key)?.apiName;

type ErrorsByRow = Map<number, RowError[]>;

function add(errors: ErrorsByRow, rows: number[], error: RowError) {
  for (const row of rows) {
    const list = errors.get(row) ?? [];
    list.push(error);
    errors.set(row, list);
  }
}

/**
 * Serial and stock problems land on the row that wrote the serial, or on every row of the line; on every row
 * of the document when the file did not give the lines (an update that kept them).
 */
function placeProblems(problems: Problem[], module: DocumentModule, doc: BuiltDocument, errors: ErrorsByRow) {
  for (const problem of problems) {
    const { code, field: column } = toZoho(problem, module);
    const rows =
      (problem.serial !== undefined ? doc.serialRows[problem.line]?.get(problem.serial) : undefined) ??
      doc.lineRows[problem.line] ??
      doc.rows;
    add(errors, rows, {
      code,
      column,
      message: problem.message,
      ...(problem.serial === undefined ? {} : { serial: problem.serial }),
    });
  }
}

/** Field errors (`lines.3.quantity`, `lines.0.serials.12`, `warehouseId`) land on the rows behind them. */
function placeFieldErrors(
  module: DocumentModule,
  fieldErrors: Record<string, string>,
  zohoCode: string,
  doc: BuiltDocument,
  allRows: number[],
  errors: ErrorsByRow,
) {
  for (const [key, message] of Object.entries(fieldErrors)) {
    const line = key.match(/^lines\.(\d+)\.(\w+)(?:\.(\d+))?/);
    if (line) {
      const [lineIndex, field, serialIndex] = [Number(line[1]), line[2], line[3]];
      const serial = serialIndex === undefined ? undefined : doc.lines?.[lineIndex]?.serials?.[Number(serialIndex)];
      const rows =
        (serial !== undefined ? doc.serialRows[lineIndex]?.get(serial.trim()) : undefined) ??
        doc.lineRows[lineIndex] ??
        allRows;
      const blank = field === 'itemId' && doc.lines?.[lineIndex]?.itemId === '';
      add(errors, rows, {
        code: blank ? 'MANDATORY_NOT_FOUND' : zohoCode,
        column: LINE_COLUMNS[field] ?? '',
        message,
        ...(serial === undefined ? {} : { serial: serial.trim() }),
      });
      continue;
    }
    const column = headerColumn(module, key);
    const blank = column !== undefined && doc.blankHeader.has(column);
    add(errors, allRows, { code: blank ? 'MANDATORY_NOT_FOUND' : zohoCode, column: column ?? '', message });
  }
}

/**
 * Every row's errors for a document postDocument or patchDocument refused; rows not at fault say why they
 * were skipped too (`verb`: "imported", "updated").
 */
export function documentErrors(
  error: unknown,
  module: DocumentModule,
  doc: BuiltDocument,
  number: string,
  verb: string,
): ErrorsByRow {
  const allRows = doc.rows;
  const errors: ErrorsByRow = new Map();
  if (error instanceof InventoryRuleError) placeProblems(error.problems, module, doc, errors);
  else if (isDomainError(error) && Object.keys(error.fieldErrors).length > 0)
    placeFieldErrors(module, error.fieldErrors, zohoCodeOf(error), doc, allRows, errors);
  else add(errors, allRows, rowErrorsOf(error, () => '')[0]);
  const reason = isDomainError(error) ? error.message : 'the database refused it';
  const innocent = allRows.filter((row) => !errors.has(row));
  add(errors, innocent, {
    code: 'CANNOT_PROCESS',
    column: '',
    message: `Document ${number} was not ${verb}: ${reason}`,
  });
  return errors;
}
