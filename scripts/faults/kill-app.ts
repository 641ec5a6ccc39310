// Fault scenario 1 (`npm run faults` runs it; alone: npx tsx --conditions=react-server scripts/faults/kill-app.ts).
// The production app serves concurrent postings through the records API and runs a 25,000-row goods
// receipt import (/crm/v8/upload + /crm/bulk/v8/write) when it is killed with SIGKILL, twice, mid-import;
// after each restart the import must resume, and at the end every invariant must hold.
// Own ports and a fresh data folder: FAULTS_PORT (3700), FAULTS_PG_PORT (54700), FAULTS_DATA_DIR (./.data/faults-kill).
import { sql } from 'drizzle-orm';
import { appConfig, sleep } from './lib/app';
import { startScenario } from './lib/scenario';
import { adminApiKey, Api, countOf, jobRow, startImport, waitForJob } from './lib/clients';
import { jobInvariants, report, stockInvariants, type Check } from './lib/invariants';
import { BULK, createFaultCatalog, FAULT_DATE, startPostings, TRACKED, WAREHOUSE } from './lib/postings';

const ROWS = Number(process.env.FAULTS_ROWS ?? 25_000);
const LINES_PER_DOCUMENT = 10;
const CLERKS = Number(process.env.FAULTS_CLERKS ?? 4);
const KILL_AT = (process.env.FAULTS_KILL_AT ?? '0.25,0.65').split(',').map(Number);
// The records API's per-key limit (600 a minute) would throttle the clerks; the scenario is about faults, not limits.
const config = { ...appConfig('faults-kill', 3700, 54700), env: { RECORDS_RATE_LIMIT: '1000000' } };

/** 2,500 receipts of 10 lines: even lines one serial of the tracked item, odd lines 2 m of the bulk item. */
function receiptsCsv(): Buffer {
  const lines = ['Number,Date,Warehouse,Partner,Item,Quantity,Serial_Numbers'];
  for (let row = 0; row < ROWS; row++) {
    const doc = Math.floor(row / LINES_PER_DOCUMENT);
    const number = `IMP-${String(doc).padStart(5, '0')}`;
    lines.push(
      row % 2 === 0
        ? `${number},${FAULT_DATE},${WAREHOUSE},FLT-SUP,${TRACKED},1,IMP-S${String(row).padStart(6, '0')}`
        : `${number},${FAULT_DATE},${WAREHOUSE},FLT-SUP,${BULK},2,`,
    );
  }
  return Buffer.from(lines.join('\r\n'));
}

type Crash = {
  processedAtKill: number;
  postingsInFlight: number;
  killedPids: number[];
  immediate: Check[];
  readyMs: number;
  resumeMs: number;
};

