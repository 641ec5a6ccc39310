// npm run load — 50 concurrent signed-in users against the production build for LOAD_SECONDS (60): 35
// readers, 12 posters and 3 importers, each sending a request a second (LOAD_RATE), driven by autocannon,
// then the stock integrity queries. Prints PASS/FAIL per criterion and exits non-zero on any FAIL.
// LOAD_WORKER=separate runs the import jobs in a worker process of their own (see below).
// Targets the large data set (npm run seed:large) unless PG_DATA_DIR / DATABASE_URL say otherwise; see docs/quality.md.
import autocannon, { type Request as CannonRequest, type Result } from 'autocannon';
import { randomBytes } from 'node:crypto';
import type postgres from 'postgres';
import { checkIntegrity } from './integrity';
import { DOCUMENT_SHARE, navigation, rscParams } from './browser-reads';
import { importRequests, loadFixtures, postingRequests, readRequests, Tally, type Fixtures } from './load-traffic';
import {
  apiKey,
  assertSignedIn,
  describeData,
  ensureProductionBuild,
  machineLoad,
  openDb,
  percentile,
  perfEnv,
  sessionCookie,
  startApp,
  startWorker,
} from './server';
import { startCluster } from './cluster';
import { clusterArgs } from './cluster-args';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const USERS = Number(process.env.LOAD_USERS ?? 50);
// LOAD_RATE: requests per second per user (1 by default: a page, a posting or an upload every second, each
// user starting at a random moment of the first second, so users do not all click at once); 0 makes every
// user a closed loop without think time (the next request as soon as the last is answered): a stress test
// of the machine's capacity rather than a model of people.
const RATE = Number(process.env.LOAD_RATE ?? 1);
const split = { reads: Math.round(USERS * 0.7), postings: Math.round(USERS * 0.24), imports: 0 };
split.imports = Math.max(1, USERS - split.reads - split.postings);
const runId = randomBytes(3).toString('hex').toUpperCase();
// `-- --instances N --workers M`: N app processes and M workers behind a balancer on the same port (cluster.ts).
const clusterShape = clusterArgs(process.argv.slice(2));

const env = perfEnv();
ensureProductionBuild();
// The records API's limiter still counts every request (one upsert each); only its ceiling is raised so it measures
// capacity, not the limit.
// LOAD_WORKER=separate: the deployment guide's shape, imports in a worker process of their own
// (`npm run worker`) and the web process with IMPORT_WORKER=false; the default runs them in the web process.
const separateWorker = process.env.LOAD_WORKER === 'separate';
const cluster = clusterShape ? await startCluster(env, clusterShape, { RECORDS_RATE_LIMIT: '1000000' }) : null;
const app =
  cluster ??
  (await startApp(env, {
    RECORDS_RATE_LIMIT: '1000000',
    ...(separateWorker ? { IMPORT_WORKER: 'false' } : {}),
  }));
const worker = separateWorker && !cluster ? await startWorker(env) : null;
const db = openDb(env);
let failed = true;
try {
  const fixtures = await prepare(db);
  console.log(`[perf] ${await describeData(db)}`);
  await warmUp(fixtures);
  console.log(
    `[load] import jobs run ${clusterShape ? `as --workers ${clusterShape.workers} says` : separateWorker ? 'in a separate worker process (LOAD_WORKER=separate)' : 'in the web process'}`,
  );
  console.log(
    `[load] ${USERS} connections (${split.reads} reading pages: ${DOCUMENT_SHARE === 1 ? 'every one an HTML document' : `${DOCUMENT_SHARE * 100} % HTML documents, the rest a click's RSC navigation`}; ${split.postings} posting receipts and issues, ${split.imports} importing)` +
      ` for ${SECONDS} s${RATE ? ` at ${RATE} requests/s per connection` : ', each sending its next request as soon as the last one is answered'}; ${machineLoad()}`,
  );
  const classes = [
    { name: 'reads', connections: split.reads, tally: new Tally(), build: readRequests },
    {
      name: 'postings',
      connections: split.postings,
      tally: new Tally(),
      build: (f: Fixtures, t: Tally) => postingRequests(f, t, runId),
    },
    {
      name: 'imports',
      connections: split.imports,
      tally: new Tally(),
      build: (f: Fixtures, t: Tally) => importRequests(f, t, runId),
    },
  ];
  const began = Date.now();
  const sharing = cluster?.whileLoaded();
  const progress = setInterval(
    () =>
      console.log(
        `[load] ${Math.round((Date.now() - began) / 1000)} s: ` +
          classes.map((c) => `${c.name} ${c.tally.latencies.length}`).join(', '),
      ),
    10_000,
  );
  const results = await Promise.all(classes.map((c) => run(c.connections, () => c.build(fixtures, c.tally))));
  clearInterval(progress);
  console.log(`[load] ${machineLoad()}`);
  console.log('[load] traffic done; waiting for the import jobs to finish…');
  const jobs = await waitForJobs(db, new Date(began));
  failed = !report(
    classes.map((c, i) => ({ ...c, result: results[i] })),
    jobs,
    await checkIntegrity(env.databaseUrl),
  );
  if (cluster && !(await cluster.report(sharing!, new Date(began), runId))) failed = true;
} catch (error) {
  console.error('[load] failed:', error);
} finally {
  await db.end();
  await worker?.stop();
  await app.stop();
}
process.exit(failed ? 1 : 0);

