// npm run bench — prints speed figures (no pass/fail): serial postings, the agenda and the live serial check at a
// million serials, the serial form's work in the browser, the import, then
// lists and searches at scale (BENCH_LISTS=false skips that part, which needs a production build).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { freshBenchDatabase, fmt, median, timed } from '@/bench/bench-db';
import { benchAgenda } from '@/bench/agenda-bench';
import { seedSerials } from '@/bench/seed-serials';
import { benchCheckSerials, benchSerialEntry } from '@/bench/serials-bench';
import { postDocument } from '@/lib/inventory/post';
import { main as benchImport } from './bench-import';
import { LARGE_DEFAULTS } from './perf/large-env';

const SERIALS = Number(process.env.BENCH_SERIALS ?? 1_000_000);
const LINE = 10_000;

const { db, sql: client } = await freshBenchDatabase('serialstock_bench');
console.log(`[bench] seeding ${SERIALS.toLocaleString('en')} serial numbers…`);
const seeded = await timed(() => seedSerials(db, SERIALS));
console.log(`[bench] seeded in ${(seeded.ms / 1000).toFixed(1)} s`);

const receipts: number[] = [];
const issues: number[] = [];
for (let run = 0; run < 3; run++) {
  const serials = Array.from({ length: LINE }, (_, i) => `NEW-${run}-${String(i).padStart(6, '0')}`);
  const receipt = await timed(() => postDocument(db, { kind: 'goods_receipt', date: '2026-11-22', warehouseId: '1',
    lines: [{ itemId: '7', quantity: String(LINE), serials }] }, { userId: 1 }));
  receipts.push(receipt.ms);
  const issue = await timed(() => postDocument(db, { kind: 'goods_issue', date: '2026-11-22', warehouseId: '1',
    lines: [{ itemId: '7', quantity: String(LINE), serials }] }, { userId: 1 }));
  issues.push(issue.ms);
}
console.log(`[bench] goods receipt, one line of ${LINE.toLocaleString('en')} new serials: median ${fmt(median(receipts))} (runs: ${receipts.map(fmt).join(', ')}) — goal < 1000 ms`);
console.log(`[bench] goods issue of ${LINE.toLocaleString('en')} serials: median ${fmt(median(issues))} (runs: ${issues.map(fmt).join(', ')}) — goal < 1000 ms`);

const [{ n }] = (await db.execute(sql`select count(*)::int as n from serial_number`)) as unknown as { n: number }[];
console.log(`[bench] serial numbers in the database now: ${n.toLocaleString('en')}`);

await benchAgenda(db);
await benchCheckSerials(db);
await benchSerialEntry();
await client.end();

// Issue 4's targets: 25,000-row Items upsert and 25,000-serial receipt import, upload to COMPLETED, next to COPY.
await benchImport();

// Issue 6's scale target: every list's first page and every search under 200 ms p95 at a million serials,
// against the production build. The large data set is made once (npm run seed:large) and then reused.
if (process.env.BENCH_LISTS !== 'false') benchListsAtScale();

process.exit(0);

function benchListsAtScale() {
  // Their own server and data folder (scripts/perf/large-env.ts): never the database the benches above used.
  const env = { ...process.env };
  for (const name of ['DATABASE_URL', 'PG_DATA_DIR', 'PG_PORT']) delete env[name];
  const run = (script: string) => spawnSync('npx', ['tsx', '--conditions=react-server', script], { stdio: 'inherit', env }).status === 0;
  if (!existsSync(path.join(LARGE_DEFAULTS.dataDir, 'PG_VERSION'))) {
    console.log('[bench] seeding the large data set for the list and search figures (npm run seed:large)…');
    if (!run('scripts/seed-large.ts')) return console.log('[bench] seed:large failed; list and search figures skipped.');
  }
  console.log('[bench] lists and searches at scale (npm run perf:lists):');
  if (!run('scripts/perf/lists.ts')) console.log('[bench] perf:lists failed.');
}
