/** Errors whose message is safe and meant for the user. Anything else is logged and shown generically. */
export type DomainErrorCode =
  | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'INVALID_DATA' | 'DUPLICATE_DATA'
  | 'CONFLICT' | 'RATE_LIMITED' | 'MANDATORY_NOT_FOUND' | 'LIMIT_EXCEEDED';

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

export const HTTP_STATUS: Record<DomainErrorCode, number> = {
  UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, INVALID_DATA: 400, DUPLICATE_DATA: 409,
  CONFLICT: 409, RATE_LIMITED: 429, MANDATORY_NOT_FOUND: 400, LIMIT_EXCEEDED: 400,
};
