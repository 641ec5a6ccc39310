import type { Db } from '@/db/client';
import { findSingleSerial, listSerials, parseSerialListParams } from '@/lib/inventory/queries/serials';
import { fmt, median, p95, timed } from './bench-db';

/** Server time of the Serial Numbers agenda's first page and of a serial search, as the page runs them. */
export async function benchAgenda(db: Db): Promise<void> {
  const cases: [string, Record<string, string>][] = [
    ['agenda first page (in stock, by serial)', {}],
    ['agenda first page (newest received first)', { sort: 'receivedAt.desc' }],
    ['agenda filtered by item and warehouse', { item: 'BENCH-42', warehouse: '1' }],
    ['serial search (the start of serials: S00054…)', { q: 'S00054' }],
    ['every serial ever known', { all: '1' }],
  ];
  for (const [label, params] of cases) {
    const times: number[] = [];
    for (let i = 0; i < 30; i++) times.push((await timed(() => listSerials(db, parseSerialListParams(params)))).ms);
    console.log(`[bench] ${label}: median ${fmt(median(times))}, p95 ${fmt(p95(times))} — goal < 100 ms`);
  }
  const finds: number[] = [];
  for (let i = 0; i < 30; i++)
    finds.push((await timed(() => findSingleSerial(db, `S${String(100_000 + i * 997).padStart(8, '0')}`))).ms);
  console.log(
    `[bench] header search for one exact serial: median ${fmt(median(finds))}, p95 ${fmt(p95(finds))} — goal < 100 ms`,
  );
}
