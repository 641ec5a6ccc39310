/** Errors whose message is safe and meant for the user. Anything else is logged and shown generically. */
export type DomainErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'INVALID_DATA'
  | 'DUPLICATE_DATA'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'MANDATORY_NOT_FOUND'
  | 'LIMIT_EXCEEDED';

export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  constructor(
    public readonly code: DomainErrorCode,
    message: string,
    public readonly fieldErrors: FieldErrors = {},
    public readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/**
 * A refusal in the Zoho protocol's own terms, by the doors that speak it (the records API, the bulk write
 * requests, the upload's file layer): `code` is from Zoho's vocabulary (INVALID_QUERY, INVALID_FILE_FORMAT,
 * RESOURCE_NOT_FOUND, …), `details` names the key at fault as Zoho does, `status` is the HTTP status when
 * it refuses a whole request. The core's own refusals are DomainErrors, which each door renders.
 */
export class ProtocolError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly details: Record<string, unknown> = {},
    public readonly status = 400,
  ) {
    super(message);
    this.name = 'ProtocolError';
  }
}

export function isProtocolError(error: unknown): error is ProtocolError {
  return error instanceof ProtocolError;
}

export const HTTP_STATUS: Record<DomainErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_DATA: 400,
  DUPLICATE_DATA: 409,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  MANDATORY_NOT_FOUND: 400,
  LIMIT_EXCEEDED: 400,
};
