'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/actions/define-action';
import { idPayload, stocktakePayload, valuesPayload } from '@/lib/actions/payloads';
import { DomainError, isProtocolError } from '@/lib/errors';
import { parseCsv } from '@/lib/import/files';
import { parseId } from '@/lib/ids';
import { getStocktake, latestScans, stocktakeSummary } from '@/lib/inventory/queries/stocktakes';
import { closeStocktake } from '@/lib/inventory/stocktake/close';
import { cancelStocktake, openStocktake } from '@/lib/inventory/stocktake/open';
import { importIntoStocktake, MAX_COUNT_ROWS, type CountRow } from '@/lib/inventory/stocktake/import';
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

const importCsv = defineAction(
  'stockDocs.write',
  async (input: ForCount<{ csv?: unknown }>, user) =>
    importIntoStocktake(getDb(), idOf(input.id), countRowsOf(input.values.csv), user),
  stocktakePayload,
);

/** The columns an upload into a count may have, matched as Zoho's importer matches headers: by name, any case. */
const COLUMNS = { serial: ['serial_number', 'serial'], item: ['item', 'item_code'], quantity: ['quantity'] };

/** Reads the CSV with the importer's own file layer (delimiters, quotes, limits) into count rows. */
function countRowsOf(csv: unknown): CountRow[] {
  if (typeof csv !== 'string')
    throw new DomainError('INVALID_DATA', 'Choose a CSV file.', { csv: 'Choose a CSV file.' });
  let table;
  try {
    table = parseCsv(csv);
  } catch (error) {
    if (isProtocolError(error)) throw new DomainError('INVALID_DATA', error.message, { csv: error.message });
    throw error;
  }
  const headers = table.headers.map((h) => h.trim().toLowerCase());
  const at = (names: string[]) => headers.findIndex((h) => names.includes(h));
  const [serial, item, quantity] = [at(COLUMNS.serial), at(COLUMNS.item), at(COLUMNS.quantity)];
  if (serial < 0 && (item < 0 || quantity < 0)) {
    const message = 'The file needs a Serial_Number column, or Item and Quantity columns (or all three).';
    throw new DomainError('INVALID_DATA', message, { csv: message });
  }
  if (table.rows.length > MAX_COUNT_ROWS) {
    const message = `A file can bring at most ${MAX_COUNT_ROWS.toLocaleString('en')} rows into a count; this one has ${table.rows.length.toLocaleString('en')}.`;
    throw new DomainError('LIMIT_EXCEEDED', message, { csv: message });
  }
  const cell = (cells: string[], index: number) => (index < 0 ? '' : (cells[index] ?? ''));
  return table.rows.map((row) => ({
    rowNumber: row.rowNumber,
    serial: cell(row.cells, serial),
    item: cell(row.cells, item),
    quantity: cell(row.cells, quantity),
  }));
}

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

/** A CSV of found serials and counted quantities into an open count, row by row as scans and count entries. */
export async function importStocktakeCsvAction(input: ForCount<{ csv?: unknown }>) {
  return importCsv(input);
}

/** What the count screen polls: the totals and the latest scans, never the lists of differences. */
export async function stocktakeStatusAction(input: { id?: string }) {
  return status(input);
}
