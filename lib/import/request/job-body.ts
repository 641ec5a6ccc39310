import { readCappedText } from '@/lib/http/capped-body';
import { ProtocolError } from '@/lib/errors';

/**
 * A job request names its file, its mapping and a callback: a few KB, and 200 mapped fields stay far below this. A
 * body past it is refused unread (413) instead of being pulled into memory whole (hostile findings, December 2026:
 * 48 MB was read and parsed before the request was refused).
 */
export const MAX_JOB_REQUEST_BYTES = 1024 * 1024;

/** The JSON body of a create-job request, from either door (the bulk write API and the import page). */
export async function readJobRequestBody(request: Request): Promise<unknown> {
  const text = await readCappedText(
    request,
    MAX_JOB_REQUEST_BYTES,
    () =>
      new ProtocolError(
        'LIMIT_EXCEEDED',
        `The job request is larger than ${MAX_JOB_REQUEST_BYTES / 1024 / 1024} MB; it names the uploaded file, the mapping and a callback, a few KB.`,
        {},
        413,
      ),
  );
  try {
    return JSON.parse(text);
  } catch {
    throw new ProtocolError('INVALID_DATA', 'The request body must be JSON.', {}, 400);
  }
}
