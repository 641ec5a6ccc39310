// tsx scripts/bench-import.ts (also run by `npm run bench`): upload→COMPLETED of a 25,000-row Items upsert
// and a 25,000-serial goods receipt through the real worker, next to a raw COPY of the same rows.
// Prints figures only; in a fresh database next to the app's (never the app's own data).
import { pathToFileURL } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import type postgres from 'postgres';
import { fmt, freshBenchDatabase, median, timed } from '@/bench/bench-db';
import type { Db } from '@/db/client';
import { importJob, item, user, warehouse } from '@/db/schema';
import type { Principal } from '@/lib/auth/principal';
import { createImportJob } from '@/lib/import/jobs/create-job';
import { parseJobRequest } from '@/lib/import/request/job-request';
import { storeUpload } from '@/lib/import/upload/store';
import { ImportWorker, workerOptionsFromEnv } from '@/lib/import/jobs/worker';
import { withCodeKey } from '@/lib/catalog/code-key';
import { asciiCodeKeySql } from '@/lib/text/ascii-code-key-sql';
import { canonicalKey } from '@/lib/text/canonical-key';
import { isValid } from 'gtin';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 25_000);
const RUNS = Math.max(1, Number(process.env.BENCH_IMPORT_RUNS ?? 5));
const ITEM_HEADERS = ['Code', 'Name', 'Unit', 'Purchase_Price', 'Sale_Price', 'VAT_Rate', 'EAN'];

/** The i-th valid EAN-13 of a series (the GS1 check digit completes the 12-digit body). */
function ean(series: number, i: number): string {
  const body = String(series * 100_000_000 + i).padStart(12, '0');
  return [...'0123456789'].map((d) => body + d).find((candidate) => isValid(candidate))!;
}

function itemsCsv(): Buffer {
  const lines = [ITEM_HEADERS.join(',')];
  for (let i = 0; i < ROWS; i++)
    lines.push(`BI-${i},Bench item ${i},pcs,${(i % 500) + 0.5},${(i % 700) + 1.25},21,${ean(8590, i)}`);
  return Buffer.from(lines.join('\r\n'));
}

function receiptCsv(): Buffer {
  const lines = ['Number,Date,Warehouse,Item,Quantity,Serial_Numbers'];
  for (let i = 0; i < ROWS; i++) lines.push(`BR-1,2026-02-01,BW,BENCH-SN,1,BSN-${String(i).padStart(7, '0')}`);
  return Buffer.from(lines.join('\r\n'));
}

async function waitForEnd(db: Db, id: bigint): Promise<string> {
  for (;;) {
    const [job] = await db.select({ status: importJob.status }).from(importJob).where(eq(importJob.id, id));
    if (job.status === 'COMPLETED' || job.status === 'FAILED') return job.status;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Upload (read + store), create the job (NOTIFY), and wait until the worker has COMPLETED it. */
async function uploadToCompleted(
  db: Db,
  principal: Principal,
  file: Buffer,
  name: string,
  resource: Record<string, unknown>,
  operation: string,
) {
  return timed(async () => {
    const stored = await storeUpload(db, { bytes: file, fileName: name, userId: principal.userId });
    const request = parseJobRequest({
      operation,
      resource: [{ type: 'data', file_id: String(stored.fileId), ...resource }],
    });
    const job = await createImportJob(db, request, principal);
    return { status: await waitForEnd(db, job.id), id: job.id };
  });
}

async function copyRows(client: postgres.Sql, statement: string, rows: string[]) {
  const stream = await client.unsafe(statement).writable();
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', resolve);
    stream.end(`${rows.join('\n')}\n`);
  });
}

