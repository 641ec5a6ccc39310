// `npm run load -- --instances N --workers M`: the deployment guide's shape on one machine. N production app
// processes (IMPORT_WORKER=false when M > 0) and M `npm run worker` processes on one PostgreSQL, behind a
// round-robin balancer (balancer.ts) on the load's port; load.ts drives its traffic through the balancer and this
// file checks, with figures, what the instances must share: sessions, the records API rate limit,
// Idempotency-Keys and the import job queue; and measures each process's peak connections.
import { spawn } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { STATS_PATH, type UpstreamStats } from './balancer';
import { idempotencyShared, rateLimitShared, type Check } from './cluster-checks';
import { sessionsShared, signInThrottleShared } from './cluster-sessions';
import { jobsRunOnce, logEnd, type JobRunner } from './cluster-jobs';
import type { ClusterShape } from './cluster-args';
import { ConnectionSampler, connectionLimits } from './pg-connections';
import { startApp, startWorker, stopChild, type PerfEnv, type RunningApp } from './server';

// This script's own connections (load.ts's, the checks') are told apart from the processes it measures.
process.env.PGAPPNAME ||= 'serialstock-load';

export type Cluster = RunningApp & {
  /** Starts sampling connections and, seconds into the traffic, the sharing checks; resolves to their results. */
  whileLoaded(): Promise<Check[]>;
  /** After the traffic: job checks, the balancer's split, the connection budget (PASS/FAIL); true if all pass. */
  report(sharing: Promise<Check[]>, since: Date, runId: string): Promise<boolean>;
};

/**
 * The balancer listens on env.appPort (the load's port, so load.ts needs no other address); instance i on
 * appPort + i. The first instance starts the embedded PostgreSQL and migrates; the others and the workers join it
 * through DATABASE_URL. Every instance gets the same BETTER_AUTH_URL (the balancer's), as the guide says.
 */
export async function startCluster(env: PerfEnv, shape: ClusterShape, extra: Record<string, string>): Promise<Cluster> {
  const instances = Array.from({ length: shape.instances }, (_, i) => {
    const appPort = env.appPort + i + 1;
    return { name: `app-${i + 1}`, env: { ...env, appPort, baseUrl: `http://127.0.0.1:${appPort}` } };
  });
  const shared = {
    ...extra,
    BETTER_AUTH_URL: env.baseUrl,
    TRUST_PROXY: '1',
    ...(shape.workers > 0 ? { IMPORT_WORKER: 'false' } : {}),
  };
  const logOf = (name: string) => `${env.pgDataDir}-${name}.log`;
  const runners: JobRunner[] = (
    shape.workers > 0
      ? Array.from({ length: shape.workers }, (_, i) => `worker-${i + 1}`)
      : instances.map((i) => i.name)
  ).map((name) => ({ name, logFile: logOf(name), logOffset: logEnd(logOf(name)) }));
  const started: RunningApp[] = [];
  const stopAll = async () => {
    // The first instance last: it stops the embedded PostgreSQL the others use.
    for (const child of started.reverse()) await child.stop();
  };
  try {
    const [first, ...others] = instances;
    started.push(await startApp(first.env, { ...shared, PGAPPNAME: `serialstock-${first.name}` }, first.name));
    const joined = { DATABASE_URL: env.databaseUrl };
    const rest = await Promise.all([
      ...others.map((i) => startApp(i.env, { ...shared, ...joined, PGAPPNAME: `serialstock-${i.name}` }, i.name)),
      ...Array.from({ length: shape.workers }, (_, i) =>
        startWorker(env, { PGAPPNAME: `serialstock-worker-${i + 1}` }, `worker-${i + 1}`),
      ),
    ]);
    started.push(...rest);
    started.push(
      await startBalancerProcess(
        env,
        instances.map((i) => i.env.baseUrl),
      ),
    );
  } catch (error) {
    await stopAll();
    throw error;
  }
  console.log(
    `[cluster] ${shape.instances} app instances (${instances.map((i) => i.env.baseUrl).join(', ')}), ` +
      `${shape.workers ? `${shape.workers} worker processes, IMPORT_WORKER=false on the instances` : 'import jobs in the instances'}; ` +
      `balancer ${env.baseUrl}`,
  );
  const db = postgres(env.databaseUrl, { max: 2, onnotice: () => {} });
  const sampler = new ConnectionSampler(db);
  const urls = instances.map((i) => i.env.baseUrl);
  return {
    stop: async () => {
      await sampler.stop();
      await db.end();
      await stopAll();
    },
    whileLoaded: async () => {
      sampler.start();
      // Into the traffic, so the checks run while the instances are busy with it.
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      try {
        const checks = [
          ...(await sessionsShared(urls)),
          ...(await signInThrottleShared(urls)),
          ...(await rateLimitShared(db, urls)),
          ...(await idempotencyShared(db, urls)),
        ];
        console.log('[cluster] sharing checks done');
        return checks;
      } catch (error) {
        // Reported with the other checks at the end rather than as an unhandled rejection mid-traffic.
        return [{ label: `the sharing checks could not run: ${String(error)}`, ok: false }];
      }
    },
    report: async (sharing, since, runId) => {
      await sampler.stop();
      const checks = [...(await sharing), ...(await jobsRunOnce(db, runners, since, `LOAD-${runId}-`))];
      const split = (await fetch(env.baseUrl + STATS_PATH).then((r) => r.json())) as UpstreamStats[];
      console.log(
        `[cluster] balancer: ` +
          split
            .map(
              (u) =>
                `${new URL(u.url).host} ${u.requests} requests (${u.retried} resent after a reset, ${u.errors} failed)`,
            )
            .join(', '),
      );
      checks.push({
        label: `balancer spread the traffic over every instance: ${split.map((u) => u.requests).join(' / ')} requests, ${split.reduce((n, u) => n + u.errors, 0)} failed`,
        ok: split.every((u) => u.requests > 0 && u.errors === 0),
      });
      await printConnectionBudget(db, sampler);
      for (const check of checks) console.log(`${check.ok ? 'PASS' : 'FAIL'}  ${check.label}`);
      return checks.every((check) => check.ok);
    },
  };
}

