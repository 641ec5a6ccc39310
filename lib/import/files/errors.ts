/**
 * Error codes of the file layer. They are a subset of the codes of the Zoho CRM
 * bulk write API, so the HTTP layer can pass `code` straight through.
 */
export type FileErrorCode =
  | 'INVALID_FILE_FORMAT'
  | 'FILE_TOO_LARGE'
  | 'LIMIT_EXCEEDED'
  | 'HEADER_LIMIT_EXCEEDED'
  | 'FILE_NOT_SUPPORTED'
  | 'INVALID_DATA';

/** The one error type the file layer throws on purpose; anything else is a bug. */
export class ImportFileError extends Error {
  constructor(
    public readonly code: FileErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

export function isImportFileError(error: unknown): error is ImportFileError {
  return error instanceof ImportFileError;
}
