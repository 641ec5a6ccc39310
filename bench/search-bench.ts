import type { Db } from '@/db/client';
import { searchHandler } from '@/lib/api/records/handlers/reads';
import { serialNumbers } from '@/lib/api/records/modules/serial-numbers';
import { listDocuments, parseDocumentListParams } from '@/lib/inventory/queries/document-list';
import { findReturnOrigins } from '@/lib/inventory/queries/return-origins';
import { lookupSerials } from '@/lib/inventory/queries/serial-trace';
import { findSingleSerial, listSerials, parseSerialListParams, serialsInStock } from '@/lib/inventory/queries/serials';
import { fmt, median, p95, timed } from './bench-db';

const RUNS = 30;

/*
 * The serial search by any part of the serial, everywhere a person searches serials, at the bench's million
 * serials (S00000001 … S01000000 over 100 items; bench/seed-serials.ts). The texts span the cases: a few
 * last digits matching a handful, a serial's start whose trigrams are in every serial but which matches only
 * 1,000 (the planner's trap: docs/quality.md), four digits matching thousands, a fragment in most serials (the
 * ranked page must not sort them all), and a whole serial.
 */
const TEXTS: [string, string][] = [
  ['last 5 digits', '54321'],
  ["a serial's start, common trigrams, 1,000 match", 'S00054'],
  ['4 digits, thousands match', '0012'],
  ['3 digits, most serials match', '000'],
  ['whole serial, lower case', 's00054321'],
];

type Door = [string, (text: string) => Promise<unknown>];

function doors(db: Db): Door[] {
  return [
    ['agenda', (q) => listSerials(db, parseSerialListParams({ q }))],
    ['agenda, every serial ever known', (q) => listSerials(db, parseSerialListParams({ q, all: '1' }))],
    [
      'Pick from stock (one item and warehouse)',
      (query) => serialsInStock(db, { itemId: 42n, warehouseId: 1n, query, offset: 0, limit: 50 }),
    ],
    ['header Find', (text) => findSingleSerial(db, text)],
    // The text read as a document number, a serial (whole) and a customer's code or name at once.
    ['new return picker', (text) => findReturnOrigins(db, 'customer_return', text)],
    // Its trace included: where each serial found is, its documents and warranty ends.
    ['Look up a serial', (text) => lookupSerials(db, text)],
    [
      'goods receipts filtered by serial',
      (serial) => listDocuments(db, 'goods_receipt', parseDocumentListParams({ serial })),
    ],
    [
      'records API word',
      (word) =>
        searchHandler(
          db,
          serialNumbers,
          new URL(`http://bench/crm/v8/Serial_Numbers/search?word=${encodeURIComponent(word)}`),
        ),
    ],
  ];
}

/** Runs every door with every text RUNS times; prints each p95 and returns the worst p95 of all. */
export async function benchSerialSearch(db: Db): Promise<number> {
  let worst = 0;
  for (const [door, run] of doors(db)) {
    for (const [label, text] of TEXTS) {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) times.push((await timed(() => run(text))).ms);
      worst = Math.max(worst, p95(times));
      console.log(
        `[bench] contains search, ${door}, ${label} ("${text}"): median ${fmt(median(times))}, p95 ${fmt(p95(times))} — goal < 100 ms`,
      );
    }
  }
  return worst;
}
