import { pgErrorOf } from '@/lib/db-errors';
import { isDomainError, type DomainError } from '@/lib/errors';
import type { RowError, RowStatus } from '@/lib/import/results';
import { ZOHO_CODES } from '@/lib/modules';

/** What happened to one source row; saved with its chunk (import_result_chunk) in the chunk's transaction. */
export interface RowOutcomeRecord {
  rowNumber: number;
  status: RowStatus;
  recordId: string | null;
  errors: RowError[];
  /** Which of the job's files the row is in (a parent/child job has several); absent: the first (or only) one. */
  file?: number;
}

/**
 * How a chunk's outcomes are stored (import_result_chunk.results; the view import_row_result of migration
 * 0005 reads the same layout): one [rowNumber, status, recordId, errors?, file?] per row, errors left out when
 * none and the file when it is the first (so a job of one file stores what it always has).
 */
type StoredOutcome = [number, RowStatus, string | null, RowError[]?, number?];

/** `serial` only tells a parent/child job which row an error belongs on; it is not kept. */
const keptErrors = (errors: RowError[]) =>
  errors.some((e) => e.serial !== undefined)
    ? errors.map(({ code, column, message }) => ({ code, column, message }))
    : errors;

function stored(o: RowOutcomeRecord): StoredOutcome {
  if (o.file) return [o.rowNumber, o.status, o.recordId, keptErrors(o.errors), o.file];
  return o.errors.length === 0
    ? [o.rowNumber, o.status, o.recordId]
    : [o.rowNumber, o.status, o.recordId, keptErrors(o.errors)];
}

export function packOutcomes(outcomes: readonly RowOutcomeRecord[]): string {
  return JSON.stringify(outcomes.map(stored));
}

export function unpackOutcomes(stored: unknown): RowOutcomeRecord[] {
  return (stored as StoredOutcome[]).map(([rowNumber, status, recordId, errors, file]) => ({
    rowNumber,
    status,
    recordId,
    errors: errors ?? [],
    ...(file ? { file } : {}),
  }));
}

export const skipped = (rowNumber: number, errors: RowError[]): RowOutcomeRecord => ({
  rowNumber,
  status: 'SKIPPED',
  recordId: null,
  errors,
});

/** Our domain error codes in Zoho's row-level vocabulary (the records API's table: lib/modules/zoho.ts). */
export function zohoCodeOf(error: DomainError): string {
  return ZOHO_CODES[error.code];
}

/**
 * A lib function's refusal as row errors: one per field error (the schema key named by its API name),
 * or one for the whole row. `blankKeys` are fields the row left empty: their error means "missing".
 */
export function rowErrorsOf(
  error: unknown,
  columnOf: (key: string) => string,
  blankKeys: ReadonlySet<string> = new Set(),
): RowError[] {
  if (!isDomainError(error)) {
    // Integrity (23) and data (22) errors belong to this row alone; anything else (a lost connection) stops the chunk.
    const sqlState = pgErrorOf(error)?.code ?? '';
    if (!sqlState.startsWith('23') && !sqlState.startsWith('22')) throw error;
    return [{ code: 'CANNOT_PROCESS', column: '', message: `The database refused this row (${sqlState}).` }];
  }
  const entries = Object.entries(error.fieldErrors);
  if (entries.length === 0) return [{ code: zohoCodeOf(error), column: '', message: error.message }];
  // A rule's own message ("... cannot be switched on: 3 pcs are in stock ...") says more than its field hint.
  const lead = entries.some(([, message]) => message === error.message) ? '' : `${error.message} `;
  return entries.map(([key, message], index) => ({
    code: blankKeys.has(key) && error.code === 'INVALID_DATA' ? 'MANDATORY_NOT_FOUND' : zohoCodeOf(error),
    column: columnOf(key),
    message: index === 0 ? `${lead}${message}` : message,
  }));
}

export function countOutcomes(outcomes: readonly RowOutcomeRecord[]) {
  const counts = { added: 0, updated: 0, skipped: 0 };
  for (const outcome of outcomes) {
    if (outcome.status === 'ADDED') counts.added++;
    else if (outcome.status === 'UPDATED') counts.updated++;
    else counts.skipped++;
  }
  return counts;
}
