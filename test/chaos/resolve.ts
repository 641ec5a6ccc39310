// Turns an operation's abstract choices into a concrete document, against the serials as read just
// before the step. Nine lines in ten take plausible serials (not in stock for a receipt, in stock in the
// warehouse for an issue); the tenth takes any serial of the pool, which the core must refuse. A "hot"
// issue reaches for the serials of the step's hot document, which hot edits and deletes go for too.
import {
  carriesSerials,
  heldIn,
  isInbound,
  isInvoice,
  partnerSide,
  type Content,
  type Line,
  type LiveDocument,
} from './history';
import type { ContentPlan, DocKind, LinePlan } from './operations';
import { serialPool, type SerialState } from './world';

export const FIRST_DAY = '2026-03-01';

/**
 * The step's hot document: a receipt or transfer whose serials are in stock, for issues, transfers, edits and deletes
 * to collide on.
 */
export type Focus = LiveDocument;

type Resolving = {
  kind: DocKind;
  warehouse: 0 | 1;
  serials: SerialState[];
  target?: LiveDocument;
  hotSerials: string[];
};

/** The day a step plays on: one day per step, so "today" moves on and back-dated documents reach into the past. */
export function dayOf(step: number, daysBack = 0): string {
  const date = new Date(`${FIRST_DAY}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + step - daysBack);
  return date.toISOString().slice(0, 10);
}

const serialsOf = (doc: LiveDocument | undefined, item: number) =>
  doc?.content.lines.filter((l) => l.item === item).flatMap((l) => l.serials) ?? [];

function plausibleSerials(item: 0 | 1, r: Resolving): string[] {
  const state = new Map(r.serials.filter((s) => s.item === item).map((s) => [s.serial, s]));
  // An edit may keep the serials its document already holds: they are the target's to move.
  const own = new Set(serialsOf(r.target, item));
  return serialPool(item).filter((serial) => {
    const s = state.get(serial);
    if (own.has(serial)) return true;
    return isInbound(r.kind) ? s?.status !== 'in_stock' : s?.status === 'in_stock' && s.warehouse === r.warehouse;
  });
}

function chooseSerials(plan: LinePlan & { item: 0 | 1 }, preferred: string[], candidates: string[]): string[] {
  const anySerial = plan.picks[0] % 10 === 0;
  const left = anySerial ? serialPool(plan.item) : candidates.filter((s) => !preferred.includes(s));
  const chosen = anySerial ? [] : preferred.filter((s) => candidates.includes(s)).slice(0, plan.count);
  for (let k = 0; chosen.length < plan.count && left.length > 0; k++)
    chosen.push(left.splice(plan.picks[k % 2] % left.length, 1)[0]);
  // Too few plausible serials left: the rest comes from the whole pool (and is likely refused).
  const rest = serialPool(plan.item).filter((s) => !chosen.includes(s));
  while (chosen.length < plan.count) chosen.push(rest.shift()!);
  return chosen;
}

function resolveLine(plan: LinePlan, createStock: boolean, r: Resolving): Line {
  if (plan.item === 2 || !carriesSerials({ kind: r.kind, createStock }))
    return { item: plan.item, quantity: plan.count, serials: [] };
  const preferred = r.hotSerials.filter((key) => key.startsWith(`${plan.item}:`)).map((key) => key.slice(2));
  const chosen = chooseSerials({ ...plan, item: plan.item }, preferred, plausibleSerials(plan.item, r));
  return { item: plan.item, quantity: chosen.length, serials: chosen };
}

/**
 * The document a post (or, with `target`, an edit) writes; a hot issue or transfer leaves from where the hot document
 * put its serials.
 */
export function resolveContent(
  plan: ContentPlan,
  kind: DocKind,
  step: number,
  serials: SerialState[],
  target?: LiveDocument,
  focus?: Focus,
): Content {
  const createStock = isInvoice(kind) ? plan.createStock : false;
  const hot = plan.hot && focus !== undefined && !isInbound(kind);
  const r: Resolving = {
    kind,
    serials,
    target,
    warehouse: hot ? heldIn(focus.content) : plan.warehouse,
    hotSerials: hot ? serialKeys(focus.content) : [],
  };
  const content: Content = {
    kind,
    date: dayOf(step, plan.daysBack),
    warehouse: r.warehouse,
    ...(partnerSide(kind) ? { partner: plan.partner } : {}),
    createStock,
    lines: plan.lines.map((line) => resolveLine(line, createStock, r)),
  };
  return kind === 'transfer' ? { ...content, inTransit: !plan.createStock } : content;
}

/**
 * An arrival of a live in-transit transfer (the plan's first pick chooses which): its tracked lines take the
 * transfer's serials still in transit (the plan's count of them; a tenth of the lines any serial the transfer
 * sent), its counted lines the plan's count. Undefined when no transfer is in transit.
 */
export function resolveArrival(
  plan: ContentPlan,
  step: number,
  serials: SerialState[],
  live: LiveDocument[],
): Content | undefined {
  const sent = live.filter((d) => d.kind === 'transfer' && d.content.inTransit);
  if (sent.length === 0) return undefined;
  const transfer = sent[plan.lines[0].picks[0] % sent.length];
  const inTransit = new Set(serials.filter((s) => s.status === 'in_transit').map((s) => `${s.item}:${s.serial}`));
  const lines = transfer.content.lines
    .map((line, i): Line => {
      const count = plan.lines[i % plan.lines.length].count;
      if (line.item === 2) return { item: 2, quantity: count, serials: [] };
      const any = plan.lines[i % plan.lines.length].picks[1] % 10 === 0;
      const chosen = line.serials.filter((s) => any || inTransit.has(`${line.item}:${s}`)).slice(0, count);
      return { item: line.item, quantity: chosen.length, serials: chosen };
    })
    .filter((line) => line.quantity > 0);
  if (lines.length === 0) return undefined;
  // A third of the arrivals back-dated, some to before the transfer: the core refuses those.
  return {
    kind: 'transfer_arrival',
    date: dayOf(step, plan.daysBack),
    warehouse: heldIn(transfer.content),
    createStock: false,
    lines,
    transferDocId: transfer.docId,
  };
}

/**
 * A goods receipt confirming a live expected receipt (the plan's first pick chooses which): per tracked line, the
 * plan's count of its serials (a tenth of the lines one from the whole pool instead: an extra, or a serial held
 * elsewhere, which the core refuses); the missing ones kept or dropped. Null when none is live.
 */
export function resolveConfirm(plan: ContentPlan, step: number, live: LiveDocument[]): Content | null {
  const prepared = live.filter((d) => d.kind === 'expected_receipt');
  if (prepared.length === 0) return null;
  const expected = prepared[plan.lines[0].picks[0] % prepared.length];
  const lines = expected.content.lines
    .filter((line) => line.item !== 2)
    .map((line, i): Line => {
      const linePlan = plan.lines[i % plan.lines.length];
      const extra = linePlan.picks[1] % 10 === 0;
      const pool = serialPool(line.item as 0 | 1);
      const chosen = [
        ...line.serials.slice(0, linePlan.count),
        ...(extra ? [pool[linePlan.picks[0] % pool.length]] : []),
      ].filter((serial, k, all) => all.indexOf(serial) === k);
      return { item: line.item, quantity: chosen.length, serials: chosen };
    })
    .filter((line) => line.quantity > 0);
  if (lines.length === 0) return null;
  return {
    kind: 'goods_receipt',
    date: dayOf(step, plan.daysBack),
    warehouse: expected.content.warehouse,
    partner: expected.content.partner,
    createStock: false,
    lines,
    expectedDocId: expected.docId,
    missingExpected: plan.createStock ? 'keep' : 'drop',
  };
}

/**
 * A return (or credit note) on a live document it may name (the plan's first pick chooses which): a customer return
 * or credit note on a sale, a return to the supplier on a purchase. Tracked lines take the origin's serials that are
 * still out with a sale (issued) or in stock in the purchase's warehouse — the plan's count of them; a tenth of the
 * lines any serial the origin moved, which the core refuses when it has moved on — and counted lines the plan's count
 * (more than the origin moved is refused). Undefined when there is nothing to name.
 */
export function resolveReturn(
  plan: ContentPlan,
  kind: DocKind,
  step: number,
  serials: SerialState[],
  live: LiveDocument[],
): Content | undefined {
  const toSupplier = kind === 'supplier_return';
  const origins = live.filter((d) =>
    // An expected receipt is inbound but moved no goods: nothing goes back on it.
    toSupplier
      ? isInbound(d.kind) && d.kind !== 'expected_receipt'
      : d.kind === 'goods_issue' || d.kind === 'sales_invoice',
  );
  if (origins.length === 0) return undefined;
  const origin = origins[plan.lines[0].picks[0] % origins.length];
  const createStock = kind === 'credit_note' && plan.createStock;
  const moves = kind !== 'credit_note' || createStock;
  const warehouse = toSupplier ? origin.content.warehouse : plan.warehouse;
  const state = new Map(serials.map((s) => [`${s.item}:${s.serial}`, s]));
  const eligible = (item: number, serial: string) => {
    const s = state.get(`${item}:${serial}`);
    return toSupplier ? s?.status === 'in_stock' && s.warehouse === warehouse : s?.status === 'issued';
  };
  const lines = origin.content.lines
    .map((line, i): Line => {
      const p = plan.lines[i % plan.lines.length];
      if (line.item === 2 || !moves) return { item: line.item, quantity: p.count, serials: [] };
      const any = p.picks[1] % 10 === 0;
      const chosen = line.serials.filter((s) => any || eligible(line.item, s)).slice(0, p.count);
      return { item: line.item, quantity: chosen.length, serials: chosen };
    })
    .filter((line) => line.quantity > 0);
  if (lines.length === 0) return undefined;
  // Goods go back to (or come from) the partner they left with (or came from), as the runner last knew it.
  const partner = origin.content.partner;
  return {
    kind,
    date: dayOf(step, plan.daysBack),
    warehouse,
    partner,
    createStock,
    lines,
    returnOfDocId: origin.docId,
  };
}

/** The serials a content moves, as item:serial keys (traces and checks find operations by them). */
export function serialKeys(content: Content | undefined): string[] {
  return content?.lines.flatMap((l) => l.serials.map((s) => `${l.item}:${s}`)) ?? [];
}

/** The serials an operation touched: what it wrote and, for an edit, what it took away. */
export function touchedSerials(entry: { content?: Content; previous?: Content }): string[] {
  return [...serialKeys(entry.content), ...serialKeys(entry.previous)];
}

/** Picks the step's hot document among live inbound documents and transfers holding a serial that is in stock. */
export function chooseFocus(live: LiveDocument[], serials: SerialState[], random: () => number): Focus | undefined {
  const inStock = new Set(serials.filter((s) => s.status === 'in_stock').map((s) => `${s.item}:${s.serial}`));
  const candidates = live.filter(
    (d) =>
      (isInbound(d.kind) || d.kind === 'transfer' || d.kind === 'transfer_arrival' || d.kind === 'customer_return') &&
      serialKeys(d.content).some((key) => inStock.has(key)),
  );
  return candidates.length ? candidates[Math.floor(random() * candidates.length)] : undefined;
}
