import type { DbOrTx } from '@/db/client';
import type { TableRow } from '@/lib/import/files';
import type { RowError } from '@/lib/import/results';
import { externalKeyOf, lockDocumentsByKey, numberKey, type FoundDocument } from '@/lib/inventory/find-documents';
import { mappingFor, type DocumentContext } from './context';
import { numberOf } from './document-rows';
import { readCell } from './row-values';

/** What an update or upsert does with a document of the file: change the one found, refuse, or (null) find none. */
export type Target = { id: bigint } | { error: RowError } | null;

/*
 * The documents an update or upsert changes, found by the job's find_by: Number is the document's own number
 * (GR-2026-00042); External_Number is its external number as an insert gives it — the External_Number column,
 * or the file's Number when that column is not mapped or blank. An external number is unique per partner, so
 * a row that gives a Partner finds that partner's document only, and one that does not must name a single one.
 */
export class DocumentTargets {
  private constructor(
    private readonly ctx: DocumentContext,
    private readonly byKey: Map<string, FoundDocument[]>,
  ) {}

  /** Finds (and locks, for the chunk's transaction) every document the chunk's units name. */
  static async load(tx: DbOrTx, ctx: DocumentContext, units: TableRow[][]): Promise<DocumentTargets> {
    const texts = units.map((unit) => keyTextOf(ctx, unit)).filter((text): text is string => text !== null);
    const found = await lockDocumentsByKey(
      tx,
      ctx.module.documentKind,
      byNumber(ctx) ? 'number' : 'externalNumber',
      texts,
    );
    const targets = new DocumentTargets(ctx, new Map());
    for (const doc of found) targets.remember(doc);
    return targets;
  }

  /** A document an upsert inserted: later units of the chunk that name it update it, as they would in a later chunk. */
  remember(doc: FoundDocument) {
    const key = byNumber(this.ctx) ? numberKey(doc.number) : doc.externalNumberKey!;
    this.byKey.set(key, [...(this.byKey.get(key) ?? []), doc]);
  }

  /** The unit's document; `partnerId` is the Partner its rows give (undefined when none). */
  targetOf(unit: TableRow[], partnerId: bigint | undefined): Target {
    const text = keyTextOf(this.ctx, unit)!;
    if (byNumber(this.ctx)) {
      const [doc] = this.byKey.get(numberKey(text)) ?? [];
      return doc ? { id: doc.id } : null;
    }
    const held = this.byKey.get(externalKeyOf(text)) ?? [];
    const candidates = partnerId === undefined ? held : held.filter((doc) => doc.partnerId === partnerId);
    if (candidates.length === 1) return { id: candidates[0].id };
    if (candidates.length === 0) return null;
    const which = candidates.map(named).join(', ');
    return {
      error: {
        code: 'MANDATORY_NOT_FOUND',
        column: 'Partner',
        message: `External_Number ${text} names ${candidates.length} ${this.ctx.module.label.toLowerCase()} (${which}): give the Partner to say which.`,
      },
    };
  }

  /** The refusal of an update that found nothing, on every row of the document. */
  notFound(unit: TableRow[], partnerId: bigint | undefined): RowError {
    const text = keyTextOf(this.ctx, unit)!;
    const column = this.ctx.findBy!;
    const what = this.ctx.module.singular;
    if (byNumber(this.ctx)) return { code: 'RESOURCE_NOT_FOUND', column, message: `No ${what} has Number ${text}.` };
    const others = partnerId === undefined ? [] : (this.byKey.get(externalKeyOf(text)) ?? []);
    const elsewhere = others.length > 0 ? ` (held by ${others.map(named).join(', ')})` : '';
    return {
      code: 'RESOURCE_NOT_FOUND',
      column,
      message: `No ${what}${partnerId === undefined ? '' : ' of this Partner'} has External_Number ${text}${elsewhere}.`,
    };
  }
}

const named = (doc: FoundDocument) => `${doc.number}${doc.partnerCode ? ` from ${doc.partnerCode}` : ''}`;
const byNumber = (ctx: DocumentContext) => ctx.findBy === 'Number';

/**
 * The text the unit's document is found by: its Number, or its external number (the External_Number cell, else the
 * Number).
 */
function keyTextOf(ctx: DocumentContext, unit: TableRow[]): string | null {
  const number = numberOf(ctx, unit[0]);
  if (byNumber(ctx)) return number;
  const mapping = mappingFor(ctx, 'External_Number');
  const given = mapping ? unit.map((row) => readCell(row, mapping)).find((text) => text !== null) : undefined;
  return given?.trim() ?? number;
}
