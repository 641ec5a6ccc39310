// Direct database access (setup and checks) and the two HTTP doors the scenarios drive: the records API
// and the Zoho-compatible bulk write API, called over real HTTP against the production server.
import { eq, sql } from 'drizzle-orm';
import { createDb, type Db } from '@/db/client';
import { importJob, user } from '@/db/schema';
import { createApiKey } from '@/lib/auth/api-keys';

/** An admin API key, created the way the API keys page does it (lib/auth/api-keys.ts). */
export async function adminApiKey(db: Db): Promise<string> {
  const [admin] = await db.select({ id: user.id }).from(user).where(eq(user.email, 'admin@example.com'));
  if (!admin) throw new Error('the demo admin is missing: was the database seeded?');
  return (await createApiKey(db, { name: `faults ${Date.now()}`, role: 'admin', createdBy: admin.id })).key;
}

export function openDb(url: string) {
  return createDb(url, 4);
}

export async function jobRow(db: Db, id: string) {
  const [job] = await db
    .select()
    .from(importJob)
    .where(eq(importJob.id, BigInt(id)));
  return job;
}

export type HttpAnswer = { status: number; json: Record<string, unknown> | null; ms: number; error?: string };

export class Api {
  constructor(
    readonly base: string,
    readonly key: string,
    readonly timeoutMs = 30_000,
  ) {}

  async request(
    method: string,
    path: string,
    body?: BodyInit,
    headers: Record<string, string> = {},
  ): Promise<HttpAnswer> {
    const started = Date.now();
    try {
      const response = await fetch(`${this.base}${path}`, {
        method,
        body,
        headers: { authorization: `Zoho-oauthtoken ${this.key}`, ...headers },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await response.text();
      let json: Record<string, unknown> | null = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = { unparsed: text.slice(0, 200) };
      }
      return { status: response.status, json, ms: Date.now() - started };
    } catch (error) {
      // No answer at all (the server is down or was killed mid-request): status 0.
      return {
        status: 0,
        json: null,
        ms: Date.now() - started,
        error: (error as Error).cause ? String((error as Error).cause) : String(error),
      };
    }
  }

  postRecords(module: string, records: unknown[]) {
    return this.request('POST', `/crm/v8/${module}`, JSON.stringify({ data: records }), {
      'content-type': 'application/json',
    });
  }

  upload(
    bytes: Buffer,
    fileName: string,
    headers: Record<string, string> = { feature: 'bulk-write', 'X-CRM-ORG': '1' },
  ) {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(bytes)]), fileName);
    return this.request('POST', '/crm/v8/upload', form, headers);
  }

  createJob(body: unknown) {
    return this.request('POST', '/crm/bulk/v8/write', JSON.stringify(body), { 'content-type': 'application/json' });
  }

  status(id: string) {
    return this.request('GET', `/crm/bulk/v8/write/${id}`);
  }
}

/** Uploads a CSV and creates an insert job for it; returns the job id. */
export async function startImport(api: Api, csv: Buffer, fileName: string, module: string): Promise<string> {
  const uploaded = await api.upload(csv, fileName);
  const fileId = (uploaded.json?.details as { file_id?: string } | undefined)?.file_id;
  if (uploaded.status !== 200 || !fileId)
    throw new Error(`upload refused: ${uploaded.status} ${JSON.stringify(uploaded.json)}`);
  const created = await api.createJob({
    operation: 'insert',
    resource: [{ type: 'data', module: { api_name: module }, file_id: fileId }],
  });
  const jobId = (created.json?.details as { id?: string } | undefined)?.id;
  if (created.status !== 201 || !jobId)
    throw new Error(`job refused: ${created.status} ${JSON.stringify(created.json)}`);
  return jobId;
}

/** Polls the job row directly until `done` says so; the database answers even while the app is down. */
export async function waitForJob(
  db: Db,
  id: string,
  done: (job: typeof importJob.$inferSelect) => boolean,
  timeoutMs: number,
  everyMs = 25,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await jobRow(db, id).catch(() => undefined);
    if (job && done(job)) return job;
    if (Date.now() > deadline)
      throw new Error(
        `job ${id}: condition not reached within ${timeoutMs / 1000} s (${job?.status}, ${job?.processedCount} processed)`,
      );
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export async function countOf(db: Db, query: ReturnType<typeof sql>): Promise<number> {
  const rows = await db.execute<{ n: number }>(query);
  return Number(rows[0]?.n ?? 0);
}
