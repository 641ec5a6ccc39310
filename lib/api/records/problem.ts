import { apiError } from '@/lib/api/responses';

/** A whole request refused before anything was written: a bad query, body or module. */
export class ApiProblem extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiProblem';
  }

  toResponse(headers?: HeadersInit): Response {
    const response = apiError(this.status, this.code, this.message, this.details);
    for (const [name, value] of new Headers(headers)) response.headers.set(name, value);
    return response;
  }
}

export const invalidQuery = (message: string, details: Record<string, unknown> = {}) =>
  new ApiProblem(400, 'INVALID_QUERY', message, details);

/** One record of a write refused by the API layer itself (its shape or a lookup), in Zoho's per-record form. */
export class RecordError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'RecordError';
  }
}
