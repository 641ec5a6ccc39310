import { DomainError, HTTP_STATUS, isProtocolError, type ProtocolError } from '@/lib/errors';
import { describeOutage, isDatabaseUnavailable } from '@/lib/db-errors';

/** Zoho's error envelope: {status:"error", code, message, details}. */
export function apiError(status: number, code: string, message: string, details: Record<string, unknown> = {}) {
  return Response.json({ status: 'error', code, message, details }, { status });
}

/**
 * How long a client should wait before retrying while the database is unreachable. A PostgreSQL restart
 * takes a few seconds and the pool reconnects within about a second of its return (db/client.ts).
 */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
export const DATABASE_UNAVAILABLE_CODE = 'SERVICE_UNAVAILABLE';

/** 503 + Retry-After: the database could not be reached, so nothing of this request was applied. */
export function databaseUnavailable(): Response {
  const response = apiError(
    503,
    DATABASE_UNAVAILABLE_CODE,
    `The database is unavailable right now (restarting or unreachable). Nothing was applied; retry in ${DATABASE_RETRY_AFTER_SECONDS} seconds.`,
    { retry_after: DATABASE_RETRY_AFTER_SECONDS },
  );
  response.headers.set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
  return response;
}

/** A refusal in the protocol's own terms (ProtocolError, lib/errors.ts) in Zoho's envelope, with its status. */
export function protocolErrorResponse(error: ProtocolError): Response {
  return apiError(error.status, error.code, error.message, error.details);
}

/** Any error a handler throws as the answer: a refusal with its code, an outage as 503, anything else as 500. */
export function apiErrorFrom(error: unknown): Response {
  if (isProtocolError(error)) return protocolErrorResponse(error);
  if (error instanceof DomainError) {
    return apiError(HTTP_STATUS[error.code], error.code, error.message, { ...error.details, ...fieldDetails(error) });
  }
  if (isDatabaseUnavailable(error)) {
    console.warn(`[api] database unavailable (${describeOutage(error)}): answered 503`);
    return databaseUnavailable();
  }
  console.error('[api] unexpected error', error);
  return apiError(500, 'INTERNAL_ERROR', 'Something went wrong on our side. The request was not applied.');
}

function fieldDetails(error: DomainError): Record<string, unknown> {
  const fields = Object.keys(error.fieldErrors);
  return fields.length ? { api_name: fields[0], errors: error.fieldErrors } : {};
}

/** JSON with bigint ids written as numeric strings, which is how every id leaves the server. */
export function jsonWithIds(body: unknown, init?: ResponseInit): Response {
  const text = JSON.stringify(body, (_key, value) => (typeof value === 'bigint' ? value.toString() : value));
  return new Response(text, { ...init, headers: { 'content-type': 'application/json', ...init?.headers } });
}
