import { DomainError, HTTP_STATUS } from '@/lib/errors';

/** Zoho's error envelope: {status:"error", code, message, details}. */
export function apiError(status: number, code: string, message: string, details: Record<string, unknown> = {}) {
  return Response.json({ status: 'error', code, message, details }, { status });
}

export function apiErrorFrom(error: unknown): Response {
  if (error instanceof DomainError) {
    return apiError(HTTP_STATUS[error.code], error.code, error.message, { ...error.details, ...fieldDetails(error) });
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
