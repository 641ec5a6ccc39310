// Fault scenario 3 (`npm run faults`; alone: npx tsx --conditions=react-server scripts/faults/two-workers.ts).
// The production app runs its in-process worker while two `npm run worker` processes share the same
// database; eight jobs (Items and goods receipts with serials) are spread over the three through
// FOR UPDATE SKIP LOCKED, and one of the separate workers is killed with SIGKILL mid-run. No row may be
// processed twice: each job's row results exactly once, and its effects exactly once.
// Own ports and a fresh data folder: FAULTS_PORT (3702), FAULTS_PG_PORT (54702), FAULTS_DATA_DIR
// (./.data/faults-workers).
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { APP_DIR, appConfig, databaseUrl, sleep } from './lib/app';
import { startScenario } from './lib/scenario';
import { adminApiKey, Api, countOf, startImport } from './lib/clients';
import { jobInvariants, report, stockInvariants, type Check } from './lib/invariants';
import { createFaultCatalog, FAULT_DATE, TRACKED, WAREHOUSE } from './lib/postings';

const ITEM_JOBS = 6;
const ITEM_ROWS = 4_000;
const RECEIPT_JOBS = 2;
const RECEIPT_ROWS = 2_500;
const CHUNK_ROWS = '250';
const config = { ...appConfig('faults-workers', 3702, 54702), env: { IMPORT_CHUNK_ROWS: CHUNK_ROWS } };

const itemsCsv = (job: number) =>
  Buffer.from(
    ['Code,Name', ...Array.from({ length: ITEM_ROWS }, (_, i) => `W${job}-${i},Worker test item ${job}/${i}`)].join(
      '\r\n',
    ),
  );
const receiptsCsv = (job: number) =>
  Buffer.from(
    [
      'Number,Date,Warehouse,Item,Quantity,Serial_Numbers',
      ...Array.from(
        { length: RECEIPT_ROWS },
        (_, i) =>
          `WR${job}-${Math.floor(i / 50)},${FAULT_DATE},${WAREHOUSE},${TRACKED},1,WS${job}-${String(i).padStart(5, '0')}`,
      ),
    ].join('\r\n'),
  );

/** `npm run worker` (scripts/worker.ts) as its own process, logging to a file next to the app's. */
function startWorker(n: number): ChildProcess {
  const log = createWriteStream(path.join(path.dirname(config.dataDir), `faults-workers-worker${n}.log`));
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
    cwd: APP_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: databaseUrl(config), IMPORT_CHUNK_ROWS: CHUNK_ROWS, NODE_ENV: 'production' },
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return child;
}

async function main() {
  const { app, db, sql: client } = await startScenario('two-workers', config);
  const workers = [startWorker(1), startWorker(2)];
  let passed = false;
  try {
    const api = new Api(app.url, await adminApiKey(db));
    await createFaultCatalog(api);
    await sleep(3_000); // the separate workers migrate (a no-op) and LISTEN
    const jobs: { id: string; rows: number; kind: 'items' | 'receipts'; n: number }[] = [];
    for (let n = 0; n < ITEM_JOBS; n++)
      jobs.push({
        id: await startImport(api, itemsCsv(n), `items${n}.csv`, 'Items'),
        rows: ITEM_ROWS,
        kind: 'items',
        n,
      });
    for (let n = 0; n < RECEIPT_JOBS; n++)
      jobs.push({
        id: await startImport(api, receiptsCsv(n), `receipts${n}.csv`, 'Goods_Receipts'),
        rows: RECEIPT_ROWS,
        kind: 'receipts',
        n,
      });
    const totalRows = jobs.reduce((sum, job) => sum + job.rows, 0);
    const started = Date.now();
    console.log(
      `[two-workers] ${jobs.length} jobs, ${totalRows.toLocaleString('en')} rows; workers: next-server ${app.serverPid()} and worker processes ${workers.map((w) => w.pid).join(', ')}`,
    );

    // Who holds which job, sampled every 50 ms (locked_by is host:pid:random of the worker).
    const holders = new Map<string, Set<string>>();
    let killed: { pid: number; heldJobs: string[]; atRows: number } | null = null;
    const ids = `{${jobs.map((job) => job.id).join(',')}}`;
    for (const deadline = Date.now() + 600_000; Date.now() < deadline;) {
      const rows = await db.execute<{ id: string; locked_by: string | null; status: string; processed: number }>(sql`
        select id::text, locked_by, status, processed_count as processed from import_job where id = any(${ids}::bigint[])`);
      for (const row of rows)
        if (row.locked_by)
          holders.set(row.locked_by.split(':')[1], (holders.get(row.locked_by.split(':')[1]) ?? new Set()).add(row.id));
      const processed = rows.reduce((sum, row) => sum + row.processed, 0);
      const victim = workers[1];
      const victimJobs = rows.filter((row) => row.locked_by?.split(':')[1] === String(victim.pid)).map((row) => row.id);
      if (!killed && processed >= totalRows * 0.3 && victimJobs.length > 0) {
        victim.kill('SIGKILL');
        killed = { pid: victim.pid!, heldJobs: victimJobs, atRows: processed };
        console.log(
          `[two-workers] SIGKILL of worker ${victim.pid} holding job ${victimJobs.join(', ')} at ${processed.toLocaleString('en')} rows processed`,
        );
      }
      if (rows.every((row) => row.status === 'COMPLETED' || row.status === 'FAILED')) break;
      await sleep(50);
    }
    const seconds = (Date.now() - started) / 1000;
    const byPid = [...holders].map(([pid, held]) => `${pid}: ${held.size} job(s)`).join('; ');
    console.log(`[two-workers] all jobs ended after ${seconds.toFixed(1)} s; jobs held per worker process: ${byPid}`);

    const checks: Check[] = [
      {
        name: 'at least three workers took part',
        ok: holders.size >= 3,
        detail: `${holders.size} worker processes held jobs (${[...holders.keys()].join(', ')})`,
      },
      {
        name: 'a worker was killed holding a job',
        ok: killed !== null,
        detail: killed ? `pid ${killed.pid}, job ${killed.heldJobs.join(', ')}` : 'never held one at 30%',
      },
    ];
    for (const job of jobs) {
      checks.push(...(await jobInvariants(db, job.id, { total: job.rows, skipped: 0 })));
      const effects =
        job.kind === 'items'
          ? await countOf(db, sql`select count(*)::int as n from item where code like ${`W${job.n}-%`}`)
          : await countOf(
              db,
              sql`select count(*)::int as n from serial_number s where s.serial like ${`WS${job.n}-%`}
            and (select count(*) from serial_movement m where m.serial_id = s.id) = 1`,
            );
      checks.push({
        name: `job ${job.id}: effects exactly once`,
        ok: effects === job.rows,
        detail: `${effects} ${job.kind === 'items' ? 'items' : 'serials received once'} for ${job.rows} rows`,
      });
    }
    checks.push(...(await stockInvariants(db)));
    passed = report(`[two-workers] ${checks.length} checks`, checks);
  } finally {
    for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGTERM');
    await client.end({ timeout: 5 });
    await app.stop();
  }
  console.log(`[two-workers] ${passed ? 'PASS' : 'FAIL'}`);
  process.exitCode = passed ? 0 : 1;
}

await main();
