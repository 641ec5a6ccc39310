import { getDb } from '@/db/client';
import { apiRoute } from '@/lib/api/route';
import { apiError } from '@/lib/api/responses';
import { checkVersion } from '@/lib/api/version';
import { parseId } from '@/lib/ids';
import { jobDetails } from '@/lib/import/jobs/details';
import { getJobRow } from '@/lib/import/jobs/job-queries';
import { publicBaseUrl } from '@/lib/http/public-url';

type Ctx = { params: Promise<{ version: string; id: string }> };

/** Zoho's "get bulk write job details": status, counts and, once completed, the result's download_url. */
export const GET = apiRoute<Ctx>('import.run', async (_request, { params }) => {
  const { version, id } = await params;
  const versionError = checkVersion(version);
  if (versionError) return versionError;
  const jobId = parseId(id);
  const job = jobId === null ? undefined : await getJobRow(getDb(), jobId);
  if (!job)
    return apiError(404, 'RESOURCE_NOT_FOUND', "The requested resource doesn't exist.", { resource_path_index: 0 });
  return Response.json(jobDetails(job, publicBaseUrl(), version));
});
