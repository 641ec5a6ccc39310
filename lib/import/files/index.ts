export type { FileErrorCode } from './errors';
export {
  DEFAULT_LIMITS,
  MAX_CELL_CHARS,
  MAX_COLUMNS,
  MAX_COMPRESSION_RATIO,
  MAX_DATA_ROWS,
  MAX_INFLATED_BYTES,
  MAX_WORKBOOK_XML_BYTES,
  MAX_UPLOAD_BYTES,
  MAX_ZIP_ENTRIES,
  RATIO_CHECK_AFTER_BYTES,
  resolveLimits,
  type Limits,
} from './limits';
export {
  decodeText,
  normalizeCharacterEncoding,
  type DecodedText,
  type DecodeTextOptions,
  type TextEncoding,
} from './decode-text';
export { CSV_DELIMITERS, guessCsvDelimiter, parseCsv, type CsvDelimiter, type ParsedCsv } from './parse-csv';
export { parseXlsx, parseXlsxFromZip } from './parse-xlsx';
export { openSafeZip, type ReadEntryOptions, type SafeZip, type SafeZipEntry } from './safe-zip';
export { detectUploadKind, isZip, type UploadKind } from './detect-format';
export {
  fileBaseName,
  readUploadedTable,
  readUploadedTables,
  type ReadUploadOptions,
  type UploadedTable,
} from './read-upload';
export type { ParsedTable, TableRow } from './table-collector';
