// npm run bench — prints speed figures (no pass/fail): serial postings at a million serials, then the import.
import { sql } from 'drizzle-orm';
import { freshBenchDatabase, fmt, median, timed } from '@/bench/bench-db';
import { benchAgenda } from '@/bench/agenda-bench';
import { seedSerials } from '@/bench/seed-serials';
import { postDocument } from '@/lib/inventory/post';
import { main as benchImport } from './bench-import';

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
await client.end();

// Issue 4's targets: 25,000-row Items upsert and 25,000-serial receipt import, upload to COMPLETED, next to COPY.
await benchImport();

process.exit(0);
