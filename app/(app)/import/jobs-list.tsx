import { Link } from '@/components/ui/link';
import { Badge } from '@/components/ui/alert';
import { formatDateTime } from '@/lib/format';
import type { listRecentJobs } from '@/lib/import/jobs/job-queries';

type Job = Awaited<ReturnType<typeof listRecentJobs>>[number];

function duration(job: Job): string {
  if (!job.startedAt) return '—';
  const ms = (job.finishedAt ?? new Date()).getTime() - job.startedAt.getTime();
  return ms < 60_000
    ? `${(ms / 1000).toFixed(1)} s`
    : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

const TONES = { ADDED: 'neutral', 'IN PROGRESS': 'blue', COMPLETED: 'green', FAILED: 'red' } as const;

/** Recent jobs, newest first: who ran what, when, with which outcome. */
export function JobsList({ jobs }: { jobs: Job[] }) {
  if (jobs.length === 0) return <p className="text-sm text-slate-600">No imports yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[48rem] text-left text-sm">
        <caption className="sr-only">Recent import jobs</caption>
        <thead className="text-xs uppercase text-slate-500">
          <tr className="[&>th]:px-3 [&>th]:py-2">
            <th scope="col">Job</th>
            <th scope="col">Time</th>
            <th scope="col">Module</th>
            <th scope="col">File</th>
            <th scope="col">Added / updated / skipped of total</th>
            <th scope="col">Status</th>
            <th scope="col">By</th>
            <th scope="col">Duration</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id.toString()} className="border-t border-slate-100 [&>td]:px-3 [&>td]:py-2">
              <td>
                <Link href={`/import?job=${job.id}`} scroll={false}>
                  #{job.id.toString()}
                </Link>
              </td>
              <td className="whitespace-nowrap">{formatDateTime(job.createdAt)}</td>
              <td>
                {job.module} · {job.operation}
                {job.dryRun ? ' (validation)' : ''}
              </td>
              <td className="max-w-48 truncate" title={job.fileName}>
                {job.fileName}
              </td>
              <td className="whitespace-nowrap tabular-nums">
                {job.addedCount} / {job.updatedCount} / {job.skippedCount} of {job.totalCount}
              </td>
              <td>
                <Badge tone={TONES[job.status]}>{job.status}</Badge>
              </td>
              <td>{job.createdByName}</td>
              <td className="whitespace-nowrap tabular-nums">{duration(job)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
