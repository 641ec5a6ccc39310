'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/actions/define-action';
import { idPayload, stocktakePayload, valuesPayload } from '@/lib/actions/payloads';
import { DomainError } from '@/lib/errors';
import { parseId } from '@/lib/ids';
import { getStocktake, latestScans, stocktakeSummary } from '@/lib/inventory/queries/stocktakes';
import { closeStocktake } from '@/lib/inventory/stocktake/close';
import { cancelStocktake, openStocktake } from '@/lib/inventory/stocktake/open';
import { enterCount, scanSerial } from '@/lib/inventory/stocktake/scan';
import type { CloseStocktakeInput, CountInput, OpenStocktakeInput, ScanInput } from '@/lib/validation/stocktakes';

type ForCount<V> = { id: string; values: V };

const idOf = (raw: string | undefined) => {
  const id = parseId(raw);
  if (id === null) throw new DomainError('NOT_FOUND', 'This stocktake does not exist.');
  return id;
};

const open = defineAction(
  'stockDocs.write',
  async (values: OpenStocktakeInput, user) => {
    const opened = await openStocktake(getDb(), values, user);
    revalidatePath('/stocktakes');
    return { id: String(opened.id), number: opened.number };
  },
  valuesPayload,
);
const scan = defineAction(
  'stockDocs.write',
  async (input: ForCount<ScanInput>, user) => scanSerial(getDb(), idOf(input.id), input.values, user),
  stocktakePayload,
);
const count = defineAction(
  'stockDocs.write',
  async (input: ForCount<CountInput>, user) => enterCount(getDb(), idOf(input.id), input.values, user),
  stocktakePayload,
);
const close = defineAction(
  'stockDocs.write',
  async (input: ForCount<CloseStocktakeInput>, user) => {
    const closed = await closeStocktake(getDb(), idOf(input.id), input.values, user);
    revalidatePath('/stocktakes');
    return { documents: closed.documents.map((d) => ({ id: String(d.id), number: d.number })) };
  },
  stocktakePayload,
);
const cancel = defineAction(
  'stockDocs.write',
  async (input: { id?: string }, user) => {
    await cancelStocktake(getDb(), idOf(input.id), user);
    revalidatePath('/stocktakes');
  },
  idPayload,
);
const status = defineAction(
  'stockDocs.read',
  async (input: { id?: string }) => {
    const db = getDb();
    const st = await getStocktake(db, idOf(input.id));
    if (!st) throw new DomainError('NOT_FOUND', 'This stocktake does not exist.');
    const [summary, latest] = await Promise.all([stocktakeSummary(db, st), latestScans(db, BigInt(st.id))]);
    return { status: st.status, summary, latest };
  },
  idPayload,
);

export async function openStocktakeAction(values: OpenStocktakeInput) {
  return open(values);
}

/** One scanned serial into an open count; answers what it was (expected, unknown, elsewhere) at once. */
export async function scanStocktakeAction(input: ForCount<ScanInput>) {
  return scan(input);
}

export async function countStocktakeAction(input: ForCount<CountInput>) {
  return count(input);
}

export async function closeStocktakeAction(input: ForCount<CloseStocktakeInput>) {
  return close(input);
}

export async function cancelStocktakeAction(input: { id?: string }) {
  return cancel(input);
}

/** What the count screen polls: the totals and the latest scans, never the lists of differences. */
export async function stocktakeStatusAction(input: { id?: string }) {
  return status(input);
}
