import { apiError, apiErrorFrom } from '@/lib/api/responses';
import { isProtocolError } from '@/lib/errors';

/** Refusals of the import (file layer or job request) in Zoho's error envelope; anything else as usual. */
export function importErrorResponse(error: unknown): Response {
  if (isProtocolError(error)) return apiError(error.status, error.code, error.message, error.details);
  return apiErrorFrom(error);
}

/** Runs a handler body, answering import refusals with their own code instead of a 500. */
export async function answeringImportErrors(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    return importErrorResponse(error);
  }
}
