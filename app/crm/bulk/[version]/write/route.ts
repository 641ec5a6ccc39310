import { getDb } from '@/db/client';
import { jsonBodyRefusal } from '@/lib/api/cross-site';
import { apiRoute } from '@/lib/api/route';
import { checkVersion } from '@/lib/api/version';
import { createImportJob } from '@/lib/import/jobs/create-job';
import { readJobRequestBody } from '@/lib/import/request/job-body';
import { parseJobRequest } from '@/lib/import/request/job-request';

type Ctx = { params: Promise<{ version: string }> };

/** Zoho's "create bulk write job". */
export const POST = apiRoute<Ctx>('import.run', async (request, { params }, principal) => {
  const versionError = checkVersion((await params).version);
  if (versionError) return versionError;
  const notJson = jsonBodyRefusal(request, principal);
  if (notJson) return notJson;
  const body = await readJobRequestBody(request);
  const created = await createImportJob(getDb(), parseJobRequest(body), principal);
  return Response.json(
    {
      status: 'success',
      code: 'SUCCESS',
      message: 'success',
      details: { id: String(created.id), created_by: created.createdBy },
    },
    { status: 201 },
  );
});
