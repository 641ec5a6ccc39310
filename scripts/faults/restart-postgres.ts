// Fault scenario 2 (`npm run faults`; alone: npx tsx --conditions=react-server scripts/faults/restart-postgres.ts).
// The embedded PostgreSQL the production app started is stopped mid-import (pg_ctl stop -m fast, what
// stopEmbeddedPostgres does), kept down 5 s and started again on the same folder and port. The job must
// stay IN PROGRESS (never FAILED), say that it paused, and complete with every row applied once.
// Own ports and a fresh data folder: FAULTS_PORT (3701), FAULTS_PG_PORT (54701), FAULTS_DATA_DIR (./.data/faults-pg).
import { sql } from 'drizzle-orm';
import { startEmbeddedPostgres, stopEmbeddedPostgres } from '@/db/embedded/server';
import { appConfig, PG_PASSWORD, sleep } from './lib/app';
import { startScenario } from './lib/scenario';
import { adminApiKey, Api, countOf, startImport, waitForJob, type HttpAnswer } from './lib/clients';
import { jobInvariants, report, stockInvariants, type Check } from './lib/invariants';
import { createFaultCatalog, FAULT_DATE, startPostings, TRACKED, WAREHOUSE } from './lib/postings';

const ROWS = Number(process.env.FAULTS_ROWS ?? 25_000);
const DOWN_MS = Number(process.env.FAULTS_DOWN_MS ?? 5_000);
// The records API's per-key limit (600 a minute) would throttle the clerks; the scenario is about faults, not limits.
const config = { ...appConfig('faults-pg', 3701, 54701), env: { RECORDS_RATE_LIMIT: '1000000' } };

/** One receipt per 10 rows, each row one serial: 2,500 documents, 25,000 serials. */
function receiptsCsv(): Buffer {
  const lines = ['Number,Date,Warehouse,Item,Quantity,Serial_Numbers'];
  for (let row = 0; row < ROWS; row++) {
    lines.push(
      `PGR-${String(Math.floor(row / 10)).padStart(5, '0')},${FAULT_DATE},${WAREHOUSE},${TRACKED},1,PGR-S${String(row).padStart(6, '0')}`,
    );
  }
  return Buffer.from(lines.join('\r\n'));
}

const describe = (answer: HttpAnswer) =>
  answer.status === 0 ? 'no answer' : `${answer.status} ${String(answer.json?.code ?? answer.json?.status ?? '')}`;

function tally(answers: HttpAnswer[]): string {
  const counts = new Map<string, number>();
  for (const answer of answers) counts.set(describe(answer), (counts.get(describe(answer)) ?? 0) + 1);
  return [...counts].map(([what, n]) => `${n}× ${what}`).join(', ');
}