/** Load users (admins, so every page is theirs to read) with DB sessions, and API keys for the writers. */
async function prepare(sql: postgres.Sql): Promise<Fixtures> {
  const emails = Array.from({ length: split.reads }, (_, i) => `load-${i + 1}@example.com`);
  await sql`insert into "user" (name, email, role, email_verified)
    select 'Load user ' || n, 'load-' || n || '@example.com', 'admin', true from generate_series(1, ${split.reads}::int) n
    on conflict (email) do nothing`;
  const cookies = await Promise.all(emails.map((email) => sessionCookie(sql, email)));
  await assertSignedIn(env.baseUrl, cookies[0]);
  const postKeys = await Promise.all(
    Array.from({ length: split.postings }, (_, i) => apiKey(sql, `load poster ${i + 1}`, 'warehouse')),
  );
  // Each importer is its own client (user): the per-user cap on waiting jobs applies to each separately, as in real
  // use.
  await sql`insert into "user" (name, email, role, email_verified)
    select 'Load importer ' || n, 'load-importer-' || n || '@example.com', 'admin', true from generate_series(1, ${split.imports}::int) n
    on conflict (email) do nothing`;
  const importKeys = await Promise.all(
    Array.from({ length: split.imports }, (_, i) =>
      apiKey(sql, `load importer ${i + 1}`, 'admin', `load-importer-${i + 1}@example.com`),
    ),
  );
  return loadFixtures(sql, { cookies, postKeys, importKeys });
}

/** One pass over every page first: the first hit of a route loads its code, which is start-up cost, not load. */
async function warmUp(f: Fixtures): Promise<void> {
  for (const path of new Set(f.readUrls.map((u) => u.replace(/\/\d+$/, '/ID')))) {
    const url = f.readUrls.find((u) => u.replace(/\/\d+$/, '/ID') === path)!;
    await fetch(env.baseUrl + url, { headers: { cookie: f.cookies[0] } }).then((r) => r.arrayBuffer());
  }
  f.rscHashes = await rscParams(env.baseUrl, f.cookies[0], f.readUrls);
  for (const url of f.readUrls.slice(0, 20)) {
    const { path, headers } = navigation(url, f.rscHashes, f.cookies[0]);
    const answer = await fetch(env.baseUrl + path, { headers, redirect: 'manual' });
    await answer.arrayBuffer();
    if (answer.status !== 200) throw new Error(`a navigation to ${url} answered ${answer.status}`);
  }
}

function cannon(connections: number, requests: CannonRequest[], paced: boolean): Promise<Result> {
  return autocannon({
    // Paced runs: autocannon's coordinated-omission correction (1 ms expected interval) would fill its histogram
    // with synthetic low values; our own per-request times are the figures that count anyway.
    url: env.baseUrl,
    connections,
    duration: SECONDS,
    requests,
    timeout: 10,
    ...(paced ? { connectionRate: RATE, ignoreCoordinatedOmission: true } : {}),
  });
}

