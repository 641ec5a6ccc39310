import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { importJob } from '@/db/schema';

/** Polls until `check` returns a value (not undefined/false) or the time is up. */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 20_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms in vain`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export async function jobState(db: Db, id: bigint) {
  const [job] = await db.select().from(importJob).where(eq(importJob.id, id));
  return job;
}

export function waitForStatus(db: Db, id: bigint, status: 'COMPLETED' | 'FAILED' = 'COMPLETED', timeoutMs = 30_000) {
  return waitFor(async () => {
    const job = await jobState(db, id);
    return job.status === status ? job : undefined;
  }, timeoutMs);
}
