// The two doors a chaos operation goes through: the core in lib/ (what the web form's actions call) and
// the records API's route handlers, called in-process. Each answer becomes an Outcome: ok, a refusal (a
// DomainError with its code, or the API's error entry), or a failure (anything else: a raw database
// error, INTERNAL_ERROR, a 5xx), which is itself a finding.
import { documentModuleOf } from '@/lib/modules';
import { pgErrorOf } from '@/lib/db-errors';
import { isDomainError } from '@/lib/errors';
import { deleteDocument, updateDocument } from '@/lib/inventory/change';
import { postDocument } from '@/lib/inventory/post';
import type { DocumentInput } from '@/lib/validation/documents';
import { call } from '@/test/api/records-client';
import { heldIn, isInvoice, type Content, type Outcome } from './history';
import type { ItemField } from './operations';
import { ITEM_CODES, partnerCodeOf, partnerIdOf, WAREHOUSE_CODES, type World } from './world';

export type DoorResult = { outcome: Outcome; docId?: string; number?: string };

const OK: Outcome = { status: 'ok' };

/** A thrown error as an outcome: DomainErrors are refusals (with their rule codes), the rest failures. */
export function outcomeOfError(error: unknown): Outcome {
  if (isDomainError(error)) {
    const problems = (error.details.problems as { code: string }[] | undefined)?.map((p) => p.code) ?? [];
    return { status: 'refused', code: [error.code, ...new Set(problems)].join(' '), message: error.message };
  }
  const code = pgErrorOf(error)?.code ?? (error instanceof Error ? error.name : 'THROWN');
  return { status: 'failed', code, message: error instanceof Error ? error.message : String(error) };
}

function coreInput(world: World, content: Content, marker: string): DocumentInput {
  const transfer = content.kind === 'transfer';
  return {
    kind: content.kind,
    date: content.date,
    note: marker,
    warehouseId: world.warehouseIds[content.warehouse],
    // Transfers and arrivals name no partner; a return names that of the document it names (resolveReturn).
    partnerId: partnerIdOf(world, content),
    destinationWarehouseId: transfer ? world.warehouseIds[heldIn(content)] : null,
    inTransit: content.inTransit ?? false,
    transferId: content.transferDocId ?? null,
    expectedReceiptId: content.expectedDocId ?? null,
    ...(content.missingExpected ? { missingExpected: content.missingExpected } : {}),
    returnOfId: content.returnOfDocId ?? null,
    ...(isInvoice(content.kind) ? { createStockDocument: content.createStock } : {}),
    lines: content.lines.map((l) => ({
      itemId: world.itemIds[l.item],
      quantity: String(l.quantity),
      serials: l.serials,
    })),
  };
}

/** Posts, edits or deletes a document through lib/inventory. */
export async function throughCore(
  world: World,
  action: 'post' | 'edit' | 'delete',
  doc: { content?: Content; docId?: string; marker: string },
): Promise<DoorResult> {
  try {
    if (action === 'post') {
      const posted = await postDocument(world.db, coreInput(world, doc.content!, doc.marker), world.actor);
      return { outcome: OK, docId: String(posted.id), number: posted.number };
    }
    if (action === 'edit')
      await updateDocument(world.db, BigInt(doc.docId!), coreInput(world, doc.content!, doc.marker), world.actor);
    else await deleteDocument(world.db, BigInt(doc.docId!), world.actor);
    return { outcome: OK, docId: doc.docId };
  } catch (error) {
    return { outcome: outcomeOfError(error), docId: doc.docId };
  }
}

function apiRecord(content: Content, marker: string): Record<string, unknown> {
  return {
    Date: content.date,
    Note: marker,
    Warehouse: { Code: WAREHOUSE_CODES[content.warehouse] },
    ...otherSide(content),
    ...(isInvoice(content.kind) ? { Create_Stock_Document: content.createStock } : {}),
    Lines: content.lines.map((l) => ({
      Item: { Code: ITEM_CODES[l.item] },
      Quantity: String(l.quantity),
      Serial_Numbers: l.serials,
    })),
  };
}

