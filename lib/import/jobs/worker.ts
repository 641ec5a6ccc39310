import { allPipelined } from '@/lib/sql-pipeline';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type postgres from 'postgres';
import { createDb, type Db } from '@/db/client';
import { IMPORT_CHANNEL } from './notify';
import { failJob } from './finish';
import { runJob } from './run-job';
import { deliverDueCallback } from '@/lib/import/jobs/callbacks/due';
import { describeOutage, isDatabaseUnavailable } from '@/lib/db-errors';
import { outageBackoffMs } from './db-outage';
import { installDriverCrashGuard } from './driver-guard';
import { claimJob, heartbeat, notePause, releaseJob, type Lease } from './lease';
import { Wakeup } from './wakeup';

export interface WorkerOptions {
  /** A job whose heartbeat is older than this is taken over (its worker is presumed dead). */
  staleMs: number;
  /** How often to look for work without a notification (stale jobs, due callback retries). */
  pollMs: number;
  /** Rows per chunk; unset (the default), each job's chunks are sized to its speed (lib/import/jobs/chunk-size.ts). */
  chunkRows?: number;
  log: (message: string, error?: unknown) => void;
}

type Pool = { db: Db; sql: postgres.Sql; url?: string };

export function workerOptionsFromEnv(): WorkerOptions {
  return {
    staleMs: Number(process.env.IMPORT_STALE_MS ?? 30_000),
    pollMs: Number(process.env.IMPORT_POLL_MS ?? 2_000),
    chunkRows: process.env.IMPORT_CHUNK_ROWS ? Number(process.env.IMPORT_CHUNK_ROWS) : undefined,
    log: (message, error) =>
      error ? console.error(`[import-worker] ${message}`, error) : console.log(`[import-worker] ${message}`),
  };
}

/**
 * Runs bulk write jobs and their callbacks. Any number of workers (in the server process and in
 * `npm run worker` processes) share the job table: claims use FOR UPDATE SKIP LOCKED, NOTIFY wakes
 * them, polling catches what a notification cannot announce (a dead worker's job, a due retry).
 */
export class ImportWorker {
  readonly id = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private stopping = false;
  private readonly jobsWakeup = new Wakeup();
  private readonly callbacksWakeup = new Wakeup();
  private loops: Promise<void>[] = [];
  private unlisten: (() => Promise<void>) | null = null;
  /** The pool jobs and callbacks run on: the one given, or after an outage a fresh one of our own. */
  private pool: Pool;
  private readonly ownPools: postgres.Sql[] = [];

  constructor(
    private readonly holder: Pool,
    private readonly options: WorkerOptions = workerOptionsFromEnv(),
  ) {
    this.pool = holder;
  }

  async start(): Promise<void> {
    installDriverCrashGuard((message) => this.options.log(message));
    const listener = await this.holder.sql.listen(
      IMPORT_CHANNEL,
      (payload) => {
        if (payload.startsWith('callback')) this.callbacksWakeup.wake();
        else this.jobsWakeup.wake();
      },
      () => {
        // (Re)connected: anything announced while the connection was down is picked up now.
        this.jobsWakeup.wake();
        this.callbacksWakeup.wake();
      },
    );
    this.unlisten = listener.unlisten;
    this.loops = [this.jobLoop(), this.callbackLoop()];
    this.options.log(`worker ${this.id} started`);
  }

