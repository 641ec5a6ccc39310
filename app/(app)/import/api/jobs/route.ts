import { getDb } from '@/db/client';
import { jsonBodyRefusal } from '@/lib/api/cross-site';
import { apiRoute } from '@/lib/api/route';
import { createImportJob } from '@/lib/import/jobs/create-job';
import { readJobRequestBody } from '@/lib/import/request/job-body';
import { parseJobRequest } from '@/lib/import/request/job-request';

/** The import page creates jobs in the very format of the Zoho API (plus dry_run for "Validate"). */
export const POST = apiRoute('import.run', async (request, _context, principal) => {
  const notJson = jsonBodyRefusal(request, principal);
  if (notJson) return notJson;
  const body = await readJobRequestBody(request);
  const created = await createImportJob(getDb(), parseJobRequest(body), principal);
  return Response.json({ id: String(created.id) }, { status: 201 });
});
