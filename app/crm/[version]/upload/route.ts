import { getDb } from '@/db/client';
import { apiRoute } from '@/lib/api/route';
import { apiError } from '@/lib/api/responses';
import { checkVersion } from '@/lib/api/version';
import { isoWithOffset } from '@/lib/import/jobs/details';
import { readUploadedFile } from '@/lib/import/upload/multipart';
import { storeUpload } from '@/lib/import/upload/store';
import { textProblem } from '@/lib/validation/text';

type Ctx = { params: Promise<{ version: string }> };

/** Zoho's file upload for bulk write: the file is read (and refused with its specific error) before it is stored. */
export const POST = apiRoute<Ctx>('import.run', async (request, { params }, principal) => {
  const versionError = checkVersion((await params).version);
  if (versionError) return versionError;
  const feature = request.headers.get('feature');
  if (feature === null || feature.trim() === '') {
    return apiError(400, 'MANDATORY_NOT_FOUND', 'Required key feature is not available', { api_name: 'feature' });
  }
  if (feature.trim().toLowerCase() !== 'bulk-write') {
    return apiError(400, 'NOT_SUPPORTED_FEATURE', `The feature '${feature}' is not supported; use bulk-write.`, {
      api_name: 'feature',
    });
  }
  const file = await readUploadedFile(request);
  // The name is stored as text: the text rule at the door, or PostgreSQL would fail on a NUL in it.
  const nameProblem = textProblem(file.fileName, 'The file name');
  if (nameProblem) return apiError(400, 'INVALID_DATA', nameProblem, { api_name: 'file' });
  const stored = await storeUpload(getDb(), { ...file, userId: principal.userId });
  return Response.json({
    status: 'success',
    code: 'FILE_UPLOAD_SUCCESS',
    message: 'file uploaded.',
    details: { file_id: String(stored.fileId), created_time: isoWithOffset(stored.createdAt) },
  });
});
