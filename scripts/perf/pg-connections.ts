import type postgres from 'postgres';

/**
 * Samples pg_stat_activity while the load runs and keeps, per application_name (one per process: db/client.ts
 * applicationName, PGAPPNAME), the most connections seen at once: the connection budget each process really
 * needs, to size max_connections by (README, Deployment). Every 250 ms: a pool grows only while requests
 * queue for a connection, which lasts far longer than that under load.
 */
export class ConnectionSampler {
  readonly peaks = new Map<string, number>();
  peakTotal = 0;
  samples = 0;
  /** Most connections seen waiting on a lock at once, and the longest such wait (s): queues behind a row lock. */
  peakLockWaiters = 0;
  longestLockWait = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: postgres.Sql,
    private readonly everyMs = 250,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.running = this.sample().catch((error) => console.error('[cluster] pg_stat_activity sample failed:', error));
    }, this.everyMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async sample(): Promise<void> {
    const rows = await this.db<{ name: string; count: number; waiting: number; longest: number }[]>`
      select coalesce(nullif(application_name, ''), '(unnamed)') as name, count(*)::int as count,
        count(*) filter (where wait_event_type = 'Lock')::int as waiting,
        coalesce(max(extract(epoch from now() - query_start)) filter (where wait_event_type = 'Lock'), 0)::float8
          as longest
      from pg_stat_activity where datname = current_database() and backend_type = 'client backend'
      group by 1`;
    this.samples++;
    let total = 0;
    let waiting = 0;
    for (const { name, count, waiting: w, longest } of rows) {
      total += count;
      waiting += w;
      this.peaks.set(name, Math.max(this.peaks.get(name) ?? 0, count));
      this.longestLockWait = Math.max(this.longestLockWait, longest);
    }
    this.peakTotal = Math.max(this.peakTotal, total);
    this.peakLockWaiters = Math.max(this.peakLockWaiters, waiting);
  }
}

/** `max_connections` and the slots reserved for superusers: what N instances and M workers must fit under. */
export async function connectionLimits(db: postgres.Sql): Promise<{ max: number; reserved: number }> {
  const [row] = await db<{ max: number; reserved: number }[]>`
    select current_setting('max_connections')::int as max,
      current_setting('superuser_reserved_connections')::int as reserved`;
  return row;
}