/**
 * A traffic class's users. Closed loop: one autocannon with a connection per user. Paced: one autocannon
 * per user, started at a random moment within the first pacing interval: autocannon starts a run's
 * connections together and paces each from its start, so one instance for all would send every user's
 * request in the same instant, once a second. Each user's `build` gets its own request sequence.
 */
async function run(
  connections: number,
  build: () => CannonRequest[],
): Promise<Pick<Result, 'errors' | 'timeouts'> & { latency?: Result['latency'] }> {
  if (!RATE) return cannon(connections, build(), false);
  const users = await Promise.all(
    Array.from({ length: connections }, async () => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * (1000 / RATE)));
      return cannon(1, build(), true);
    }),
  );
  return { errors: users.reduce((n, u) => n + u.errors, 0), timeouts: users.reduce((n, u) => n + u.timeouts, 0) };
}

/** The jobs this run created (and the rows they skipped), once none is waiting or running, or after 2 minutes. */
async function waitForJobs(sql: postgres.Sql, since: Date) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const [row] = await sql`select count(*) filter (where status in ('ADDED', 'IN PROGRESS'))::int as pending,
      count(*) filter (where status = 'COMPLETED')::int as completed, count(*) filter (where status = 'FAILED')::int as failed,
      coalesce(sum(skipped_count), 0)::int as skipped
      from import_job where created_at >= ${since}`;
    if (row.pending === 0 || Date.now() > deadline)
      return row as { pending: number; completed: number; failed: number; skipped: number };
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

type ClassResult = { name: string; tally: Tally; result: Awaited<ReturnType<typeof run>> };

function report(
  classes: ClassResult[],
  jobs: { pending: number; completed: number; failed: number; skipped: number },
  integrity: { label: string; bad: number }[],
): boolean {
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  for (const { name, tally, result } of classes) {
    const errs = [...tally.unexpected].map(([k, v]) => `${k} ×${v}`).join(', ') || 'none';
    console.log(
      `[load] ${name}: ${tally.latencies.length} answers (${(tally.latencies.length / SECONDS).toFixed(1)}/s), ${tally.ok} ok, ${tally.refused} business refusals,` +
        ` unexpected: ${errs}; socket errors ${result.errors}, timeouts ${result.timeouts}`,
    );
    console.log(
      `[load]   latency p50 ${ms(percentile(tally.latencies, 50))}, p95 ${ms(percentile(tally.latencies, 95))}, p99 ${ms(percentile(tally.latencies, 99))},` +
        ` max ${ms(Math.max(...tally.latencies))}` +
        (result.latency
          ? ` (autocannon: p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms)`
          : ''),
    );
    for (const [kind, latencies] of tally.byKind)
      console.log(
        `[load]   ${kind}: ${latencies.length} answers, p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}`,
      );
    for (const s of tally.samples) console.log(`[load]   e.g. ${s}`);
  }
  console.log(
    `[load] import jobs: ${jobs.completed} completed, ${jobs.failed} failed, ${jobs.pending} still pending; rows skipped ${jobs.skipped}`,
  );
  const byName = Object.fromEntries(classes.map((c) => [c.name, c]));
  const unexpected = classes.reduce(
    (n, c) => n + [...c.tally.unexpected.values()].reduce((a, b) => a + b, 0) + c.result.errors + c.result.timeouts,
    0,
  );
  const criteria: [string, boolean][] = [
    [
      `no errors other than business refusals (5xx, other 4xx, timeouts, socket errors, failed jobs): ${unexpected + jobs.failed + jobs.pending}`,
      unexpected + jobs.failed + jobs.pending === 0,
    ],
    [
      `reads p95 < 500 ms: ${ms(percentile(byName.reads.tally.latencies, 95))}`,
      percentile(byName.reads.tally.latencies, 95) < 500,
    ],
    [
      `postings p95 < 1000 ms: ${ms(percentile(byName.postings.tally.latencies, 95))}`,
      percentile(byName.postings.tally.latencies, 95) < 1000,
    ],
    ...integrity.map((c): [string, boolean] => [`${c.label}: ${c.bad}`, c.bad === 0]),
  ];
  for (const [label, ok] of criteria) console.log(`${ok ? 'PASS' : 'FAIL'}  ${label}`);
  return criteria.every(([, ok]) => ok);
}