async function printConnectionBudget(db: postgres.Sql, sampler: ConnectionSampler): Promise<void> {
  const limits = await connectionLimits(db);
  const peaks = [...sampler.peaks].sort(([a], [b]) => a.localeCompare(b));
  console.log(
    `[cluster] peak PostgreSQL connections per process (pg_stat_activity, ${sampler.samples} samples every 250 ms): ` +
      peaks.map(([name, n]) => `${name} ${n}`).join(', ') +
      `; all together ${sampler.peakTotal} of max_connections ${limits.max} (${limits.reserved} reserved for superusers)`,
  );
  console.log(
    `[cluster] lock queues: at most ${sampler.peakLockWaiters} connections waiting on a lock at once, ` +
      `the longest wait ${sampler.longestLockWait.toFixed(1)} s (e.g. postings behind a document series row)`,
  );
  console.log(
    `[cluster] configured pools: app DB_POOL_SIZE ${process.env.DB_POOL_SIZE ?? 10} (+ 4 and 1 LISTEN connection with ` +
      'an in-process import worker), worker 4 + 1 LISTEN connection (db/client.ts, scripts/worker.ts)',
  );
}

/** The balancer in a process of its own (see balancer.ts); up when it answers its stats path. */
async function startBalancerProcess(env: PerfEnv, upstreams: string[]): Promise<RunningApp> {
  const logFile = `${env.pgDataDir}-balancer.log`;
  mkdirSync(path.dirname(logFile), { recursive: true });
  const out = openSync(logFile, 'a');
  const child = spawn('node', ['--import', 'tsx', 'scripts/perf/balancer.ts', String(env.appPort), ...upstreams], {
    stdio: ['ignore', out, out],
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the balancer exited with code ${child.exitCode} (see ${logFile})`);
    const up = await fetch(env.baseUrl + STATS_PATH).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { stop: () => stopChild(child) };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stopChild(child);
  throw new Error('the balancer did not answer within 30 s');
}
