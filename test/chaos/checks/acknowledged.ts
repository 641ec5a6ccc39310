// (c) Every acknowledged write is there, every refused one left nothing. Each document is a register
// written by its post and its acknowledged edits: it must hold the content of a write that no other
// acknowledged write followed (in real time), carry that write's marker as its note, and be gone exactly
// when a delete of it was acknowledged. A refused or failed operation's marker must appear nowhere.
import type { DbOrTx } from '@/db/client';
import type { Entry } from '../history';
import type { World } from '../world';
import type { CheckResult, Violation } from './check';
import { stocktakeNote } from '../stocktake-door';
import { contentDifference, readStoredDocuments, type StoredDocument } from './stored-documents';

const ok = (e: Entry) => e.outcome.status === 'ok';
const describe = (e: Entry) => `#${e.seq} (c${e.client} ${e.door} ${e.action})`;

function groupByDocument(entries: Entry[]) {
  const writes = new Map<string, Entry[]>();
  const deletes = new Map<string, Entry[]>();
  for (const e of entries.filter((x) => ok(x) && x.docId && x.action !== 'itemUpdate')) {
    const into = e.action === 'delete' ? deletes : writes;
    into.set(e.docId!, [...(into.get(e.docId!) ?? []), e]);
  }
  return { writes, deletes };
}

/** The verdict on one acknowledged document; null when it holds. */
function judgeDocument(
  world: World,
  stored: Map<string, StoredDocument>,
  writes: Entry[],
  deletes: Entry[],
): string | null {
  const row = stored.get(writes[0].docId!);
  if (deletes.length > 0) {
    if (row) return `delete ${deletes.map(describe).join(', ')} was acknowledged, but ${row.number} is still there`;
    const late = writes.find((w) => deletes.some((d) => w.start > d.end));
    return late ? `${describe(late)} was acknowledged after the document's delete had been` : null;
  }
  if (!row)
    return `acknowledged by ${writes.map(describe).join(', ')}, but the document is gone without an acknowledged delete`;
  const holder = writes.find((w) => w.marker === row.note);
  if (!holder) return `${row.number} holds note "${row.note}", which no acknowledged write of it wrote`;
  const later = writes.find((w) => w.start > holder.end);
  if (later)
    return `lost update: ${row.number} holds the write of ${describe(holder)}, but ${describe(later)} started after it was acknowledged`;
  const difference = contentDifference(world, stored, row, holder.content!);
  return difference ? `${row.number} holds the note of ${describe(holder)} but not its content: ${difference}` : null;
}

function acknowledgedDocuments(world: World, stored: Map<string, StoredDocument>, entries: Entry[]): Violation[] {
  const { writes, deletes } = groupByDocument(entries);
  const violations: Violation[] = [];
  for (const [docId, docWrites] of writes) {
    if (!docWrites.some((w) => w.action === 'post')) continue;
    const verdict = judgeDocument(world, stored, docWrites, deletes.get(docId) ?? []);
    if (verdict) violations.push({ detail: verdict, docIds: [docId] });
  }
  return violations;
}

/** Refused or failed writes whose marker is on a document, and documents no acknowledged post created. */
function leftovers(stored: Map<string, StoredDocument>, entries: Entry[]): Violation[] {
  const byMarker = new Map(entries.filter((e) => e.marker && e.action !== 'itemUpdate').map((e) => [e.marker, e]));
  const posted = new Set(entries.filter((e) => ok(e) && e.action === 'post').map((e) => e.docId));
  const violations: Violation[] = [];
  for (const doc of stored.values()) {
    if (doc.sourceInvoiceId !== null) {
      const invoice = stored.get(doc.sourceInvoiceId);
      if (invoice?.stockDocumentId !== doc.id)
        violations.push({
          detail: `${doc.number} belongs to an invoice that does not own it`,
          docIds: [doc.id, doc.sourceInvoiceId],
        });
      continue;
    }
    if (doc.stocktakeId !== null) {
      // A count's adjustment: its close (the entry whose marker is its reason) must have been acknowledged.
      const closed = entries.some(
        (e) => e.action === 'stocktake' && ok(e) && e.number && doc.note === stocktakeNote(e.number, e.marker),
      );
      if (!closed)
        violations.push({
          detail: `${doc.number} was posted by a count whose close was not acknowledged`,
          docIds: [doc.id],
        });
      continue;
    }
    const writer = byMarker.get(doc.note);
    if (writer && !ok(writer)) {
      violations.push({
        detail: `${describe(writer)} was ${writer.outcome.status}, yet ${doc.number} holds its write`,
        docIds: [doc.id],
        seqs: [writer.seq],
      });
    } else if (!posted.has(doc.id)) {
      violations.push({ detail: `${doc.number} exists, but no acknowledged post created it`, docIds: [doc.id] });
    }
  }
  return violations;
}

export async function acknowledgementChecks(db: DbOrTx, world: World, entries: Entry[]): Promise<CheckResult[]> {
  const stored = await readStoredDocuments(db);
  return [
    {
      name: '(c) acknowledged document writes are there, acknowledged deletes stay done',
      violations: acknowledgedDocuments(world, stored, entries),
    },
    { name: '(c) refused writes left nothing', violations: leftovers(stored, entries) },
  ];
}
