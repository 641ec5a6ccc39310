// The chaos checker: round after round, concurrent clients run fast-check-generated operations over a
// small pool of serials through the core, the records API and the importer; after each round every
// invariant is checked against the database and the history. Used by chaos.int.test.ts (a short seeded
// run) and scripts/chaos.ts (npm run chaos: any seed, for minutes).
import { runChecks, readItemValues, type CheckResult } from './checks';
import type { Entry } from './history';
import { reportRound } from './report';
import { runRound } from './runner';
import { partnerCodeOf, resetStock, type World } from './world';

export type ChaosOptions = {
  seed: number;
  clients: number;
  steps: number;
  /** Stop after this many rounds, or once this much time has passed (whichever is given; both: the first). */
  rounds?: number;
  durationMs?: number;
  /** Failing rounds whose full report (violations and traces) is logged; later ones get one line. */
  fullReports?: number;
  log?: (line: string) => void;
};

export type FailedRound = { round: number; seed: number; failing: CheckResult[]; report: string[] };

export type ChaosFigures = {
  rounds: number;
  operations: number;
  /** Per "door action kind": acknowledged, refused, failed. */
  byKind: Map<string, { ok: number; refused: number; failed: number }>;
  refusalCodes: Map<string, number>;
  checksRun: number;
  checksFailed: number;
  failedRounds: FailedRound[];
  /** How often each check failed, over all rounds. */
  failuresByCheck: Map<string, number>;
  durationMs: number;
};

/** The seed of round r: consecutive, so a failing round can be rerun alone with its own seed. */
export const roundSeed = (seed: number, round: number) => (seed + round) | 0;

function tally(figures: ChaosFigures, entries: Entry[]): void {
  for (const e of entries) {
    const what = e.content
      ? ` ${e.content.kind}${e.content.expectedDocId ? ' confirming' : ''}${switchesPartner(e) ? ' partner' : ''}`
      : '';
    const kind = `${e.door} ${e.action}${what || (e.field ? ` ${e.field}` : '')}`;
    const counts = figures.byKind.get(kind) ?? { ok: 0, refused: 0, failed: 0 };
    counts[e.outcome.status]++;
    figures.byKind.set(kind, counts);
    if (e.outcome.status === 'refused')
      figures.refusalCodes.set(e.outcome.code, (figures.refusalCodes.get(e.outcome.code) ?? 0) + 1);
  }
  figures.operations += entries.length;
}

/** An edit naming another partner than its target did (a partner switch, or a new content with the other one). */
const switchesPartner = (e: Entry) =>
  e.action === 'edit' && e.previous !== undefined && partnerCodeOf(e.content!) !== partnerCodeOf(e.previous);

export async function runChaos(world: World, options: ChaosOptions): Promise<ChaosFigures> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const figures: ChaosFigures = {
    rounds: 0,
    operations: 0,
    byKind: new Map(),
    refusalCodes: new Map(),
    checksRun: 0,
    checksFailed: 0,
    failedRounds: [],
    failuresByCheck: new Map(),
    durationMs: 0,
  };
  const more = (round: number) =>
    (options.rounds === undefined || round < options.rounds) &&
    (options.durationMs === undefined || Date.now() - started < options.durationMs);
  for (let round = 0; more(round); round++) {
    const seed = roundSeed(options.seed, round);
    await resetStock(world.db);
    const itemsBefore = await readItemValues(world.db, world);
    const history = await runRound(world, { round, seed, clients: options.clients, steps: options.steps });
    const results = await runChecks(world.db, world, history.entries, itemsBefore, options.clients);
    tally(figures, history.entries);
    const failing = results.filter((r) => r.violations.length > 0);
    figures.rounds++;
    figures.checksRun += results.length;
    figures.checksFailed += failing.length;
    for (const check of failing)
      figures.failuresByCheck.set(check.name, (figures.failuresByCheck.get(check.name) ?? 0) + 1);
    if (failing.length > 0) {
      const report = reportRound(round, seed, results, history.entries);
      figures.failedRounds.push({ round, seed, failing, report });
      if (figures.failedRounds.length <= (options.fullReports ?? Infinity)) report.forEach((line) => log(line));
      else
        log(
          `round ${round} (seed ${seed}): FAILED ${failing.map((c) => `${c.name} (${c.violations.length})`).join(', ')}`,
        );
    } else {
      log(`round ${round} (seed ${seed}): ${history.entries.length} operations, all ${results.length} checks held`);
    }
  }
  figures.durationMs = Date.now() - started;
  return figures;
}

/** The figures of a run, as printable lines. */
export function summarise(figures: ChaosFigures, options: Pick<ChaosOptions, 'seed' | 'clients' | 'steps'>): string[] {
  const lines = [
    `chaos: seed ${options.seed}, ${options.clients} clients, ${options.steps} steps a round: ${figures.rounds} rounds, ` +
      `${figures.operations} operations in ${(figures.durationMs / 1000).toFixed(1)} s`,
  ];
  lines.push('  operation                                       ok  refused  failed');
  for (const [kind, c] of [...figures.byKind].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(
      `  ${kind.padEnd(44)} ${String(c.ok).padStart(5)} ${String(c.refused).padStart(8)} ${String(c.failed).padStart(7)}`,
    );
  }
  const codes = [...figures.refusalCodes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([code, n]) => `${n}× ${code}`);
  lines.push(`  refusals: ${codes.join(', ')}`);
  lines.push(
    `  invariant checks: ${figures.checksRun} run, ${figures.checksRun - figures.checksFailed} held, ${figures.checksFailed} failed` +
      ` (${figures.failedRounds.length} of ${figures.rounds} rounds failed)`,
  );
  for (const [name, n] of figures.failuresByCheck) lines.push(`    ${n}× ${name}`);
  const seeds = figures.failedRounds.slice(0, 10).map((r) => r.seed);
  if (seeds.length)
    lines.push(`  failing round seeds: ${seeds.join(', ')}${figures.failedRounds.length > 10 ? ' …' : ''}`);
  return lines;
}
