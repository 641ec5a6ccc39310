import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { importJob } from '@/db/schema';
import type { Principal } from '@/lib/auth/principal';
import { can } from '@/lib/auth/roles';
import { checkCallbackHost } from '@/lib/import/jobs/callbacks/resolve-host';
import type { JobRequest } from '@/lib/import/request/job-request';
import { resolveJobResources, storedMappings } from '@/lib/import/request/job-resources';
import { uploadSummary } from '@/lib/import/upload/store';
import { notifyWorkers } from './notify';
import { ProtocolError } from '@/lib/errors';

/** Jobs one user may have waiting or running at once; more is almost always a client stuck in a retry loop. */
export const MAX_ACTIVE_JOBS_PER_USER = 20;

export interface CreatedJob {
  id: bigint;
  createdBy: { id: string; name: string };
}

// pg_advisory_xact_lock(class, user): job creations of one user take turns, so the count below cannot be
// outrun by a concurrent creation (two requests both seeing 19 jobs used to make 21).
const ACTIVE_JOBS_LOCK_CLASS = 72_041;

async function assertUnderActiveLimit(tx: DbOrTx, userId: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(${ACTIVE_JOBS_LOCK_CLASS}, ${userId})`);
  const [{ active }] = await tx
    .select({ active: sql<number>`count(*)::int` })
    .from(importJob)
    .where(and(eq(importJob.createdBy, userId), inArray(importJob.status, ['ADDED', 'IN PROGRESS'])));
  if (active >= MAX_ACTIVE_JOBS_PER_USER) {
    throw new ProtocolError(
      'LIMIT_EXCEEDED',
      `You already have ${active} bulk write jobs waiting or running; wait for them to finish.`,
    );
  }
}

async function assertCallbackHostReachable(url: string) {
  const problem = await checkCallbackHost(url);
  if (problem)
    throw new ProtocolError('INVALID_URL_PATTERN', problem, { api_name: 'url', json_path: '$.callback.url' });
}

/**
 * A callback is signed with the secret of the API key that created the job, which its API keys page shows, so the
 * receiver can check it. A job created with a browser session has no key: its callback could only be signed with a
 * secret nobody is shown (hostile findings, December 2026), so such a job takes no callback.
 */
function assertSignableCallback(principal: Principal) {
  if (principal.apiKeyId !== undefined) return;
  throw new ProtocolError(
    'INVALID_DATA',
    'A callback is signed with the secret of the API key that creates the job: create the job with an API key to have one.',
    { api_name: 'callback', json_path: '$.callback' },
  );
}

/**
 * Creates a job from a checked request: the file must exist and read cleanly with the job's encoding, each
 * resource must name a data file of it (file_names), the mappings must fit its columns. Workers are woken by
 * NOTIFY when the insert commits.
 */
export async function createImportJob(db: Db, request: JobRequest, principal: Principal): Promise<CreatedJob> {
  // The route asks for import.run; the rows also need the right to write the module, as its web form does
  // (Stocktake_Entries: stockDocs.write, like scanning), should a role ever run imports without it.
  if (!can(principal.role, request.module.write)) {
    throw new ProtocolError(
      'NO_PERMISSION',
      `The ${principal.role} role may not write ${request.module.apiName}.`,
      { api_name: 'module', json_path: '$.resource[0].module' },
      403,
    );
  }
  const upload = await uploadSummary(db, request.fileId, request.characterEncoding);
  const resources = resolveJobResources(request, upload.files);
  if (request.callback) assertSignableCallback(principal);
  if (request.callback) await assertCallbackHostReachable(request.callback.url);
  const id = await db.transaction(async (tx) => {
    await assertUnderActiveLimit(tx, principal.userId);
    const [row] = await tx
      .insert(importJob)
      .values({
        operation: request.operation,
        module: request.module.apiName,
        fileId: request.fileId,
        findBy: request.findBy,
        ignoreEmpty: request.ignoreEmpty,
        characterEncoding: request.characterEncoding,
        fieldMappings: storedMappings(resources),
        dryRun: request.dryRun,
        callbackUrl: request.callback?.url ?? null,
        callbackMethod: request.callback?.method ?? null,
        totalCount: resources.reduce((rows, resource) => rows + resource.totalCount, 0),
        createdBy: principal.userId,
        apiKeyId: principal.apiKeyId ?? null,
      })
      .returning({ id: importJob.id });
    await notifyWorkers(tx, `job:${row.id}`);
    return row.id;
  });
  return { id, createdBy: { id: String(principal.userId), name: principal.userName } };
}
