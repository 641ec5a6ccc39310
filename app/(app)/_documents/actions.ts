'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { DOCUMENT_KINDS } from '@/db/schema/inventory';
import type { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { idPayload, inStockPayload, savePayload, searchTextPayload } from '@/lib/actions/payloads';
import type { ActionResult } from '@/lib/actions/result';
import { getItemStock } from '@/lib/catalog/item-queries';
import { checkSerials, type CheckSerialsInput } from '@/lib/inventory/check-serials';
import { deleteDocument, updateDocument } from '@/lib/inventory/change';
import { KINDS, type DocumentKind } from '@/lib/inventory/kinds';
import { postDocument } from '@/lib/inventory/post';
import {
  documentKindOf,
  findItemByCodeOrEan,
  searchLineItems,
  searchPartnerOptions,
  type LineItemOption,
  type PartnerOption,
} from '@/lib/inventory/queries/form-lookups';
import { serialsInStock } from '@/lib/inventory/queries/serials';
import { DomainError } from '@/lib/errors';
import { parseId } from '@/lib/ids';
import { withLineProblems } from '@/components/documents/line-problems';
import { fromWire, type WireDocument } from '@/components/documents/serials-wire';

/** `version`: the one an edit form was loaded from; a save over a newer one is refused (lib/versions.ts). */
type SaveRequest = { id?: string; version?: number; values: WireDocument };
type Saved = { id: string; number: string | null };

/** The id of a document of exactly this kind: a form for one kind can never change a document of another. */
async function idOfKind(kind: DocumentKind, id: string | undefined): Promise<bigint> {
  const docId = parseId(id);
  if (!docId || (await documentKindOf(getDb(), docId)) !== kind)
    throw new DomainError('NOT_FOUND', 'This document does not exist.');
  return docId;
}

/** One action per kind, each asking the kind's own read or write permission. */
function perKind<I, O>(
  access: 'readPermission' | 'writePermission',
  payload: z.ZodType,
  run: (kind: DocumentKind, input: I, userId: number) => Promise<O>,
) {
  return Object.fromEntries(
    DOCUMENT_KINDS.map((kind) => [
      kind,
      defineAction(KINDS[kind][access], (input: I, user) => run(kind, input, user.userId), payload),
    ]),
  ) as Record<DocumentKind, (input: I) => Promise<ActionResult<O>>>;
}

const saveByKind = perKind<SaveRequest, Saved>(
  'writePermission',
  savePayload,
  async (kind, { id, version, values: wire }, userId) => {
    const db = getDb();
    const values = fromWire(wire);
    try {
      if (id === undefined) {
        const posted = await postDocument(db, { ...values, kind }, { userId });
        revalidatePath(KINDS[kind].path);
        return { id: posted.id.toString(), number: posted.number };
      }
      const docId = await idOfKind(kind, id);
      await updateDocument(db, docId, { ...values, kind }, { userId }, version);
      revalidatePath(KINDS[kind].path);
      return { id: docId.toString(), number: null };
    } catch (error) {
      throw withLineProblems(error);
    }
  },
);

const deleteByKind = perKind<{ id: string }, null>('writePermission', idPayload, async (kind, { id }, userId) => {
  await deleteDocument(getDb(), await idOfKind(kind, id), { userId });
  revalidatePath(KINDS[kind].path);
  return null;
});

function knownKind(kind: DocumentKind): boolean {
  return (DOCUMENT_KINDS as readonly string[]).includes(kind);
}

const unknownKind = {
  ok: false as const,
  error: 'This kind of document does not exist.',
  code: 'NOT_FOUND',
  fieldErrors: {},
};

/** Creates (no id) or edits a document; the permission is the write permission of its kind. */
export async function saveDocumentAction(kind: DocumentKind, request: SaveRequest): Promise<ActionResult<Saved>> {
  return knownKind(kind) ? saveByKind[kind](request) : unknownKind;
}

export async function deleteDocumentAction(kind: DocumentKind, id: string): Promise<ActionResult<null>> {
  return knownKind(kind) ? deleteByKind[kind]({ id }) : unknownKind;
}

// Whoever reads a kind of document sees its partners' names there anyway.
const partnersByKind = perKind<string, PartnerOption[]>('readPermission', searchTextPayload, async (kind, text) =>
  searchPartnerOptions(
    getDb(),
    kind,
    String(text ?? '')
      .trim()
      .slice(0, 100),
  ),
);

/** The partner picker of a document form or list: suppliers or customers as the kind wants, matching the text. */
export async function searchPartnersAction(kind: DocumentKind, text: string): Promise<ActionResult<PartnerOption[]>> {
  return knownKind(kind) ? partnersByKind[kind](text) : unknownKind;
}

const findItem = defineAction(
  'items.read',
  async (text: string): Promise<LineItemOption> => {
    const code = String(text ?? '')
      .trim()
      .slice(0, 64);
    const found = code ? await findItemByCodeOrEan(getDb(), code) : null;
    if (!found) throw new DomainError('NOT_FOUND', `No active item has the code or EAN “${code}”.`);
    return found;
  },
  searchTextPayload,
);

/** A scanned or typed code or EAN → the item for a new line. */
export async function findLineItemAction(text: string) {
  return findItem(text);
}

const searchItems = defineAction(
  'items.read',
  async (text: string) =>
    searchLineItems(
      getDb(),
      String(text ?? '')
        .trim()
        .slice(0, 100),
    ),
  searchTextPayload,
);

export async function searchLineItemsAction(text: string) {
  return searchItems(text);
}

const check = defineAction('serials.read', async (input: CheckSerialsInput) => checkSerials(getDb(), input));

/** Live check of the serials being entered on a line (read-only; the save checks again in the core). */
export async function checkSerialsAction(input: CheckSerialsInput) {
  return check(input);
}

type InStockRequest = { itemId: string; warehouseId: string; query: string; offset: number; limit: number };

const inStock = defineAction(
  'serials.read',
  async (request: InStockRequest) => {
    const itemId = parseId(request.itemId);
    const warehouseId = parseId(request.warehouseId);
    if (!itemId || !warehouseId) throw new DomainError('INVALID_DATA', 'Choose the item and the warehouse first.');
    // Clamped: an offset of 1e30 would reach PostgreSQL as a number beyond bigint.
    const offset = Math.min(10_000_000, Math.max(0, Math.floor(Number(request.offset) || 0)));
    const limit = Math.min(200, Math.max(1, Math.floor(Number(request.limit) || 50)));
    return serialsInStock(getDb(), {
      itemId,
      warehouseId,
      query: String(request.query ?? '')
        .trim()
        .slice(0, 100),
      offset,
      limit,
    });
  },
  inStockPayload,
);

/** Serials in stock of an item in a warehouse, a page at a time, for "Pick from stock" on an issue line. */
export async function loadInStockAction(request: InStockRequest) {
  return inStock(request);
}

const itemStock = defineAction(
  'stock.read',
  async (itemId: string) => {
    const id = parseId(itemId);
    if (!id) throw new DomainError('NOT_FOUND', 'This item does not exist.');
    return getItemStock(getDb(), id);
  },
  searchTextPayload,
);

/** The stock of a line's item in every warehouse, for the line's detail view. */
export async function itemStockAction(itemId: string) {
  return itemStock(itemId);
}
