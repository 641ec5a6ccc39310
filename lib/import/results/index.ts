export {
  buildResultCsv,
  joinResultCsv,
  resultCsvLine,
  RESULT_COLUMNS,
  type ResultRow,
  type RowOutcome,
  type RowStatus,
} from './result-csv';
export { formatErrorMessages, formatZohoErrors, type RowError } from './zoho-errors';
