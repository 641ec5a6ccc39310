import { allPipelined } from '@/lib/sql-pipeline';
import { eq } from 'drizzle-orm';
import { document } from '@/db/schema';
import { DomainError, ProtocolError } from '@/lib/errors';
import type { DocumentKind } from '@/lib/inventory/kinds';
import { deleteDocument, updateDocument } from '@/lib/inventory/change';
import { postDocument } from '@/lib/inventory/post';
import type { DocumentModule } from '@/lib/modules';
import type { DocumentInput } from '@/lib/validation/documents';
import { isStaleVersion } from '@/lib/versions';
import type { Field, SubField } from '../fields';
import type { ApiRecord, WriteContext, WriteOps } from '../module';
import { readRecord } from '../query/read';
import { toLibInput } from './input';
import {
  DOCUMENT_REF,
  ITEM_REF,
  PARTNER_REF,
  resolveRef,
  resolveRefs,
  TRANSFER_REF,
  WAREHOUSE_REF,
  type RefTarget,
} from './lookups';

/**
 * Writes of a document module: the lookups become ids, the lines are renamed, and postDocument,
 * updateDocument or deleteDocument decides — the very functions behind the web form.
 */
export function documentWrites(kind: DocumentKind, fields: Field[], lineFields: SubField[]): WriteOps {
  const toInput = (record: ApiRecord, ctx: WriteContext) => documentInput(kind, fields, lineFields, record, ctx);
  const actor = (ctx: WriteContext) => ({ userId: ctx.principal.userId });
  return {
    insert: async (record, ctx) => (await postDocument(ctx.db, await toInput(record, ctx), actor(ctx))).id,
    update: (id, record, ctx) =>
      updateSentFields(id, record, ctx, async (merged, version) =>
        updateDocument(ctx.db, id, await toInput(merged, ctx), actor(ctx), version),
      ),
    remove: (id, ctx) => deleteDocument(ctx.db, id, actor(ctx)),
    refusals: {
      upsert:
        'Documents cannot be upserted: their numbers are assigned by SerialStock, so there is no field to match on. ' +
        'Insert with POST, or update a document by its id with PUT.',
    },
  };
}

const MERGE_ATTEMPTS = 5;

/**
 * Zoho's update changes only the fields sent, so they are laid over the stored document (its lines
 * included, when none are sent). updateDocument locks the document only after that read, so the merge
 * is pinned to the version it was made from: a change committed in between is refused as stale rather
 * than written back with the old values, and the merge is made again from the newer document.
 */
async function updateSentFields(
  id: bigint,
  sent: ApiRecord,
  ctx: WriteContext,
  update: (merged: ApiRecord, version: number) => Promise<void>,
) {
  // A write-only field has nothing stored to merge: only what is sent counts.
  const writable = ctx.module.fields.filter((f) => f.input && !f.writeOnly);
  for (let attempt = 1; ; attempt++) {
    // The version before the record: a change between the two reads leaves the version older than the merge, so it is
    // refused, never lost.
    const [stored] = await ctx.db.select({ version: document.version }).from(document).where(eq(document.id, id));
    const current = stored && (await readRecord(ctx.db, ctx.module, id, writable));
    if (!current) throw new DomainError('NOT_FOUND', 'This document does not exist.');
    try {
      return await update({ ...current, ...sent }, stored.version);
    } catch (error) {
      if (!isStaleVersion(error) || attempt >= MERGE_ATTEMPTS) throw error;
    }
  }
}

const REFS: Record<string, RefTarget> = {
  Partners: PARTNER_REF,
  Warehouses: WAREHOUSE_REF,
  Transfers: TRANSFER_REF,
  Documents: DOCUMENT_REF,
};

async function documentInput(
  kind: DocumentKind,
  fields: Field[],
  lineFields: SubField[],
  record: ApiRecord,
  ctx: WriteContext,
): Promise<DocumentInput> {
  const input = toLibInput(fields, record, ctx.path);
  const declaration = ctx.module.declaration as DocumentModule;
  // The header's lookups (partner, warehouses) and the lines' items run at once; a refusal is still reported in this
  // order.
  const lookups = declaration.headerFields.filter((f) => f.kind === 'lookup');
  const found = await allPipelined<unknown[]>([
    ...lookups.map((f) =>
      resolveRef(ctx.db, REFS[f.lookup!.module], input[f.key!], {
        apiName: f.apiName,
        jsonPath: `${ctx.path}.${f.apiName}`,
      }),
    ),
    documentLines(ctx, lineFields, input.lines),
  ]);
  const resolved = Object.fromEntries(lookups.map((f, i) => [f.key!, found[i]]));
  const lines = found.at(-1);
  // A missing date goes to the lib as '' so its "Enter the date as YYYY-MM-DD." message answers.
  return { ...input, ...resolved, kind, date: (input.date as string | undefined) ?? '', lines } as DocumentInput;
}

async function documentLines(
  ctx: WriteContext,
  lineFields: SubField[],
  value: unknown,
): Promise<DocumentInput['lines']> {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    throw new ProtocolError(
      'INVALID_DATA',
      'Lines must be a list of lines, each like {"Item": {"Code": "…"}, "Quantity": "1", "Serial_Numbers": ["…"]}.',
      { api_name: 'Lines', json_path: `${ctx.path}.Lines` },
    );
  }
  const lines = value.map((line, i) => lineInput(line, lineFields, `${ctx.path}.Lines[${i}]`));
  const itemIds = await resolveRefs(
    ctx.db,
    ITEM_REF,
    lines.map((l) => l.itemId),
    lines.map((_, i) => ({ apiName: 'Item', jsonPath: `${ctx.path}.Lines[${i}].Item` })),
  );
  return lines.map((l, i) => ({ ...l, itemId: itemIds[i] })) as DocumentInput['lines'];
}

function lineInput(line: unknown, lineFields: SubField[], path: string): Record<string, unknown> {
  if (typeof line !== 'object' || line === null || Array.isArray(line)) {
    throw new ProtocolError(
      'INVALID_DATA',
      'Each line must be an object such as {"Item": {"Code": "…"}, "Quantity": "1"}.',
      { api_name: 'Lines', json_path: path },
    );
  }
  const input: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(line)) {
    const sub = lineFields.find((f) => f.api === key);
    if (!sub) {
      throw new ProtocolError(
        'INVALID_DATA',
        `${key} is not a field of a line. Fields: ${lineFields.map((f) => f.api).join(', ')}.`,
        { api_name: key, json_path: `${path}.${key}` },
      );
    }
    input[sub.input] = v;
  }
  return input;
}