async function benchItems(db: Db, client: postgres.Sql, principal: Principal) {
  // Half the file updates existing items, half inserts new ones: a true upsert.
  await db.execute(
    sql`insert into item (code, code_key, name) select 'BI-' || g, ${asciiCodeKeySql(sql`'BI-' || g`)}, 'Old ' || g from generate_series(0, ${ROWS / 2 - 1}) g`,
  );
  const job = await uploadToCompleted(
    db,
    principal,
    itemsCsv(),
    'items.csv',
    { module: { api_name: 'Items' }, find_by: 'Code' },
    'upsert',
  );
  // The app computes each code's canonical key in JavaScript; so does the COPY it is compared with.
  const copy = await timed(async () =>
    copyRows(
      client,
      'copy item (code, code_key, name, unit, purchase_price, sale_price, vat_rate, ean) from stdin',
      Array.from(
        { length: ROWS },
        (_, i) =>
          `CP-${i}\t${canonicalKey(`CP-${i}`)}\tCopy item ${i}\tpcs\t${(i % 500) + 0.5}\t${(i % 700) + 1.25}\t21\t${ean(8591, i)}`,
      ),
    ),
  );
  return report(`Items upsert of ${ROWS.toLocaleString('en')} rows`, job, copy.ms, await copyUpsert(db, client));
}

/**
 * For comparison only (COPY cannot update): the usual bulk upsert without any rules, on the same half-new
 * rows as the job's file — COPY into a staging table, then one INSERT … ON CONFLICT (code) DO UPDATE.
 */
async function copyUpsert(db: Db, client: postgres.Sql): Promise<number> {
  await db.execute(
    sql`insert into item (code, code_key, name) select 'BU-' || g, ${asciiCodeKeySql(sql`'BU-' || g`)}, 'Old ' || g from generate_series(0, ${ROWS / 2 - 1}) g`,
  );
  // A temporary table lives on one connection: the whole comparison runs on one reserved connection.
  const one = await client.reserve();
  try {
    await one`create temp table item_staging (code text, code_key text, name text, unit text, purchase_price numeric, sale_price numeric, vat_rate numeric, ean text)`;
    const run = await timed(async () => {
      await copyRows(
        one,
        'copy item_staging from stdin',
        Array.from(
          { length: ROWS },
          (_, i) =>
            `BU-${i}\t${canonicalKey(`BU-${i}`)}\tBench item ${i}\tpcs\t${(i % 500) + 0.5}\t${(i % 700) + 1.25}\t21\t${ean(8592, i)}`,
        ),
      );
      await one`insert into item (code, code_key, name, unit, purchase_price, sale_price, vat_rate, ean) select * from item_staging
        on conflict (code) do update set code_key = excluded.code_key, name = excluded.name, unit = excluded.unit, purchase_price = excluded.purchase_price,
          sale_price = excluded.sale_price, vat_rate = excluded.vat_rate, ean = excluded.ean, updated_at = now()`;
    });
    await one`drop table item_staging`;
    return run.ms;
  } finally {
    one.release();
  }
}

async function benchReceipt(db: Db, client: postgres.Sql, principal: Principal) {
  const [wh] = await db
    .insert(warehouse)
    .values(withCodeKey({ code: 'BW', name: 'Bench' }))
    .returning({ id: warehouse.id });
  const [tracked] = await db
    .insert(item)
    .values(withCodeKey({ code: 'BENCH-SN', name: 'Bench serial item', trackSerials: true }))
    .returning({ id: item.id });
  const job = await uploadToCompleted(
    db,
    principal,
    receiptCsv(),
    'receipt.csv',
    { module: { api_name: 'Goods_Receipts' } },
    'insert',
  );
  // The same rows into the same tables, with no rules: the receipt writes a serial row and a movement row
  // (the serial's history) per serial, so the COPY writes both, with their indexes and foreign keys.
  const [line] = await db.execute<{ id: string; document_id: string }>(
    sql`select id, document_id from document_line order by id desc limit 1`,
  );
  const serials = await timed(() =>
    copyRows(
      client,
      'copy serial_number (item_id, serial, serial_key, status, warehouse_id, received_line_id, last_moved_on) from stdin',
      Array.from({ length: ROWS }, (_, i) => {
        const serial = `CSN-${String(i).padStart(7, '0')}`;
        return `${tracked.id}\t${serial}\t${canonicalKey(serial)}\tin_stock\t${wh.id}\t${line.id}\t2026-02-01`;
      }),
    ),
  );
  // COPY returns no ids; reading them back is not part of the timed COPY.
  const ids = await client<{ id: string }[]>`select id from serial_number where serial like 'CSN-%'`;
  const movements = await timed(() =>
    copyRows(
      client,
      'copy serial_movement (serial_id, line_id, document_id, direction, warehouse_id) from stdin',
      ids.map((r) => `${r.id}\t${line.id}\t${line.document_id}\tin\t${wh.id}`),
    ),
  );
  const copy = { ms: serials.ms + movements.ms };
  return report(
    `goods receipt of ${ROWS.toLocaleString('en')} serials (one document; COPY = serials + their movements)`,
    job,
    copy.ms,
  );
}

