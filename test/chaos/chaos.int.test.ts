// The short seeded run of the chaos checker (test/chaos/chaos.ts; docs/quality.md, Concurrency): six
// concurrent clients, four rounds of 30 steps over a pool of 16 serials. CHAOS_SEED and CHAOS_ROUNDS
// rerun another seed or a longer run here; `npm run chaos` runs for minutes.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/db';
import { runChaos, summarise } from './chaos';
import { createWorld } from './world';

const options = {
  seed: Number(process.env.CHAOS_SEED ?? 20261122),
  clients: 6,
  steps: 30,
  rounds: Number(process.env.CHAOS_ROUNDS ?? 4),
};

describe('chaos: concurrent clients over a small pool of serials', async () => {
  const { db } = await useTestDatabase();
  const world = await createWorld(db, options.clients);

  it('keeps every invariant, every acknowledged write and every answer clean', async () => {
    const figures = await runChaos(world, options);
    console.log(summarise(figures, options).join('\n'));
    // Not a vacuous run: every kind of write was acknowledged somewhere, and every document write refused somewhere.
    const totals = new Map<string, { ok: number; refused: number }>();
    for (const [kind, counts] of figures.byKind) {
      const action = kind.split(' ')[1];
      const total = totals.get(action) ?? { ok: 0, refused: 0 };
      totals.set(action, { ok: total.ok + counts.ok, refused: total.refused + counts.refused });
    }
    for (const action of ['post', 'edit', 'delete', 'itemUpdate', 'stocktake'])
      expect(totals.get(action)?.ok, action).toBeGreaterThan(0);
    for (const action of ['post', 'edit', 'delete']) expect(totals.get(action)?.refused, action).toBeGreaterThan(0);
    // Counts were entered through the records API too, and partner switches were both taken and refused.
    expect(figures.byKind.get('api stocktake')?.ok, 'api stocktake').toBeGreaterThan(0);
    const switches = [...figures.byKind].filter(([kind]) => kind.endsWith(' partner')).map(([, counts]) => counts);
    expect(switches.some((c) => c.ok > 0) && switches.some((c) => c.refused > 0), 'partner switches').toBe(true);
    // The failing rounds' headers as the diff, the first two full reports (violations and traces) as the message.
    const reports = figures.failedRounds
      .slice(0, 2)
      .map((round) => round.report.join('\n'))
      .join('\n\n');
    expect(
      figures.failedRounds.map((round) => round.report[0]),
      reports,
    ).toEqual([]);
  });
});
