import type { Db } from '@/db/client';
import { claimJob } from '@/lib/import/jobs/lease';
import { runJob } from '@/lib/import/jobs/run-job';
import { deliverDueCallback } from '@/lib/import/jobs/callbacks/due';

/** Runs every claimable job to its end in this process, as a worker would (deterministic for tests). */
export async function drainJobs(db: Db, options: { chunkRows?: number } = {}) {
  for (;;) {
    const jobId = await claimJob(db, 'test-drain', 30_000);
    if (jobId === null) return;
    await runJob(db, { jobId, workerId: 'test-drain' }, options);
  }
}

export async function drainCallbacks(db: Db) {
  while (await deliverDueCallback(db));
}

export function csv(rows: (string | number)[][]): Buffer {
  return Buffer.from(
    rows
      .map((row) =>
        row
          .map((cell) => {
            const text = String(cell);
            return /[",\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
          })
          .join(','),
      )
      .join('\r\n'),
  );
}