/** Who or where a record names besides its warehouse: a transfer's destination, an arrival's transfer, a partner. */
function otherSide(content: Content): Record<string, unknown> {
  if (content.kind === 'transfer')
    return {
      Destination_Warehouse: { Code: WAREHOUSE_CODES[heldIn(content)] },
      In_Transit: content.inTransit ?? false,
    };
  if (content.kind === 'transfer_arrival') return { Transfer: { id: content.transferDocId } };
  const partner = { Partner: { Code: partnerCodeOf(content) } };
  return content.returnOfDocId ? { Return_Of: { id: content.returnOfDocId }, ...partner } : partner;
}

type Answer = Awaited<ReturnType<typeof call>>;

/** A records API answer as an outcome: a 5xx, a missing entry or INTERNAL_ERROR is a failure. */
export function outcomeOfAnswer(answer: Answer): Outcome {
  const entry = answer.json?.data?.[0];
  if (answer.status >= 500 || !entry) {
    return {
      status: 'failed',
      code: `HTTP ${answer.status} ${answer.json?.code ?? ''}`.trim(),
      message: answer.json?.message ?? answer.text.slice(0, 200),
    };
  }
  if (entry.status === 'success') return OK;
  if (entry.code === 'INTERNAL_ERROR') return { status: 'failed', code: 'INTERNAL_ERROR', message: entry.message };
  const problems = (entry.details?.problems as { code: string }[] | undefined)?.map((p) => p.code) ?? [];
  return { status: 'refused', code: [entry.code, ...new Set(problems)].join(' '), message: entry.message };
}

type Sent = { answer: Answer } | { failure: Outcome };

async function send(key: string, method: string, path: string, body?: unknown): Promise<Sent> {
  try {
    return { answer: await call(key, method, path, body) };
  } catch (error) {
    return {
      failure: { status: 'failed', code: 'THROWN', message: error instanceof Error ? error.message : String(error) },
    };
  }
}

/** Posts, edits or deletes a document through the records API (POST, PUT /{id}, DELETE /{id}). */
export async function throughApi(
  world: World,
  client: number,
  action: 'post' | 'edit' | 'delete',
  doc: { kind: Content['kind']; content?: Content; docId?: string; marker: string },
): Promise<DoorResult> {
  const moduleName = documentModuleOf(doc.kind).apiName;
  const key = world.apiKeys[client];
  const sent =
    action === 'post'
      ? await send(key, 'POST', `/crm/v8/${moduleName}`, { data: [apiRecord(doc.content!, doc.marker)] })
      : action === 'edit'
        ? await send(key, 'PUT', `/crm/v8/${moduleName}/${doc.docId}`, { data: [apiRecord(doc.content!, doc.marker)] })
        : await send(key, 'DELETE', `/crm/v8/${moduleName}/${doc.docId}`);
  if ('failure' in sent) return { outcome: sent.failure, docId: doc.docId };
  const details = sent.answer.json?.data?.[0]?.details;
  return {
    outcome: outcomeOfAnswer(sent.answer),
    docId: action === 'post' ? details?.id : doc.docId,
    number: details?.Number,
  };
}

/** Sends one record and judges its answer (the item updates and the stocktake entries use it). */
export async function writeRecord(key: string, method: string, path: string, record: unknown): Promise<Outcome> {
  const sent = await send(key, method, path, { data: [record] });
  return 'failure' in sent ? sent.failure : outcomeOfAnswer(sent.answer);
}

/** Zoho's partial update: PUT /Items with the id and one field; the API keeps the fields not sent. */
export async function updateItemField(
  world: World,
  client: number,
  item: number,
  field: ItemField,
  value: string,
): Promise<Outcome> {
  return writeRecord(world.apiKeys[client], 'PUT', '/crm/v8/Items', {
    id: String(world.itemIds[item]),
    [field]: value,
  });
}
