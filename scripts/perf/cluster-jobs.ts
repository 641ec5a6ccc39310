import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type postgres from 'postgres';
import type { Check } from './cluster-checks';

/** A process whose log says which jobs it ran ("[import-worker] job 12: completed", lib/import/jobs/worker.ts). */
export type JobRunner = { name: string; logFile: string; logOffset: number };

/** Where a log ends now: only what is written after it belongs to this run (the logs are appended to). */
export function logEnd(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function readFrom(file: string, offset: number): string {
  const size = logEnd(file);
  if (size <= offset) return '';
  const buffer = Buffer.alloc(size - offset);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, offset);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8');
}

/**
 * The import jobs of the run, each run exactly once: every job finished by exactly one runner (their logs), every
 * runner claimed some (FOR UPDATE SKIP LOCKED spreads them), no row processed twice (per job: processed = rows of
 * the file = added + updated + skipped = row results), and every new row is in (new items = rows added).
 */
export async function jobsRunOnce(
  db: postgres.Sql,
  runners: JobRunner[],
  since: Date,
  newItemCodePrefix: string,
): Promise<Check[]> {
  type JobRow = { id: string; status: string; total: number; processed: number } & Record<
    'added' | 'updated' | 'skipped' | 'results',
    number
  >;
  const jobs = await db<JobRow[]>`
    select j.id::text, j.status, j.total_count as total, j.processed_count as processed, j.added_count as added,
      j.updated_count as updated, j.skipped_count as skipped,
      (select count(*)::int from import_row_result r where r.job_id = j.id) as results
    from import_job j where j.created_at >= ${since} order by j.id`;
  const finishedBy = new Map<string, string[]>();
  const perRunner = runners.map((runner) => {
    const ids = [...readFrom(runner.logFile, runner.logOffset).matchAll(/job (\d+): completed/g)].map((m) => m[1]);
    for (const id of ids) finishedBy.set(id, [...(finishedBy.get(id) ?? []), runner.name]);
    return { name: runner.name, jobs: ids.length };
  });
  const completed = jobs.filter((j) => j.status === 'COMPLETED');
  const once = completed.filter((j) => finishedBy.get(j.id)?.length === 1).length;
  const twice = completed.filter((j) => (finishedBy.get(j.id)?.length ?? 0) > 1).length;
  const unbalanced = jobs.filter(
    (j) => j.processed !== j.total || j.added + j.updated + j.skipped !== j.total || j.results !== j.total,
  );
  const [{ items }] = await db`select count(*)::int as items from item where code like ${newItemCodePrefix + '%'}`;
  const added = jobs.reduce((n, j) => n + j.added, 0);
  const rows = jobs.reduce((n, j) => n + j.total, 0);
  return [
    {
      label:
        `import jobs each finished by exactly one process: ${once} of ${completed.length} completed jobs ` +
        `(${perRunner.map((r) => `${r.name} ${r.jobs}`).join(', ')}; finished twice: ${twice})`,
      ok: completed.length > 0 && once === completed.length && completed.length === jobs.length,
    },
    {
      label: `every job-running process claimed jobs: ${perRunner.map((r) => `${r.name} ${r.jobs}`).join(', ')}`,
      ok: perRunner.every((r) => r.jobs > 0),
    },
    {
      label:
        `no row processed twice, all rows in: ${rows} rows in ${jobs.length} jobs, jobs whose processed, ` +
        `added + updated + skipped and row results differ from their rows: ${unbalanced.length}; new items ${items} = rows added ${added}`,
      ok: unbalanced.length === 0 && items === added,
    },
  ];
}
