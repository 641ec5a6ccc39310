import { ProtocolError } from '@/lib/errors';

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

/** Zoho answers a file over its limit with HTTP 413 (Payload Too Large), the code FILE_TOO_LARGE. */
export function fileTooLarge(message: string): ProtocolError {
  return new ProtocolError('FILE_TOO_LARGE', message, {}, 413);
}

// The file layer throws ProtocolError (lib/errors.ts) with one of these codes; anything else is a bug.
