/** A problem with one row, as the import reports it. */
export interface RowError {
  /** A Zoho row-level code: MANDATORY_NOT_FOUND, INVALID_DATA, DUPLICATE_DATA, ... */
  code: string;
  /** The column (field API name) at fault; empty for a problem with the row as a whole. */
  column: string;
  /** A sentence for people. */
  message: string;
  /** The serial number the problem is about, when it is about one (a parent/child job puts it on that serial's row). */
  serial?: string;
}

/**
 * Zoho's ERRORS cell: columns under one code are comma-joined, codes are colon-joined,
 * codes in order of first appearance: `MANDATORY_NOT_FOUND-Code,Name:DUPLICATE_DATA-EAN`.
 * A code without any column is written alone.
 */
export function formatZohoErrors(errors: readonly RowError[]): string {
  const columnsByCode = new Map<string, string[]>();
  for (const { code, column } of errors) {
    const columns = columnsByCode.get(code) ?? [];
    if (column && !columns.includes(column)) columns.push(column);
    columnsByCode.set(code, columns);
  }
  return [...columnsByCode]
    .map(([code, columns]) => (columns.length > 0 ? `${code}-${columns.join(',')}` : code))
    .join(':');
}

/** The human messages, each once, in order. */
export function formatErrorMessages(errors: readonly RowError[]): string {
  const messages = errors.map((error) => error.message.trim()).filter((message) => message !== '');
  return [...new Set(messages)].join('; ');
}