  /** Finishes the chunk in progress, hands the job back and stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.jobsWakeup.wake();
    this.callbacksWakeup.wake();
    await allPipelined(this.loops);
    await this.unlisten?.().catch(() => undefined);
    await allPipelined(this.ownPools.map((sql) => sql.end({ timeout: 5 }).catch(() => undefined)));
  }

  private async jobLoop() {
    while (!this.stopping) {
      try {
        const jobId = await claimJob(this.pool.db, this.id, this.options.staleMs);
        if (jobId !== null) {
          await this.runClaimed({ jobId, workerId: this.id });
          continue;
        }
      } catch (error) {
        this.logFailure('could not claim a job', error);
      }
      await this.jobsWakeup.wait(this.options.pollMs);
    }
  }

  private async runClaimed(lease: Lease) {
    const beatEvery = Math.max(200, Math.min(10_000, this.options.staleMs / 4));
    const beat = setInterval(() => {
      heartbeat(this.pool.db, lease).catch((error) => this.logFailure('heartbeat failed', error));
    }, beatEvery);
    try {
      for (;;) {
        const { db } = this.pool;
        try {
          const result = await runJob(db, lease, {
            chunkRows: this.options.chunkRows,
            shouldStop: () => this.stopping,
          });
          if (result === 'interrupted') await releaseJob(db, lease);
          this.options.log(`job ${lease.jobId}: ${result}`);
          return;
        } catch (error) {
          // A lost database is not the job's fault: the open chunk rolled back, so wait and resume.
          if (!isDatabaseUnavailable(error)) throw error;
          this.renewPool();
          if (!(await this.waitForDatabase(lease, new Date(), error))) return;
        }
      }
    } catch (error) {
      this.options.log(`job ${lease.jobId} failed`, error);
      await failJob(
        this.pool.db,
        lease,
        'The job stopped on an unexpected error. Rows reported as added or updated were applied; the others were not processed.',
      ).catch((failure) => this.options.log(`job ${lease.jobId}: could not record the failure`, failure));
    } finally {
      clearInterval(beat);
    }
  }

  /**
   * Retries with backoff until the database answers, then notes the pause on the job (the status API
   * shows it as `message`). False when this worker should let go: it is stopping, or another worker
   * took the job over meanwhile (a long outage makes our heartbeat stale); either way it stays IN PROGRESS.
   */
  private async waitForDatabase(lease: Lease, lostAt: Date, error: unknown): Promise<boolean> {
    this.options.log(
      `job ${lease.jobId}: waiting for the database (connection lost at ${lostAt.toISOString()}: ${describeOutage(error)}), retrying`,
    );
    for (let attempt = 0; !this.stopping; attempt++) {
      await this.jobsWakeup.wait(outageBackoffMs(attempt));
      if (this.stopping) break;
      const note = `The database connection was lost at ${lostAt.toISOString()} (${describeOutage(error)}); the job waited and resumed at `;
      try {
        const held = await notePause(this.pool.db, lease, note);
        this.options.log(
          `job ${lease.jobId}: database is back at ${new Date().toISOString()}, ${held ? 'resuming' : 'taken over by another worker meanwhile'}`,
        );
        return held;
      } catch (retryError) {
        if (!isDatabaseUnavailable(retryError)) throw retryError;
        // A fresh pool tries at once instead of after the old pool's reconnect backoff (db/client.ts), and
        // it cannot hold a connection the unrepaired driver left unable to send (see renewPool).
        this.renewPool();
      }
    }
    this.options.log(
      `job ${lease.jobId}: stopping while the database is away; the job stays IN PROGRESS for the next worker`,
    );
    return false;
  }

  /**
   * postgres.js 3.4.9 can leave a connection that died inside a transaction unable to send anything
   * ever again (porsager/postgres#1208: a stale write timer; its queries then wait for a reply that
   * never comes). `npm install` repairs the driver (scripts/patch-postgres-driver.mjs); this stays for an
   * install that skipped scripts. After an outage the worker goes on with a fresh pool and drops the old one if it
   * opened it itself (the given pool belongs to the caller, who ends it).
   */
  private renewPool() {
    const stale = this.pool;
    if (!stale.url) return;
    this.pool = createDb(stale.url, stale.sql.options.max);
    this.ownPools.push(this.pool.sql);
    const index = this.ownPools.indexOf(stale.sql);
    if (index >= 0) {
      this.ownPools.splice(index, 1);
      stale.sql.end({ timeout: 0 }).catch(() => undefined);
    }
  }

  /** An outage is one line per failure, not a stack trace every poll. */
  private logFailure(what: string, error: unknown) {
    if (isDatabaseUnavailable(error)) this.options.log(`${what}: database unavailable (${describeOutage(error)})`);
    else this.options.log(what, error);
  }

  private async callbackLoop() {
    while (!this.stopping) {
      try {
        if (await deliverDueCallback(this.pool.db)) continue;
      } catch (error) {
        this.logFailure('callback delivery failed', error);
      }
      await this.callbacksWakeup.wait(this.options.pollMs);
    }
  }
}
