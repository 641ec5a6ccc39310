// What happened in a round: every operation with what it meant to write, when it started and ended on a
// logical clock, and how it was answered. The checks judge the database against this record.
import type { DocKind, Door, ItemField } from './operations';

export type Outcome =
  | { status: 'ok' }
  | { status: 'refused'; code: string; message: string }
  | { status: 'failed'; code: string; message: string };

export type Line = { item: 0 | 1 | 2; quantity: number; serials: string[] };
/**
 * A document as a client meant it: the checks compare the stored document with this. `inTransit`: a transfer sent
 * in transit; `transferDocId`: the transfer an arrival received goods of; `returnOfDocId`: the document a return
 * (or credit note) sends goods back on. `partner`: which of the two suppliers or customers it names (0 when absent;
 * transfers and arrivals name none, see partnerSide).
 */
export type Content = {
  kind: DocKind;
  date: string;
  warehouse: 0 | 1;
  partner?: 0 | 1;
  createStock: boolean;
  lines: Line[];
  inTransit?: boolean;
  transferDocId?: string;
  /** A goods receipt confirming an expected receipt: that one, and what becomes of its missing serials. */
  expectedDocId?: string;
  missingExpected?: 'keep' | 'drop';
  returnOfDocId?: string;
};

export type Entry = {
  seq: number;
  client: number;
  step: number;
  door: Door | 'import';
  action: 'post' | 'edit' | 'delete' | 'itemUpdate' | 'stocktake';
  /** The note this operation writes on its document: unique, so the document shows which write it holds. */
  marker: string;
  /** Posts and edits: what they write. Deletes: what the target held as far as the runner knew. */
  content?: Content;
  /** Edits: what the target held before, as far as the runner knew (the serials an edit takes away). */
  previous?: Content;
  docId?: string;
  number?: string;
  item?: 0 | 1 | 2;
  field?: ItemField;
  value?: string;
  start: number;
  end: number;
  outcome: Outcome;
};

/** A document the runner believes exists (posted and not deleted, as acknowledged so far). */
export type LiveDocument = { docId: string; number: string; kind: DocKind; content: Content; since: number };

export class History {
  readonly entries: Entry[] = [];
  private clock = 0;
  private seq = 0;
  private readonly live = new Map<string, LiveDocument>();

  constructor(readonly round: number) {}

  /** The logical clock: a ends before b starts exactly when a.end < b.start. */
  tick(): number {
    return ++this.clock;
  }

  nextSeq(): number {
    return ++this.seq;
  }

  record(entry: Entry): void {
    this.entries.push(entry);
    if (entry.outcome.status !== 'ok' || !entry.docId) return;
    if (entry.action === 'delete') this.live.delete(entry.docId);
    else if (entry.content) {
      this.live.set(entry.docId, {
        docId: entry.docId,
        number: entry.number ?? this.live.get(entry.docId)?.number ?? '?',
        kind: entry.content.kind,
        content: entry.content,
        since: this.live.get(entry.docId)?.since ?? entry.seq,
      });
    }
  }

  /** The documents believed to exist, oldest first. */
  liveDocuments(): LiveDocument[] {
    return [...this.live.values()].sort((a, b) => a.since - b.since);
  }

  /** A target for an edit or delete, biased towards recent documents (whose serials are still around). */
  chooseTarget(pick: number): LiveDocument | undefined {
    const docs = this.liveDocuments();
    if (docs.length === 0) return undefined;
    const u = pick / 1_000_000;
    return docs[docs.length - 1 - Math.floor(docs.length * u * u)];
  }
}

export const isInbound = (kind: DocKind) =>
  kind === 'goods_receipt' || kind === 'purchase_invoice' || kind === 'expected_receipt';
export const isInvoice = (kind: DocKind) =>
  kind === 'purchase_invoice' || kind === 'sales_invoice' || kind === 'credit_note';
/** The kind of partner a document names: none for transfers and arrivals. */
export function partnerSide(kind: DocKind): 'supplier' | 'customer' | null {
  if (kind === 'transfer' || kind === 'transfer_arrival') return null;
  return isInbound(kind) || kind === 'supplier_return' ? 'supplier' : 'customer';
}
/** Customer returns, returns to suppliers and credit notes: each names the document its goods go back on. */
export const isReturnKind = (kind: DocKind) =>
  kind === 'customer_return' || kind === 'supplier_return' || kind === 'credit_note';
/**
 * The warehouse a document leaves its serials in: a transfer's destination (of the two, the other one), else its own.
 */
export const heldIn = (content: Pick<Content, 'kind' | 'warehouse'>): 0 | 1 =>
  content.kind === 'transfer' ? ((1 - content.warehouse) as 0 | 1) : content.warehouse;
/** Whether the document moves serials: stock documents always, invoices when they create their stock document. */
export const carriesSerials = (content: Pick<Content, 'kind' | 'createStock'>) =>
  !isInvoice(content.kind) || content.createStock;
