import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type postgres from 'postgres';
import type { Db } from '@/db/client';
import { IMPORT_CHANNEL } from '@/lib/import/jobs/notify';
import type { Lease } from '@/lib/import/run/chunk';
import { failJob } from '@/lib/import/run/finish';
import { DEFAULT_CHUNK_ROWS, runJob } from '@/lib/import/run/run-job';
import { deliverDueCallback } from './callbacks';
import { claimJob, heartbeat, releaseJob } from './lease';
import { Wakeup } from './wakeup';

export interface WorkerOptions {
  /** A job whose heartbeat is older than this is taken over (its worker is presumed dead). */
  staleMs: number;
  /** How often to look for work without a notification (stale jobs, due callback retries). */
  pollMs: number;
  chunkRows: number;
  log: (message: string, error?: unknown) => void;
}

export function workerOptionsFromEnv(): WorkerOptions {
  return {
    staleMs: Number(process.env.IMPORT_STALE_MS ?? 30_000),
    pollMs: Number(process.env.IMPORT_POLL_MS ?? 2_000),
    chunkRows: Number(process.env.IMPORT_CHUNK_ROWS ?? DEFAULT_CHUNK_ROWS),
    log: (message, error) => (error ? console.error(`[import-worker] ${message}`, error) : console.log(`[import-worker] ${message}`)),
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

  constructor(private readonly holder: { db: Db; sql: postgres.Sql }, private readonly options: WorkerOptions = workerOptionsFromEnv()) {}

  async start(): Promise<void> {
    const listener = await this.holder.sql.listen(IMPORT_CHANNEL, (payload) => {
      if (payload.startsWith('callback')) this.callbacksWakeup.wake();
      else this.jobsWakeup.wake();
    }, () => {
      // (Re)connected: anything announced while the connection was down is picked up now.
      this.jobsWakeup.wake();
      this.callbacksWakeup.wake();
    });
    this.unlisten = listener.unlisten;
    this.loops = [this.jobLoop(), this.callbackLoop()];
    this.options.log(`worker ${this.id} started`);
  }

  /** Finishes the chunk in progress, hands the job back and stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.jobsWakeup.wake();
    this.callbacksWakeup.wake();
    await Promise.all(this.loops);
    await this.unlisten?.().catch(() => undefined);
  }

  private async jobLoop() {
    while (!this.stopping) {
      try {
        const jobId = await claimJob(this.holder.db, this.id, this.options.staleMs);
        if (jobId !== null) {
          await this.runClaimed({ jobId, workerId: this.id });
          continue;
        }
      } catch (error) {
        this.options.log('could not claim a job', error);
      }
      await this.jobsWakeup.wait(this.options.pollMs);
    }
  }

  private async runClaimed(lease: Lease) {
    const { db } = this.holder;
    const beatEvery = Math.max(200, Math.min(10_000, this.options.staleMs / 4));
    const beat = setInterval(() => { heartbeat(db, lease).catch((error) => this.options.log('heartbeat failed', error)); }, beatEvery);
    try {
      const result = await runJob(db, lease, { chunkRows: this.options.chunkRows, shouldStop: () => this.stopping });
      if (result === 'interrupted') await releaseJob(db, lease);
      this.options.log(`job ${lease.jobId}: ${result}`);
    } catch (error) {
      this.options.log(`job ${lease.jobId} failed`, error);
      await failJob(db, lease, 'The job stopped on an unexpected error. Rows reported as added or updated were applied; the others were not processed.')
        .catch((failure) => this.options.log(`job ${lease.jobId}: could not record the failure`, failure));
    } finally {
      clearInterval(beat);
    }
  }

  private async callbackLoop() {
    while (!this.stopping) {
      try {
        if (await deliverDueCallback(this.holder.db)) continue;
      } catch (error) {
        this.options.log('callback delivery failed', error);
      }
      await this.callbacksWakeup.wait(this.options.pollMs);
    }
  }
}
