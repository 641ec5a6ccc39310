import { getDb } from '@/db/client';
import { apiRoute } from '@/lib/api/route';
import { apiError } from '@/lib/api/responses';
import { parseId } from '@/lib/ids';
import { jobDetails } from '@/lib/import/jobs/details';
import { getJobRow } from '@/lib/import/jobs/job-queries';
import { publicBaseUrl } from '@/lib/http/public-url';

type Ctx = { params: Promise<{ id: string }> };

/** Progress for the import page's poll: the job in Zoho's shape. */
export const GET = apiRoute<Ctx>('import.run', async (_request, { params }) => {
  const jobId = parseId((await params).id);
  const job = jobId === null ? undefined : await getJobRow(getDb(), jobId);
  if (!job) return apiError(404, 'RESOURCE_NOT_FOUND', "The requested resource doesn't exist.");
  return Response.json(jobDetails(job, publicBaseUrl()), { headers: { 'cache-control': 'no-store' } });
});