async function main() {
  const { app, db, sql: client } = await startScenario('restart-postgres', config);
  let passed = false;
  let server: Awaited<ReturnType<typeof startEmbeddedPostgres>> | null = null;
  try {
    const api = new Api(app.url, await adminApiKey(db), 15_000);
    await createFaultCatalog(api);
    const postings = startPostings(
      await Promise.all([1, 2].map(async () => new Api(app.url, await adminApiKey(db), 60_000))),
    );
    const jobId = await startImport(api, receiptsCsv(), 'receipts.csv', 'Goods_Receipts');
    const before = await waitForJob(
      db,
      jobId,
      (job) => job.processedCount >= ROWS * 0.2 || (job.status !== 'IN PROGRESS' && job.status !== 'ADDED'),
      300_000,
    );
    const acknowledgedBefore = postings.stats.acknowledged;

    const stopAt = Date.now();
    await stopEmbeddedPostgres(config.dataDir);
    console.log(
      `[restart-postgres] PostgreSQL stopped (pg_ctl stop -m fast) at ≥ ${before.processedCount.toLocaleString('en')} of ${ROWS.toLocaleString('en')} rows, in ${Date.now() - stopAt} ms; down for ${DOWN_MS / 1000} s`,
    );
    // Ask for the job every 500 ms without waiting for answers: the outage lasts DOWN_MS, however slow they are.
    const polls: Promise<HttpAnswer>[] = [];
    while (Date.now() - stopAt < DOWN_MS) {
      polls.push(api.status(jobId));
      await sleep(500);
    }
    server = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.pgPort,
      password: PG_PASSWORD,
      log: () => {},
    });
    const upAt = Date.now();
    console.log(`[restart-postgres] PostgreSQL started again after ${((upAt - stopAt) / 1000).toFixed(1)} s`);

    // Poll the status API as a client would: it must go back to IN PROGRESS with a message, then COMPLETED.
    const afterRestart: HttpAnswer[] = [];
    let pausedMessage = '';
    let resumedAfterMs = 0;
    for (const deadline = Date.now() + 300_000; Date.now() < deadline;) {
      const answer = await api.status(jobId);
      afterRestart.push(answer);
      const status = answer.json?.status;
      if (status === 'IN PROGRESS' && answer.json?.message && !pausedMessage) {
        pausedMessage = String(answer.json.message);
        resumedAfterMs = Date.now() - upAt;
      }
      if (status === 'COMPLETED' || status === 'FAILED') break;
      await sleep(100);
    }
    const last = afterRestart.at(-1)!;
    const doneAfterMs = Date.now() - upAt;
    const duringOutage = await Promise.all(polls);
    console.log(
      `[restart-postgres] status API asked during the outage: ${tally(duringOutage)}, answered in ${Math.min(...duringOutage.map((a) => a.ms))}–${Math.max(...duringOutage.map((a) => a.ms))} ms`,
    );
    // The worker's own clock of the pause, from the note: when the database answered it again.
    const resumedAt = Date.parse(pausedMessage.match(/resumed at (\S+)\.$/)?.[1] ?? '');
    await sleep(3_000);
    const acknowledgedAfter = postings.stats.acknowledged;
    await postings.stop();
    const slowest = Math.max(...afterRestart.map((a) => a.ms));
    console.log(
      `[restart-postgres] after the restart: the worker resumed ${((resumedAt - upAt) / 1000).toFixed(1)} s after PostgreSQL was up; status API: ${tally(afterRestart)}, ` +
        `first with the pause message after ${(resumedAfterMs / 1000).toFixed(1)} s, ${last.json?.status} after ${(doneAfterMs / 1000).toFixed(1)} s; slowest answer ${slowest} ms`,
    );
    console.log(`[restart-postgres] message: ${pausedMessage || '(none seen)'}`);
    console.log(
      `[restart-postgres] postings (2 clerks): ${acknowledgedBefore} acknowledged before the stop, ${acknowledgedAfter} in all; ` +
        `${postings.stats.noAnswer} without answer, ${postings.stats.serverErrors} answered 5xx (during the outage), ${postings.stats.refused} refused`,
    );
    for (const refusal of postings.stats.refusals) console.log(`[restart-postgres]   e.g. ${refusal}`);

    const appLog = app.log();
    const everyAnswer = [...duringOutage, ...afterRestart];
    const checks: Check[] = [
      {
        name: 'stopped mid-import',
        ok: before.status === 'IN PROGRESS' && before.processedCount < ROWS,
        detail: `${before.processedCount} of ${ROWS} rows at the stop`,
      },
      {
        name: 'never FAILED',
        ok: !everyAnswer.some((a) => a.json?.status === 'FAILED'),
        detail: `${everyAnswer.length} status answers, none FAILED`,
      },
      {
        name: 'the job reports the pause (IN PROGRESS + message)',
        ok: /^The database connection was lost at /.test(pausedMessage),
        detail: pausedMessage ? 'seen' : 'not seen',
      },
      {
        name: 'the worker logged the wait',
        ok: appLog.includes(`job ${jobId}: waiting for the database`),
        detail: appLog.match(/\[import-worker\] job \d+: waiting for the database[^\n]*/)?.[0] ?? 'no log line',
      },
      {
        name: 'completed afterwards',
        ok: last.json?.status === 'COMPLETED',
        detail: `${last.json?.status} ${(doneAfterMs / 1000).toFixed(1)} s after the restart`,
      },
      ...(await jobInvariants(db, jobId, { total: ROWS, skipped: 0 })),
      {
        name: 'every imported serial received exactly once',
        ok:
          (await countOf(
            db,
            sql`
          select count(*)::int as n from serial_number s where s.serial like 'PGR-S%' and s.status = 'in_stock'
            and (select count(*) from serial_movement m where m.serial_id = s.id) = 1`,
          )) === ROWS,
        detail: `${await countOf(db, sql`select count(*)::int as n from serial_number where serial like 'PGR-S%'`)} serials, ${ROWS} expected`,
      },
      {
        name: 'postings succeed again after the restart',
        ok: acknowledgedAfter > acknowledgedBefore,
        detail: `${acknowledgedAfter - acknowledgedBefore} acknowledged after the stop`,
      },
      ...(await stockInvariants(db)),
    ];
    passed = report(`[restart-postgres] ${checks.length} checks`, checks);
  } finally {
    await client.end({ timeout: 5 });
    await app.stop();
    server?.stop(); // already stopped by the app on its way out, unless the app died first
  }
  console.log(`[restart-postgres] ${passed ? 'PASS' : 'FAIL'}`);
  process.exitCode = passed ? 0 : 1;
}

await main();
