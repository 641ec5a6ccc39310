import { getDb } from '@/db/client';
import { apiRoute } from '@/lib/api/route';
import { apiError } from '@/lib/api/responses';
import { parseId } from '@/lib/ids';
import { uploadSummary } from '@/lib/import/upload/store';

type Ctx = { params: Promise<{ id: string }> };

/**
 * The preview of an uploaded file for the import page. The page uploads through POST /crm/v8/upload
 * (with its session) rather than a route of its own: one upload door for the page and the API, with
 * the same limits and errors.
 */
export const GET = apiRoute<Ctx>('import.run', async (_request, { params }) => {
  const fileId = parseId((await params).id);
  if (fileId === null) return apiError(404, 'INVALID_FILE_ID', 'There is no such file.');
  return Response.json({ fileId: String(fileId), ...(await uploadSummary(getDb(), fileId)) });
});
