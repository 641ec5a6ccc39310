// The consistency checks every fault scenario ends with, as SQL over the whole database: whatever was
// killed or cut, the data must look as if each posting and each import chunk happened entirely or not at all.
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { checkStockInvariants } from '@/lib/inventory/invariants';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/**
 * Stock and serial invariants that hold for every database, with or without an import (the shared copy in
 * lib/inventory/invariants.ts). The scenarios delete nothing, so every document series must be gapless.
 */
export async function stockInvariants(db: Db): Promise<Check[]> {
  return (await checkStockInvariants(db, 'gapless')).map((r) => ({
    name: r.name,
    ok: r.bad === 0,
    detail: `${r.bad} ${r.noun}`,
  }));
}

/** Row results of one job: each source row exactly once, and the job's counters agreeing with them. */
export async function jobInvariants(
  db: Db,
  jobId: string,
  expected: { total: number; skipped?: number },
): Promise<Check[]> {
  const [job] = await db.execute<{
    status: string;
    total: number;
    processed: number;
    added: number;
    updated: number;
    skipped: number;
  }>(sql`
    select status, total_count as total, processed_count as processed, added_count as added, updated_count as updated, skipped_count as skipped
    from import_job where id = ${jobId}`);
  const [rows] = await db.execute<{
    n: number;
    distinct_rows: number;
    first: number;
    last: number;
    added: number;
    skipped: number;
  }>(sql`
    select count(*)::int as n, count(distinct row_number)::int as distinct_rows, min(row_number) as first, max(row_number) as last,
           count(*) filter (where status = 'ADDED')::int as added, count(*) filter (where status = 'SKIPPED')::int as skipped
    from import_row_result where job_id = ${jobId}`);
  const exactlyOnce =
    rows.n === expected.total &&
    rows.distinct_rows === expected.total &&
    rows.first === 2 &&
    rows.last === expected.total + 1;
  const countersAgree =
    job.processed === rows.n &&
    job.added === rows.added &&
    job.skipped === rows.skipped &&
    job.added + job.updated + job.skipped === job.processed &&
    job.total === expected.total;
  return [
    { name: `job ${jobId} COMPLETED`, ok: job.status === 'COMPLETED', detail: job.status },
    {
      name: `job ${jobId}: every row result exactly once`,
      ok: exactlyOnce,
      detail: `${rows.n} results, ${rows.distinct_rows} distinct rows ${rows.first}..${rows.last} for ${expected.total} rows`,
    },
    {
      name: `job ${jobId}: counts match`,
      ok: countersAgree && (expected.skipped === undefined || job.skipped === expected.skipped),
      detail: `total ${job.total}, processed ${job.processed}, added ${job.added}, updated ${job.updated}, skipped ${job.skipped}`,
    },
  ];
}

/** Prints PASS/FAIL per check; true when all passed. */
export function report(title: string, checks: Check[]): boolean {
  console.log(`\n${title}`);
  for (const check of checks) console.log(`  ${check.ok ? 'PASS' : 'FAIL'}  ${check.name} — ${check.detail}`);
  return checks.every((check) => check.ok);
}
