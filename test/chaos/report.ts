// What a failing round prints: the broken invariant, the offenders, and a short trace of the operations
// that touched them (the serials, documents or item field involved), in the order they started.
import { touchedSerials } from './resolve';
import type { CheckResult, Violation } from './checks';
import type { Content, Entry } from './history';
import { ITEM_CODES, partnerCodeOf, WAREHOUSE_CODES } from './world';

const TRACE_LENGTH = 14;

const describeLines = (content: Content) =>
  content.lines
    .map((l) => `${ITEM_CODES[l.item]}×${l.quantity}${l.serials.length ? `[${l.serials.join(',')}]` : ''}`)
    .join(' ');

function describeContent(e: Entry): string {
  if (!e.content) return '';
  const stock = e.content.kind.endsWith('invoice') ? (e.content.createStock ? ' +stock doc' : ' no stock doc') : '';
  const was = e.previous
    ? ` (was ${e.previous.date} ${WAREHOUSE_CODES[e.previous.warehouse]} ${describeLines(e.previous)})`
    : '';
  const partner = partnerCodeOf(e.content);
  const wasFor = e.previous && partnerCodeOf(e.previous) !== partner ? ` (was for ${partnerCodeOf(e.previous)})` : '';
  return `${e.content.kind} ${e.content.date} ${WAREHOUSE_CODES[e.content.warehouse]}${partner ? ` ${partner}${wasFor}` : ''}${stock} ${describeLines(e.content)}${was}`;
}

function describeOutcome(e: Entry): string {
  if (e.outcome.status === 'ok') return 'ok';
  return `${e.outcome.status} ${e.outcome.code}: ${e.outcome.message.slice(0, 140)}`;
}

/** One line per operation: who, when (logical clock start-end), through which door, what, and the answer. */
export function describeEntry(e: Entry): string {
  const target =
    e.action === 'itemUpdate'
      ? `${ITEM_CODES[e.item!]}.${e.field} = ${e.value}`
      : `${e.number ?? ''}${e.docId ? ` (id ${e.docId})` : ''} ${describeContent(e)}`;
  return `#${e.seq} c${e.client} step ${e.step} t${e.start}-${e.end} ${e.door} ${e.action} ${target} → ${describeOutcome(e)}`;
}

const overlaps = (a: Entry, b: Entry) => a.start < b.end && b.start < a.end;

/**
 * The operations behind a violation: those it names (by operation or document), then those touching the
 * same serials (written or, by an edit, taken away) or item, the ones running at the same time as a named
 * one first: a race needs a partner.
 */
export function traceOf(violation: Violation, entries: Entry[]): Entry[] {
  const named = entries.filter(
    (e) => violation.seqs?.includes(e.seq) || (e.docId !== undefined && violation.docIds?.includes(e.docId)),
  );
  const serials = new Set([...(violation.serials ?? []), ...named.flatMap((e) => touchedSerials(e))]);
  const sameItem = (e: Entry) =>
    violation.itemField !== undefined &&
    e.action === 'itemUpdate' &&
    e.item === violation.itemField.item &&
    (e.field === violation.itemField.field || named.some((n) => overlaps(n, e)));
  const related = entries.filter(
    (e) => !named.includes(e) && (touchedSerials(e).some((k) => serials.has(k)) || sameItem(e)),
  );
  const concurrent = related.filter((e) => named.some((n) => overlaps(n, e)));
  const rest = related.filter((e) => !concurrent.includes(e));
  // A refused operation changed nothing: the acknowledged and failed ones come first, the latest of them.
  const others = [
    ...rest.filter((e) => e.outcome.status !== 'refused').slice(-TRACE_LENGTH),
    ...rest.filter((e) => e.outcome.status === 'refused').reverse(),
  ];
  return [...named, ...concurrent, ...others].slice(0, TRACE_LENGTH).sort((a, b) => a.start - b.start);
}

/** The failing checks of a round with their traces, as printable lines. */
export function reportRound(round: number, seed: number, results: CheckResult[], entries: Entry[]): string[] {
  const failing = results.filter((r) => r.violations.length > 0);
  const lines = [
    `round ${round} (seed ${seed}): ${failing.length} of ${results.length} checks FAILED — rerun: CHAOS_SEED=${seed} CHAOS_ROUNDS=1`,
    '  (trace lines: #operation, client, step, tstart-end on the logical clock: overlapping ranges ran at the same time)',
  ];
  for (const check of failing) {
    lines.push(`  FAIL ${check.name}: ${check.violations.length} violation${check.violations.length === 1 ? '' : 's'}`);
    for (const violation of check.violations.slice(0, 3)) {
      lines.push(`    - ${violation.detail}`);
      for (const e of traceOf(violation, entries)) lines.push(`        ${describeEntry(e)}`);
    }
  }
  return lines;
}
