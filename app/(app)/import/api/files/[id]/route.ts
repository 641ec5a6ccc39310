import { getDb } from '@/db/client';
import { apiRoute } from '@/lib/api/route';
import { apiError } from '@/lib/api/responses';
import { parseId } from '@/lib/ids';
import { answeringImportErrors } from '@/lib/import/http/errors';
import { uploadSummary } from '@/lib/import/upload';

type Ctx = { params: Promise<{ id: string }> };

/**
 * The preview of an uploaded file for the import page. The page uploads through POST /crm/v8/upload
 * (with its session) rather than a route of its own: paths under /crm bypass the proxy, which would
 * otherwise cut request bodies at 10 MB, below the 25 MB an upload may have.
 */
export const GET = apiRoute<Ctx>('import.run', async (_request, { params }) => answeringImportErrors(async () => {
  const fileId = parseId((await params).id);
  if (fileId === null) return apiError(404, 'INVALID_FILE_ID', 'There is no such file.');
  return Response.json({ fileId: String(fileId), ...await uploadSummary(getDb(), fileId) });
}));