type Figure = { what: string; jobMs: number; copyMs: number; copyUpsertMs?: number };

const upsertNote = (jobMs: number, copyUpsertMs?: number) =>
  copyUpsertMs === undefined
    ? ''
    : `; for comparison, COPY to a staging table + INSERT … ON CONFLICT DO UPDATE ${fmt(copyUpsertMs)} (job ÷ that = ${(jobMs / copyUpsertMs).toFixed(1)}×)`;

function report(
  what: string,
  job: { ms: number; result: { status: string } },
  copyMs: number,
  copyUpsertMs?: number,
): Figure {
  console.log(
    `[bench-import] ${what}: upload→${job.result.status} ${fmt(job.ms)} (goal < 3000 ms); raw COPY ${fmt(copyMs)}; ` +
      `job ÷ COPY = ${(job.ms / copyMs).toFixed(1)}×${upsertNote(job.ms, copyUpsertMs)}`,
  );
  if (job.result.status !== 'COMPLETED') throw new Error(`The bench job ended ${job.result.status}.`);
  return { what, jobMs: job.ms, copyMs, copyUpsertMs };
}

/** One run in a fresh database: the Items upsert, then the goods receipt. */
async function runOnce(): Promise<Figure[]> {
  const holder = await freshBenchDatabase('serialstock_bench_import');
  const { db, sql: client } = holder;
  const [admin] = await db
    .insert(user)
    .values({ name: 'Bench admin', email: 'bench-import@example.com', role: 'admin' })
    .returning({ id: user.id });
  const principal: Principal = {
    kind: 'user',
    userId: admin.id,
    userName: 'Bench admin',
    email: 'bench-import@example.com',
    role: 'admin',
  };
  const worker = new ImportWorker(holder, { ...workerOptionsFromEnv(), log: () => {} });
  await worker.start();
  try {
    return [await benchItems(db, client, principal), await benchReceipt(db, client, principal)];
  } finally {
    await worker.stop();
    await client.end();
  }
}

/** BENCH_IMPORT_RUNS runs (5): one run on a shared 2-core machine says little, the median of five says more. */
export async function main() {
  const runs: Figure[][] = [];
  for (let run = 0; run < RUNS; run++) runs.push(await runOnce());
  for (let i = 0; i < runs[0].length; i++) {
    const figures = runs.map((figuresOfRun) => figuresOfRun[i]);
    const ratios = figures.map((f) => f.jobMs / f.copyMs);
    const upserts = figures.flatMap((f) => (f.copyUpsertMs === undefined ? [] : [f.copyUpsertMs]));
    const upsertRatios = figures.flatMap((f) => (f.copyUpsertMs === undefined ? [] : [f.jobMs / f.copyUpsertMs]));
    console.log(
      `[bench-import] median of ${RUNS}: ${figures[0].what}: upload→COMPLETED ${fmt(median(figures.map((f) => f.jobMs)))}` +
        ` (goal < 3000 ms); raw COPY ${fmt(median(figures.map((f) => f.copyMs)))}; job ÷ COPY ${median(ratios).toFixed(1)}× (goal ≤ 3×)` +
        (upserts.length
          ? `; COPY + INSERT … ON CONFLICT DO UPDATE ${fmt(median(upserts))}, job ÷ that ${median(upsertRatios).toFixed(1)}×`
          : ''),
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main();
  process.exit(0);
}
