import { getDb } from '@/db/client';
import { apiRoute } from '@/lib/api/route';
import { apiError } from '@/lib/api/responses';
import { parseId } from '@/lib/ids';
import { callbackDelivery, jobDetails } from '@/lib/import/jobs/details';
import { MAX_CALLBACK_ATTEMPTS } from '@/lib/import/jobs/callbacks/due';
import { getJobRow } from '@/lib/import/jobs/job-queries';
import { publicBaseUrl } from '@/lib/http/public-url';

type Ctx = { params: Promise<{ id: string }> };

/** Progress for the import page's poll: the job in Zoho's shape, and how its callback fares. */
export const GET = apiRoute<Ctx>('import.run', async (_request, { params }) => {
  const jobId = parseId((await params).id);
  const job = jobId === null ? undefined : await getJobRow(getDb(), jobId);
  if (!job) return apiError(404, 'RESOURCE_NOT_FOUND', "The requested resource doesn't exist.");
  const body = { ...jobDetails(job, publicBaseUrl()), callback_delivery: callbackDelivery(job, MAX_CALLBACK_ATTEMPTS) };
  return Response.json(body, { headers: { 'cache-control': 'no-store' } });
});
