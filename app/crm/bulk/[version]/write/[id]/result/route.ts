import { getDb } from '@/db/client';
import { apiRoute } from '@/lib/api/route';
import { apiError } from '@/lib/api/responses';
import { checkVersion } from '@/lib/api/version';
import { parseId } from '@/lib/ids';
import { getResultFile } from '@/lib/import/jobs/job-queries';

type Ctx = { params: Promise<{ version: string; id: string }> };

/** The result ZIP (one CSV: every original column plus ROW_NUMBER, STATUS, RECORD_ID, ERRORS, ERROR_MESSAGE). */
export const GET = apiRoute<Ctx>('import.run', async (_request, { params }) => {
  const { version, id } = await params;
  const versionError = checkVersion(version);
  if (versionError) return versionError;
  const jobId = parseId(id);
  const result = jobId === null ? undefined : await getResultFile(getDb(), jobId);
  if (!result)
    return apiError(404, 'RESOURCE_NOT_FOUND', "The requested resource doesn't exist.", { resource_path_index: 0 });
  if (!result.content)
    return apiError(404, 'RESOURCE_NOT_FOUND', `The result is not ready: the job is ${result.status}.`);
  return new Response(new Uint8Array(result.content), {
    headers: {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${result.name ?? `bulk_write_${id}_result.zip`}"`,
      'content-length': String(result.content.length),
    },
  });
});
