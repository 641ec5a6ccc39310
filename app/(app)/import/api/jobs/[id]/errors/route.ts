import { getDb } from '@/db/client';
import { apiRoute } from '@/lib/api/route';
import { apiError } from '@/lib/api/responses';
import { parseId } from '@/lib/ids';
import { jobErrorReport } from '@/lib/import/jobs/error-report';

type Ctx = { params: Promise<{ id: string }> };

/** The skipped rows' problems with the offending values, for the import page's error table. */
export const GET = apiRoute<Ctx>('import.run', async (_request, { params }) => {
  const jobId = parseId((await params).id);
  const report = jobId === null ? null : await jobErrorReport(getDb(), jobId);
  if (!report) return apiError(404, 'RESOURCE_NOT_FOUND', "The requested resource doesn't exist.");
  return Response.json(report);
});
