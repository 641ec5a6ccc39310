'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Alert, Badge } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/page-header';
import { formatDateTime } from '@/lib/format';
import { fetchErrors, fetchJob, resultUrl, type ErrorReport, type JobDetails } from './client-api';
import { ErrorTable } from './error-table';

const POLL_MS = 500;
/** After the job ends, its callback may still be retried for minutes: asked for less often. */
const CALLBACK_POLL_MS = 5_000;
const MAX_RETRY_MS = 5_000;
const finished = (job: JobDetails | null) => job?.status === 'COMPLETED' || job?.status === 'FAILED';
const callbackOpen = (job: JobDetails) =>
  job.callback_delivery?.state === 'waiting' || job.callback_delivery?.state === 'pending';
/** Worth asking again: the server or its database is away for a moment (no answer, 5xx, or too many requests). */
const transient = (status?: number) => status === undefined || status >= 500 || status === 429;

/**
 * Polls the job every half second until it ends, then loads its errors once (the panel is keyed by job
 * id, so state starts fresh). A poll that fails for a passing reason is retried with a growing pause,
 * and the panel says so; the job itself keeps running on the server.
 */
function useJob(id: string) {
  const router = useRouter();
  const [job, setJob] = useState<JobDetails | null>(null);
  const [report, setReport] = useState<ErrorReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [retrying, setRetrying] = useState<string | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    let retryMs = POLL_MS;
    let loaded = false;
    const poll = async () => {
      const result = await fetchJob(id);
      if (stopped) return;
      if (!result.ok) {
        if (!transient(result.status)) {
          setError(result.message);
          return;
        }
        setRetrying(result.message);
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
        timer = setTimeout(poll, retryMs);
        return;
      }
      retryMs = POLL_MS;
      setRetrying(null);
      setJob(result.data);
      if (!finished(result.data)) {
        timer = setTimeout(poll, POLL_MS);
        return;
      }
      if (callbackOpen(result.data)) timer = setTimeout(poll, CALLBACK_POLL_MS);
      if (loaded) return;
      loaded = true;
      router.refresh();
      const errors = await fetchErrors(id);
      if (!stopped) setReport(errors.ok ? errors.data : { errors: [], truncated: false });
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [id, router]);
  return { job, report, error, retrying };
}

type Resource = JobDetails['resource'][number];

function Counts({ file }: { file: Resource['file'] }) {
  const items = [
    ['Added', file.added_count],
    ['Updated', file.updated_count],
    ['Skipped', file.skipped_count],
    ['Total', file.total_count],
  ] as const;
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {items.map(([label, value]) => (
        <div key={label} className="rounded-md bg-slate-50 px-3 py-2">
          <dt className="text-xs uppercase text-slate-500">{label}</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid={`count-${label.toLowerCase()}`}>
            {value.toLocaleString('en')}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The counts of each file of a job that reads several (a parent/child job), each under its file's name. */
function FileCounts({ resources }: { resources: Resource[] }) {
  if (resources.length === 1) return <Counts file={resources[0].file} />;
  return (
    <div className="space-y-3">
      {resources.map((resource) => (
        <section key={resource.file.name} aria-label={resource.file.name}>
          <h3 className="mb-1 text-sm font-medium text-slate-700">
            {resource.file.name} <span className="font-normal text-slate-500">({resource.module.api_name})</span>
          </h3>
          <Counts file={resource.file} />
        </section>
      ))}
    </div>
  );
}

/** A job's live progress, its counts, its errors and the result download. */
function CallbackLine({ delivery }: { delivery: NonNullable<JobDetails['callback_delivery']> }) {
  const attempt = `attempt ${delivery.attempts} of ${delivery.max_attempts}`;
  const next = delivery.next_attempt_at
    ? ` Next attempt at ${formatDateTime(new Date(delivery.next_attempt_at))}.`
    : '';
  const lastError = delivery.last_error ? ` Last attempt: ${delivery.last_error}` : '';
  const text = {
    waiting: 'is sent when the job ends.',
    pending: delivery.last_error === null ? 'is being sent.' : `is retried: ${attempt} failed.${lastError}${next}`,
    delivered: `was delivered on ${attempt}.`,
    failed: `was given up after ${delivery.attempts} attempts.${lastError}`,
  }[delivery.state];
  return (
    <p className="text-sm text-slate-700" aria-live="polite">
      Callback to <span className="break-all font-mono text-xs">{delivery.url}</span> {text}
    </p>
  );
}

export function JobPanel({ id }: { id: string }) {
  const { job, report, error, retrying } = useJob(id);
  if (error) return <Alert>{error}</Alert>;
  const reconnecting = retrying && (
    <Alert tone="info">
      Progress cannot be read right now ({retrying}); trying again. The job goes on on the server.
    </Alert>
  );
  if (!job) return reconnecting || <p className="text-sm text-slate-600">Loading job {id}…</p>;
  const processed = job.resource.reduce((rows, r) => rows + r.file.processed_count, 0);
  const total = job.resource.reduce((rows, r) => rows + r.file.total_count, 0);
  const percent = total === 0 ? (finished(job) ? 100 : 0) : Math.round((processed / total) * 100);
  const title = `${job.dry_run ? 'Validation' : 'Import'} ${job.id}: ${job.resource.map((r) => r.module.api_name).join(' + ')}, ${job.operation}`;
  return (
    <Card title={title}>
      <div className="space-y-4">
        <div className="flex items-center gap-3">
          <Badge tone={job.status === 'COMPLETED' ? 'green' : job.status === 'FAILED' ? 'red' : 'blue'}>
            {job.status}
          </Badge>
          <span className="text-sm text-slate-600" aria-live="polite">
            {processed.toLocaleString('en')} of {total.toLocaleString('en')} rows processed
          </span>
        </div>
        <div
          role="progressbar"
          aria-label="Import progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${percent} %`}
          className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full bg-blue-600 transition-all" style={{ width: `${percent}%` }} />
        </div>
        <FileCounts resources={job.resource} />
        {reconnecting}
        {job.status !== 'FAILED' && 'message' in job && job.message && <Alert tone="info">{String(job.message)}</Alert>}
        {job.status === 'FAILED' && (
          <Alert>{'failure_reason' in job ? String(job.failure_reason) : 'The job failed.'}</Alert>
        )}
        {job.dry_run && job.status === 'COMPLETED' && (
          <Alert tone="info">This was a validation: nothing was written. The counts say what an import would do.</Alert>
        )}
        {job.status === 'COMPLETED' && (
          <a href={resultUrl(job.id)} download className={buttonClass('secondary')}>
            Download result
          </a>
        )}
        {job.callback_delivery && <CallbackLine delivery={job.callback_delivery} />}
        {report && report.errors.length > 0 && <ErrorTable errors={report.errors} truncated={report.truncated} />}
        {report && report.errors.length === 0 && job.status === 'COMPLETED' && (
          <p className="text-sm text-green-800">No errors.</p>
        )}
      </div>
    </Card>
  );
}
