import { apiError, apiErrorFrom } from '@/lib/api/responses';
import { isImportFileError } from '@/lib/import/files';
import { isImportRequestError } from '@/lib/import/errors';

/** Refusals of the import (file layer or job request) in Zoho's error envelope; anything else as usual. */
export function importErrorResponse(error: unknown): Response {
  if (isImportRequestError(error)) return apiError(error.status, error.code, error.message, error.details);
  if (isImportFileError(error)) return apiError(400, error.code, error.message);
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
