/** Zoho's bulk write accepts a ZIP of up to 25 MB. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
/** Zoho's bulk write accepts up to 25,000 records per job. */
export const MAX_DATA_ROWS = 25_000;
/** Zoho's bulk write accepts up to 200 columns per file. */
export const MAX_COLUMNS = 200;
/** A Zoho upload holds one data file; an .xlsx holds a dozen parts. 100 is generous for both. */
export const MAX_ZIP_ENTRIES = 100;
/**
 * Upper bound on what we are willing to inflate from one upload, whatever the headers claim. It bounds
 * the server's memory too: reading takes about 3 bytes per unpacked CSV byte and 7 per .xlsx XML byte
 * (a 44 MB sheet peaked at 405 MB). 40 MB holds 25,000 rows of 1.6 KB, or an .xlsx of 25,000 rows and
 * 15-20 columns, well past this app's modules; 200 MB let one packed CSV take a server past 1.5 GB in
 * the hostile-input fuzz (docs/quality.md, "Hostile input").
 */
export const MAX_INFLATED_BYTES = 40 * 1024 * 1024;
/**
 * An .xlsx costs far more to read than its size says (read-excel-file turns every cell into objects:
 * about 9 bytes per XML byte; a 38 MB sheet peaked at 454 MB), so its XML parts get a smaller share:
 * 24 MB is a 25,000-row sheet of about 12 columns as Excel writes it (shared strings).
 */
export const MAX_WORKBOOK_XML_BYTES = 24 * 1024 * 1024;
/** Real text and XML compress about 5-20x; 100x and beyond is the signature of a ZIP bomb. */
export const MAX_COMPRESSION_RATIO = 100;
/**
 * Small entries may legitimately compress very well (e.g. a sheet of zeros), so the ratio is only checked past this.
 */
export const RATIO_CHECK_AFTER_BYTES = 1024 * 1024;
/** Zoho's "large multi-line" fields hold 32,000 characters; nothing we import is longer. */
export const MAX_CELL_CHARS = 32_000;

export interface Limits {
  maxUploadBytes: number;
  maxDataRows: number;
  maxColumns: number;
  maxZipEntries: number;
  maxInflatedBytes: number;
  maxCompressionRatio: number;
  ratioCheckAfterBytes: number;
  maxCellChars: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxUploadBytes: MAX_UPLOAD_BYTES,
  maxDataRows: MAX_DATA_ROWS,
  maxColumns: MAX_COLUMNS,
  maxZipEntries: MAX_ZIP_ENTRIES,
  maxInflatedBytes: MAX_INFLATED_BYTES,
  maxCompressionRatio: MAX_COMPRESSION_RATIO,
  ratioCheckAfterBytes: RATIO_CHECK_AFTER_BYTES,
  maxCellChars: MAX_CELL_CHARS,
});

/** Fills the limits a caller did not override (tests use small limits) with the defaults. */
export function resolveLimits(overrides?: Partial<Limits>): Limits {
  const resolved: Limits = { ...DEFAULT_LIMITS };
  if (!overrides) return resolved;
  for (const key of Object.keys(resolved) as (keyof Limits)[]) {
    const value = overrides[key];
    // An explicit `undefined` in a spread would erase the default; skip it instead.
    if (value !== undefined) resolved[key] = value;
  }
  return resolved;
}
