/**
 * A refused upload or job request, in Zoho's terms: `code` is a Zoho bulk write error code and
 * `details` says which key is at fault (Zoho puts the offending api_name or JSON path there).
 */
export class ImportRequestError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly details: Record<string, unknown> = {},
    public readonly status = 400,
  ) {
    super(message);
    this.name = 'ImportRequestError';
  }
}

export function isImportRequestError(error: unknown): error is ImportRequestError {
  return error instanceof ImportRequestError;
}
