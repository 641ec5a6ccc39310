import type { Db } from '@/db/client';
import { checkSerials } from '@/lib/inventory/check-serials';
import { addSerials } from '@/lib/serials/merge';
import { findDuplicates, generateSerialRange } from '@/lib/serials/parse';
import { fmt, median, timed } from './bench-db';

// The goals the unit and integration tests once asserted on the wall clock; the tests now count work instead.
const ENTRY_GOAL_MS = 200;
const CHECK_GOAL_MS = 5_000;
const RUNS = 5;

async function medianOf(run: () => unknown): Promise<{ median: number; runs: number[] }> {
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) runs.push((await timed(async () => run())).ms);
  return { median: median(runs), runs };
}

const line = (label: string, { median: ms, runs }: { median: number; runs: number[] }, goal: number) =>
  console.log(`[bench] ${label}: median ${fmt(ms)} (runs: ${runs.map(fmt).join(', ')}) — goal < ${goal} ms`);

/** The serial form's work in the browser: a scan of 10,000 added to 10,000 entered, and the duplicate check. */
export async function benchSerialEntry(): Promise<void> {
  const current = generateSerialRange({ prefix: 'A', start: 1, count: 10_000, padTo: 5 });
  const incoming = generateSerialRange({ prefix: 'B', start: 1, count: 10_000, padTo: 5 });
  line(
    'serial form: add 10,000 serials to 10,000 entered',
    await medianOf(() => addSerials(current, incoming)),
    ENTRY_GOAL_MS,
  );
  const serials = [...generateSerialRange({ prefix: 'SN-', start: 1, count: 10_000, padTo: 5 }), 'SN-00042'];
  line(
    'serial form: find duplicates among 10,000 serials',
    await medianOf(() => findDuplicates(serials)),
    ENTRY_GOAL_MS,
  );
}

/**
 * The serial form's live check of a whole line of 10,000 serials, against the bench database (bench/seed-serials.ts:
 * serial S<g> belongs to item 1 + g % 100 in warehouse 1 + g % 2, so item 7's serials in warehouse 1 are g = 6, 106,
 * …).
 */
export async function benchCheckSerials(db: Db): Promise<void> {
  const inStock = Array.from({ length: 10_000 }, (_, k) => `S${String(6 + 100 * k).padStart(8, '0')}`);
  const unknown = Array.from({ length: 10_000 }, (_, k) => `NEVER-${k}`);
  const check = (serials: string[]) => () =>
    checkSerials(db, { itemId: 7n, warehouseId: 1n, direction: 'issue', serials });
  line('live serial check, issue of 10,000 serials in stock', await medianOf(check(inStock)), CHECK_GOAL_MS);
  line('live serial check, issue of 10,000 serials never received', await medianOf(check(unknown)), CHECK_GOAL_MS);
}
