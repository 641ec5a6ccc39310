// Runs one round: every client takes its next operation at each step, all at once (a barrier per step,
// so the clients act on the same view of the stock and collide on purpose), each after a small seeded
// delay that varies who goes first. Each step has a hot document (a receipt whose serials are in stock):
// "hot" issues reach for its serials while hot edits and deletes go for it, the collisions behind the
// races of issue 13. Every operation is written into the History with its outcome.
import { throughApi, throughCore, updateItemField, type DoorResult } from './doors';
import { History, isReturnKind, type Content, type Entry, type LiveDocument } from './history';
import { importDocumentsOf } from './import-door';
import { generateProgram, ITEM_FIELDS, type DocKind, type Op } from './operations';
import { chooseFocus, resolveArrival, resolveConfirm, resolveContent, resolveReturn, type Focus } from './resolve';
import { countAndClose } from './stocktake-door';
import { readSerials, type SerialState, type World } from './world';

export type RoundPlan = { round: number; seed: number; clients: number; steps: number };

type Step = { world: World; history: History; client: number; step: number; serials: SerialState[]; focus?: Focus };

/** mulberry32: a tiny seeded PRNG for the interleaving delays (fast-check generates the operations). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function runRound(world: World, plan: RoundPlan): Promise<History> {
  const program = generateProgram({ clients: plan.clients, steps: plan.steps }, plan.seed);
  const random = prng(plan.seed);
  const history = new History(plan.round);
  for (let step = 0; step < plan.steps; step++) {
    const serials = await readSerials(world);
    const focus = chooseFocus(history.liveDocuments(), serials, random);
    const delays = program.map(() => Math.floor(random() * 4));
    await Promise.all(
      program.map(async (ops, client) => {
        if (delays[client] > 0) await new Promise((resolve) => setTimeout(resolve, delays[client]));
        await runOp({ world, history, client, step, serials, focus }, ops[step]);
      }),
    );
  }
  return history;
}

type Where = { history: History; client: number; step: number };

/** Opens a history entry: its sequence number, marker and start on the logical clock. */
export function begin(w: Where, fields: Partial<Entry> & Pick<Entry, 'door' | 'action'>): Entry {
  const seq = w.history.nextSeq();
  return {
    seq,
    client: w.client,
    step: w.step,
    marker: `r${w.history.round}#${seq}`,
    start: w.history.tick(),
    end: 0,
    outcome: { status: 'ok' },
    ...fields,
  };
}

/** Closes and records an entry with its answer. */
export function finish(w: Where, entry: Entry, result: Pick<DoorResult, 'outcome'> & Partial<DoorResult>): Entry {
  const done = {
    ...entry,
    end: w.history.tick(),
    outcome: result.outcome,
    docId: result.docId ?? entry.docId,
    number: result.number ?? entry.number,
  };
  w.history.record(done);
  return done;
}

/** Runs one document write through a door and records it (the runner's steps and the checks' tests use it). */
export async function writeDocument(
  w: Where & { world: World },
  door: 'core' | 'api',
  action: 'post' | 'edit' | 'delete',
  doc: { content: Content; previous?: Content; docId?: string; number?: string },
): Promise<Entry> {
  const entry = begin(w, { door, action, ...doc });
  const args = { kind: doc.content.kind, content: doc.content, docId: doc.docId, marker: entry.marker };
  return finish(
    w,
    entry,
    door === 'core' ? await throughCore(w.world, action, args) : await throughApi(w.world, w.client, action, args),
  );
}

async function runOp(s: Step, op: Op): Promise<void> {
  if (op.type === 'post') return post(s, op);
  if (op.type === 'edit' || op.type === 'delete') return change(s, op);
  if (op.type === 'itemUpdate') return void (await writeItemField(s, op.item));
  if (op.type === 'stocktake') return void (await countStocktake(s, op));
  return void (await importDocuments(
    s,
    op.docs.map((plan) => resolveContent(plan, op.kind, s.step, s.serials)),
  ));
}

