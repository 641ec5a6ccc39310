import { readCappedText } from '@/lib/http/capped-body';
import { apiProblem } from '../problem';

export const MAX_RECORDS = 100;
/** Large enough for 100 documents with thousands of serials each; a runaway body stops here. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** The body as text, read up to the limit (the text is also what an Idempotency-Key is checked against). */
export function readBodyText(request: Request): Promise<string> {
  return readCappedText(request, MAX_BODY_BYTES, tooLarge);
}

function tooLarge() {
  return apiProblem(
    413,
    'LIMIT_EXCEEDED',
    `The body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB. Send fewer records per request, or use the bulk write API.`,
  );
}

/**
 * Zoho's write body: {"data": [record, …]} with 1 to 100 records. Other top-level keys (trigger,
 * duplicate_check_fields, …) are returned for the operation to read.
 */
export function parseWriteBody(text: string): { records: unknown[]; body: Record<string, unknown> } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    const reason = text.trim() === '' ? 'the body is empty' : (error as Error).message;
    throw apiProblem(400, 'INVALID_DATA', `The body is not valid JSON (${reason}). Send {"data": [ … ]}.`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw apiProblem(400, 'INVALID_DATA', 'The body must be a JSON object such as {"data": [ … ]}.');
  }
  const data = (body as Record<string, unknown>).data;
  if (data === undefined || data === null) {
    throw apiProblem(400, 'MANDATORY_NOT_FOUND', 'Required key data is not available: send {"data": [ … ]}.', {
      api_name: 'data',
    });
  }
  if (!Array.isArray(data))
    throw apiProblem(400, 'INVALID_DATA', 'data must be a list of records.', { api_name: 'data' });
  if (data.length === 0)
    throw apiProblem(400, 'INVALID_DATA', `data holds no record; send 1 to ${MAX_RECORDS}.`, { api_name: 'data' });
  if (data.length > MAX_RECORDS) {
    throw apiProblem(
      400,
      'LIMIT_EXCEEDED',
      `data holds ${data.length} records; at most ${MAX_RECORDS} are allowed per request. Use the bulk write API (POST /crm/bulk/v8/write) for more.`,
      { api_name: 'data', limit: MAX_RECORDS },
    );
  }
  return { records: data, body: body as Record<string, unknown> };
}
