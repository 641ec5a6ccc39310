import { mappingsToWire } from '@/lib/import/request/mappings';
import { findChildModule, findModule } from '@/lib/modules';
import type { JobRow } from './job-queries';

/** 2026-01-03T15:19:52+01:00: Zoho's created_time, in the server's time zone with its offset. */
export function isoWithOffset(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset >= 0 ? '+' : '-';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${local}${sign}${hours}:${minutes}`;
}

export function resultDownloadUrl(baseUrl: string, version: string, jobId: bigint | string): string {
  return `${baseUrl.replace(/\/$/, '')}/crm/bulk/${version}/write/${jobId}/result`;
}

/** The module of a job's resource: the document (or catalog) module first, then its child modules. */
function moduleRef(job: JobRow, apiName: string) {
  const parent = findModule(job.module);
  const found =
    apiName === job.module ? parent : parent?.kind === 'document' ? findChildModule(parent, apiName) : undefined;
  return { api_name: found?.apiName ?? apiName, id: found?.id ?? '0' };
}

/** Each resource with its own file's counts (a job of one file counts on the job itself). */
function resources(job: JobRow) {
  return job.resources.map((resource, file) => {
    const counts = job.fileCounts
      ? (job.fileCounts[file] ?? { added: 0, updated: 0, skipped: 0, processed: 0 })
      : { added: job.addedCount, updated: job.updatedCount, skipped: job.skippedCount, processed: job.processedCount };
    return {
      status: job.status,
      type: 'data',
      module: moduleRef(job, resource.module),
      ...(file === 0 && job.findBy ? { find_by: job.findBy } : {}),
      ...(resource.fileName === null ? {} : { file_names: [resource.fileName] }),
      field_mappings: mappingsToWire(resource.mappings),
      file: {
        status: job.status,
        name: resource.fileName ?? job.fileName,
        added_count: counts.added,
        skipped_count: counts.skipped,
        updated_count: counts.updated,
        total_count: resource.totalCount,
        processed_count: counts.processed,
      },
    };
  });
}

/**
 * GET /crm/bulk/vN/write/{id} in Zoho's shape (also the callback body): a parent/child job lists each resource
 * with its file's counts. Extensions a Zoho client ignores: file.processed_count (progress), dry_run,
 * failure_reason when FAILED, and `message` when the job is not FAILED but has a note: a worker that lost the
 * database paused it (lib/import/jobs/worker.ts).
 */
export function jobDetails(job: JobRow, baseUrl: string, version = 'v8') {
  return {
    status: job.status,
    character_encoding: job.characterEncoding ?? 'UTF-8',
    operation: job.operation,
    id: String(job.id),
    created_time: isoWithOffset(job.createdAt),
    created_by: { id: String(job.createdById), name: job.createdByName },
    ...(job.callbackUrl ? { callback: { url: job.callbackUrl, method: job.callbackMethod ?? 'post' } } : {}),
    ignore_empty: job.ignoreEmpty,
    dry_run: job.dryRun,
    resource: resources(job),
    ...(job.status === 'FAILED' ? { failure_reason: job.failureReason } : {}),
    ...(job.status !== 'FAILED' && job.failureReason ? { message: job.failureReason } : {}),
    ...(job.status === 'COMPLETED' ? { result: { download_url: resultDownloadUrl(baseUrl, version, job.id) } } : {}),
  };
}

export type CallbackDelivery = {
  url: string;
  state: 'waiting' | 'pending' | 'delivered' | 'failed';
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  next_attempt_at: string | null;
};

/**
 * How the job's callback fares, for the import page (not part of Zoho's job JSON): `waiting` until the job
 * ends, then `pending` with the attempts so far and the next one's time, `delivered` or `failed` (given up).
 */
export function callbackDelivery(job: JobRow, maxAttempts: number): CallbackDelivery | null {
  if (!job.callbackUrl) return null;
  return {
    url: job.callbackUrl,
    state: job.callbackState === 'none' ? 'waiting' : job.callbackState,
    attempts: job.callbackAttempts,
    max_attempts: maxAttempts,
    last_error: job.callbackLastError,
    next_attempt_at: job.callbackState === 'pending' && job.callbackNextAt ? isoWithOffset(job.callbackNextAt) : null,
  };
}