async function post(s: Step, op: Extract<Op, { type: 'post' }>): Promise<void> {
  const live = () => s.history.liveDocuments();
  const confirm = op.kind === 'expected_receipt' && op.content.hot ? resolveConfirm(op.content, s.step, live()) : null;
  const content =
    confirm ??
    (op.kind === 'transfer_arrival'
      ? resolveArrival(op.content, s.step, s.serials, live())
      : isReturnKind(op.kind)
        ? resolveReturn(op.content, op.kind, s.step, s.serials, live())
        : resolveContent(op.content, op.kind, s.step, s.serials, undefined, s.focus));
  // The records API has no field naming an expected receipt: a confirmation goes through the core.
  if (content) await writeDocument(s, confirm ? 'core' : op.door, 'post', { content });
}

async function change(s: Step, op: Extract<Op, { type: 'edit' | 'delete' }>): Promise<void> {
  const target = changeTarget(s, op);
  if (!target) return;
  const content = op.type === 'edit' ? editedContent(s, op, target) : target.content;
  const previous = op.type === 'edit' ? target.content : undefined;
  await writeDocument(s, op.door, op.type, { content, previous, docId: target.docId, number: target.number });
}

/**
 * What an edit writes. A partner switch keeps the rest as it is, so that only the partner rule can refuse it (on a
 * return too: its partner must stay its original's). Returns are otherwise only corrected (their note): what they may
 * take depends on the document they name. An arrival's edit takes, instead of what it received, what its transfer
 * still has in transit (if anything).
 */
function editedContent(s: Step, op: Extract<Op, { type: 'edit' }>, target: LiveDocument): Content {
  if (op.switchPartner) return { ...target.content, partner: target.content.partner === 1 ? 0 : 1 };
  if (isReturnKind(target.kind)) return target.content;
  if (target.kind !== 'transfer_arrival')
    return resolveContent(op.content, target.kind, s.step, s.serials, target, s.focus);
  const ofItsTransfer = s.history.liveDocuments().filter((d) => d.docId === target.content.transferDocId);
  return resolveArrival(op.content, s.step, s.serials, ofItsTransfer) ?? target.content;
}

/**
 * What an edit or delete goes for: a hot partner switch picks among the documents returns may name (as a return picks
 * its original, so the two meet), other hot changes the step's hot document, the rest a recent document.
 */
function changeTarget(s: Step, op: Extract<Op, { type: 'edit' | 'delete' }>): LiveDocument | undefined {
  if (op.type === 'edit' && op.switchPartner && op.hot) {
    const originals = s.history.liveDocuments().filter((d) => RETURNED_KINDS.includes(d.kind));
    if (originals.length > 0) return originals[op.target % originals.length];
  }
  return op.hot && s.focus ? s.focus : s.history.chooseTarget(op.target);
}

const RETURNED_KINDS: DocKind[] = ['goods_receipt', 'purchase_invoice', 'goods_issue', 'sales_invoice'];

/**
 * Opens, scans and closes (or cancels) a count, recorded as one entry whose marker is the close's reason and whose door
 * is where the scans and the count went in.
 */
export async function countStocktake(w: Where & { world: World }, op: Extract<Op, { type: 'stocktake' }>) {
  const entry = begin(w, { door: op.door, action: 'stocktake' });
  return finish(w, entry, await countAndClose(w.world, w.client, op, w.step, entry.marker));
}

/** Writes the client's own field of an item through the records API (a partial update) and records it. */
export async function writeItemField(w: Where & { world: World }, item: 0 | 1 | 2): Promise<Entry> {
  const field = ITEM_FIELDS[w.client];
  const entry = begin(w, { door: 'api', action: 'itemUpdate', item, field });
  // Values unique per operation, so the stored value names the write it came from.
  const value =
    field === 'Name' || field === 'Description'
      ? `${field} ${entry.marker}`
      : `${w.history.round * 10_000 + entry.seq}.25`;
  return finish(w, { ...entry, value }, { outcome: await updateItemField(w.world, w.client, item, field, value) });
}

/** Imports goods receipts or transfers (all of one kind) in one bulk-write job; one entry per document. */
export async function importDocuments(w: Where & { world: World }, contents: Content[]): Promise<Entry[]> {
  const entries = contents.map((content) => begin(w, { door: 'import', action: 'post', content }));
  const results = await importDocumentsOf(
    w.world,
    w.client,
    entries.map((e) => ({ content: e.content!, marker: e.marker })),
  );
  return entries.map((entry, i) => finish(w, entry, results[i]));
}