async function main() {
  const { app, db, sql: client } = await startScenario('kill-app', config);
  let passed = false;
  try {
    const api = new Api(app.url, await adminApiKey(db));
    await createFaultCatalog(api);
    const clerks = await Promise.all(
      Array.from({ length: CLERKS }, async () => new Api(app.url, await adminApiKey(db))),
    );
    const postings = startPostings(clerks);
    await sleep(2_000);
    const started = Date.now();
    const jobId = await startImport(api, receiptsCsv(), 'receipts.csv', 'Goods_Receipts');
    console.log(
      `[kill-app] job ${jobId}: ${ROWS.toLocaleString('en')} rows (${ROWS / LINES_PER_DOCUMENT} receipts), ${CLERKS} clerks posting`,
    );

    const crashes: Crash[] = [];
    for (const fraction of KILL_AT) {
      const target = Math.floor(ROWS * fraction);
      await waitForJob(
        db,
        jobId,
        (job) => job.processedCount >= target || job.status === 'COMPLETED' || job.status === 'FAILED',
        600_000,
      );
      await sleep(150); // into the next chunk's transaction
      const postingsInFlight = postings.stats.inFlight;
      const { killedPids } = await app.crash();
      const atKill = await jobRow(db, jobId);
      // Checked while the app is down: nothing a killed transaction left behind may be visible.
      const immediate = await stockInvariants(db);
      console.log(
        `[kill-app] SIGKILL of pids ${killedPids.join(', ')} at ${atKill.processedCount.toLocaleString('en')} rows processed (job ${atKill.status}), ` +
          `${postingsInFlight} postings in flight; invariants right after the kill: ${immediate.filter((c) => c.ok).length}/${immediate.length} PASS`,
      );
      const restartedAt = Date.now();
      await app.start();
      const readyMs = Date.now() - restartedAt;
      if (atKill.status === 'IN PROGRESS') {
        await waitForJob(
          db,
          jobId,
          (job) => job.processedCount > atKill.processedCount || job.status !== 'IN PROGRESS',
          180_000,
        );
      }
      const resumeMs = Date.now() - restartedAt;
      console.log(
        `[kill-app] restarted: serving after ${(readyMs / 1000).toFixed(1)} s, import resumed after ${(resumeMs / 1000).toFixed(1)} s (a dead worker's job is taken over when its heartbeat is 30 s old)`,
      );
      crashes.push({
        processedAtKill: atKill.processedCount,
        postingsInFlight,
        killedPids,
        immediate,
        readyMs,
        resumeMs,
      });
    }

    const done = await waitForJob(db, jobId, (job) => job.status === 'COMPLETED' || job.status === 'FAILED', 600_000);
    const seconds = (Date.now() - started) / 1000;
    await sleep(2_000);
    await postings.stop();
    const { stats } = postings;
    console.log(
      `[kill-app] job ${jobId} ${done.status} after ${seconds.toFixed(1)} s; postings: ${stats.acknowledged} acknowledged, ${stats.refused} refused, ` +
        `${stats.noAnswer} without answer (app down), ${stats.throttled} throttled, ${stats.serverErrors} server errors`,
    );
    for (const refusal of stats.refusals) console.log(`[kill-app]   e.g. ${refusal}`);

    const documents = ROWS / LINES_PER_DOCUMENT;
    const ids = `{${stats.acknowledgedIds.join(',')}}`;
    const checks: Check[] = [
      {
        name: 'killed mid-import each time',
        ok: crashes.every((c) => c.processedAtKill > 0 && c.processedAtKill < ROWS),
        detail: crashes.map((c) => `${c.processedAtKill} of ${ROWS}`).join('; '),
      },
      {
        name: 'killed during postings each time',
        ok: crashes.every((c) => c.postingsInFlight > 0),
        detail: crashes.map((c) => `${c.postingsInFlight} in flight`).join('; '),
      },
      {
        name: 'no half-written document right after each kill',
        ok: crashes.every((c) => c.immediate.every((check) => check.ok)),
        detail: crashes
          .map(
            (c) =>
              c.immediate
                .filter((check) => !check.ok)
                .map((check) => check.name)
                .join(', ') || 'all invariants held',
          )
          .join('; '),
      },
      {
        name: 'the import resumed after each restart',
        ok: crashes.every((c) => c.resumeMs < 180_000),
        detail: crashes.map((c) => `${(c.resumeMs / 1000).toFixed(1)} s`).join('; '),
      },
      ...(await jobInvariants(db, jobId, { total: ROWS, skipped: 0 })),
      // Rows of one item in one document make one line: 5 serials of the tracked item, 5 × 2 m of the bulk one.
      {
        name: 'every imported receipt exists once, complete',
        ok:
          (await countOf(
            db,
            sql`
          select count(*)::int as n from document d where d.id in (select distinct record_id::bigint from import_row_result where job_id = ${jobId})
            and (select count(*) || '/' || sum(quantity)::int from document_line l where l.document_id = d.id) = '2/15'`,
          )) === documents,
        detail: `${await countOf(db, sql`select count(distinct record_id)::int as n from import_row_result where job_id = ${jobId}`)} documents named by row results, ${documents} expected`,
      },
      {
        name: 'every imported serial received exactly once',
        ok:
          (await countOf(
            db,
            sql`
          select count(*)::int as n from serial_number s where s.serial like 'IMP-S%' and s.status = 'in_stock'
            and (select count(*) from serial_movement m where m.serial_id = s.id) = 1`,
          )) ===
          ROWS / 2,
        detail: `${await countOf(db, sql`select count(*)::int as n from serial_number where serial like 'IMP-S%'`)} serials, ${ROWS / 2} expected`,
      },
      {
        name: 'every acknowledged posting is there',
        ok:
          (await countOf(db, sql`select count(*)::int as n from document where id = any(${ids}::bigint[])`)) ===
          stats.acknowledged,
        detail: `${stats.acknowledged} acknowledged`,
      },
      { name: 'no server error answered', ok: stats.serverErrors === 0, detail: `${stats.serverErrors} answers 5xx` },
      ...(await stockInvariants(db)),
    ];
    passed = report(`[kill-app] ${checks.length} checks`, checks);
  } finally {
    await client.end({ timeout: 5 });
    await app.stop();
  }
  console.log(`[kill-app] ${passed ? 'PASS' : 'FAIL'}`);
  process.exitCode = passed ? 0 : 1;
}

await main();
