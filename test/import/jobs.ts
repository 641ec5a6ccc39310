import type { Db } from '@/db/client';
import type { Principal } from '@/lib/auth/principal';
import { createImportJob } from '@/lib/import/jobs/create-job';
import { parseJobRequest } from '@/lib/import/request/job-request';
import { storeUpload } from '@/lib/import/upload/store';
import { csv } from './drain';

/** Uploads a CSV and creates a job through the same lib calls the routes make. */
export async function createJob(
  db: Db,
  principal: Principal,
  rows: (string | number)[][],
  body: Record<string, unknown>,
  resource: Record<string, unknown>,
) {
  const stored = await storeUpload(db, { bytes: csv(rows), fileName: 'file.csv', userId: principal.userId });
  const request = parseJobRequest({
    ...body,
    resource: [{ type: 'data', file_id: String(stored.fileId), ...resource }],
  });
  return (await createImportJob(db, request, principal)).id;
}

export function itemRows(prefix: string, count: number): string[][] {
  return [['Code', 'Name'], ...Array.from({ length: count }, (_, i) => [`${prefix}-${i}`, `Item ${prefix} ${i}`])];
}

export function principalOf(user: { userId: number; name: string; keyId?: bigint }): Principal {
  return {
    kind: user.keyId ? 'apiKey' : 'user',
    userId: user.userId,
    userName: user.name,
    email: 'x@example.com',
    role: 'admin',
    apiKeyId: user.keyId,
  };
}
