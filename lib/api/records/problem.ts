import { protocolErrorResponse } from '@/lib/api/responses';
import { ProtocolError } from '@/lib/errors';

/** A whole request refused before anything was written (a bad query, body or module), with its HTTP status. */
export const apiProblem = (status: number, code: string, message: string, details: Record<string, unknown> = {}) =>
  new ProtocolError(code, message, details, status);

export const invalidQuery = (message: string, details: Record<string, unknown> = {}) =>
  apiProblem(400, 'INVALID_QUERY', message, details);

/** A refused request in Zoho's error envelope. */
export function problemResponse(error: ProtocolError, headers?: HeadersInit): Response {
  const response = protocolErrorResponse(error);
  for (const [name, value] of new Headers(headers)) response.headers.set(name, value);
  return response;
}
