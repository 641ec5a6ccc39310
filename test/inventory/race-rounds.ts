import { expect } from 'vitest';
import type { DbOrTx } from '@/db/client';
import { isDomainError } from '@/lib/errors';
import { checkStockInvariants } from '@/lib/inventory/invariants';

export type RacePair = [() => Promise<unknown>, () => Promise<unknown>];

/**
 * Runs `prepare` (sequentially) for fresh serials, then its two operations at once, `rounds` times. The second starts
 * 0, 4 or 8 ms later by turns, so each side gets to be first at the rows they share. A refusal must be a DomainError;
 * the stock and serial invariants must hold after every round; both may never win together, and in some round one
 * of them must.
 */
export async function raceRounds(
  db: DbOrTx,
  {
    name,
    rounds,
    serials,
    prepare,
  }: {
    name: string;
    rounds: number;
    /** Serial texts `prepare` is given each round. */
    serials: number;
    prepare: (serials: string[]) => Promise<RacePair>;
  },
): Promise<void> {
  const outcomes: string[] = [];
  for (let round = 0; round < rounds; round++) {
    const texts = Array.from({ length: serials }, (_, i) => `${name}-${round}-${i}`);
    const [a, b] = await prepare(texts);
    const results = await Promise.allSettled([
      a(),
      new Promise((resolve) => setTimeout(resolve, (round % 3) * 4)).then(b),
    ]);
    for (const r of results) if (r.status === 'rejected' && !isDomainError(r.reason)) throw r.reason;
    outcomes.push(results.map((r, i) => (r.status === 'fulfilled' ? 'ab'[i] : '-')).join('/'));
    const broken = (await checkStockInvariants(db, 'within-series')).filter((c) => c.bad > 0);
    expect(broken, `round ${round}: ${outcomes.at(-1)}`).toEqual([]);
  }
  expect(
    outcomes.filter((o) => o === 'a/b'),
    outcomes.join(' '),
  ).toEqual([]);
  expect(
    outcomes.every((o) => o !== '-/-'),
    `one side always wins: ${outcomes.join(' ')}`,
  ).toBe(true);
}
