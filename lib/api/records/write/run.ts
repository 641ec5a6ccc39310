import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { Principal } from '@/lib/auth/principal';
import { DomainError, ProtocolError } from '@/lib/errors';
import { parseId } from '@/lib/ids';
import { isDatabaseUnavailable } from '@/lib/db-errors';
import { fieldOf, type ApiRecord, type RecordModule, type WriteContext } from '../module';
import { readRecord } from '../query/read';
import { refuseBrokenText } from './input';
import { failure, notTriedForOutage, success, type Entry } from './results';

export type Run = { db: DbOrTx; principal: Principal; module: RecordModule };
const SUMMARY_FIELDS = ['id', 'Number', 'Created_Time', 'Modified_Time', 'Created_By', 'Modified_By'];

/** Each record on its own: its own transaction inside the lib, its own success or error entry. */
export async function eachRecord(
  run: Run,
  records: unknown[],
  write: (record: ApiRecord, ctx: WriteContext) => Promise<Entry>,
): Promise<Entry[]> {
  return eachEntry(
    records,
    (index) => `$.data[${index}]`,
    run.module,
    (record, path) => {
      if (typeof record !== 'object' || record === null || Array.isArray(record)) {
        throw new ProtocolError('INVALID_DATA', 'Each record must be a JSON object of fields.', { json_path: path });
      }
      // Before any lookup (an upsert's duplicate check reads the database with the sent values).
      refuseBrokenText(record as ApiRecord, path);
      return write(record as ApiRecord, { db: run.db, principal: run.principal, module: run.module, path });
    },
  );
}

/**
 * Runs each item on its own, in order, turning a refusal into its error entry. Once the database is
 * unreachable the rest are not tried: with nothing applied yet the error goes up and the whole request
 * answers 503; after some were applied those are reported and the others marked retryable.
 */
export async function eachEntry<T>(
  items: T[],
  pathOf: (index: number) => string,
  module: RecordModule,
  attempt: (item: T, path: string) => Promise<Entry>,
): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (const [index, item] of items.entries()) {
    const path = pathOf(index);
    try {
      entries.push(await attempt(item, path));
    } catch (error) {
      if (!isDatabaseUnavailable(error)) {
        entries.push(failure(error, module, path, item));
        continue;
      }
      if (!entries.some((entry) => entry.status === 'success')) throw error;
      for (let rest = index; rest < items.length; rest++) entries.push(notTriedForOutage(pathOf(rest)));
      break;
    }
  }
  return entries;
}

export async function insertOne(run: Run, record: ApiRecord, ctx: WriteContext): Promise<Entry> {
  const inserted = await run.module.writes!.insert!(record, ctx);
  const { id, details } = typeof inserted === 'bigint' ? { id: inserted, details: {} } : inserted;
  return success('record added', { ...(await summary(run, id, 'Created_By')), ...details });
}

/** Zoho's update changes only the fields sent: the module lays them over the stored record (see WriteOps.update). */
export async function updateOne(run: Run, id: bigint, record: ApiRecord, ctx: WriteContext): Promise<Entry> {
  if (!(await readRecord(run.db, run.module, id, [fieldOf(run.module, 'id')!]))) throw notFound(id, ctx);
  await run.module.writes!.update!(id, record, ctx);
  return success('record updated', await summary(run, id, 'Modified_By'));
}

export async function deleteOne(run: Run, rawId: string, ctx: WriteContext): Promise<Entry> {
  const id = parseId(rawId.trim());
  if (id === null)
    throw new ProtocolError('INVALID_DATA', `"${rawId}" is not an id: ids are positive whole numbers.`, {
      api_name: 'id',
      id: rawId,
    });
  if (!(await readRecord(run.db, run.module, id, [fieldOf(run.module, 'id')!]))) throw notFound(id, ctx);
  await run.module.writes!.remove!(id, ctx);
  return success('record deleted', { id: String(id) });
}

/** The id a record of PUT /{module} carries. */
export function idOfRecord(record: ApiRecord, ctx: WriteContext): bigint {
  if (record.id === undefined || record.id === null || record.id === '') {
    throw new ProtocolError('MANDATORY_NOT_FOUND', 'The record has no id: say which record to update.', {
      api_name: 'id',
      json_path: `${ctx.path}.id`,
    });
  }
  const id = parseId(String(record.id).trim());
  if (id === null)
    throw new ProtocolError('INVALID_DATA', `"${String(record.id)}" is not an id: ids are positive whole numbers.`, {
      api_name: 'id',
      json_path: `${ctx.path}.id`,
    });
  return id;
}

/**
 * Upsert: the first duplicate-check field with a value that matches a record makes this an update,
 * otherwise an insert. Two clients inserting the same code at once: the loser's insert fails as a
 * duplicate in the lib, and it is retried once as the update it now is.
 */
export async function upsertOne(run: Run, checkFields: string[], record: ApiRecord, ctx: WriteContext): Promise<Entry> {
  const match = await findDuplicate(run, checkFields, record);
  if (match)
    return { ...(await updateOne(run, match.id, record, ctx)), action: 'update', duplicate_field: match.field };
  try {
    return { ...(await insertOne(run, record, ctx)), action: 'insert', duplicate_field: null };
  } catch (error) {
    const raced =
      error instanceof DomainError && error.code === 'DUPLICATE_DATA'
        ? await findDuplicate(run, checkFields, record)
        : null;
    if (!raced) throw error;
    return { ...(await updateOne(run, raced.id, record, ctx)), action: 'update', duplicate_field: raced.field };
  }
}

async function findDuplicate(
  run: Run,
  checkFields: string[],
  record: ApiRecord,
): Promise<{ id: bigint; field: string } | null> {
  for (const name of checkFields) {
    const value = record[name];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) continue;
    const filter = fieldOf(run.module, name)!.filter!;
    const idField = fieldOf(run.module, 'id')!;
    const text = String(value).trim();
    const [row] = await run.db
      .select({ id: idField.select! })
      .from(run.module.table)
      .where(filter.apply((col) => sql`${col} = ${filter.canonical?.(text) ?? text}`))
      .limit(1);
    if (row) return { id: BigInt(row.id as string), field: name };
  }
  return null;
}

function notFound(id: bigint, ctx: WriteContext) {
  return new ProtocolError('RESOURCE_NOT_FOUND', "The requested resource doesn't exist.", {
    api_name: 'id',
    id: String(id),
    json_path: `${ctx.path}.id`,
  });
}

/** What a successful write answers with: id, times, and who did it (the caller, where the table keeps no author). */
async function summary(
  run: Run,
  id: bigint,
  actorField: 'Created_By' | 'Modified_By',
): Promise<Record<string, unknown>> {
  const fields = run.module.fields.filter((f) => SUMMARY_FIELDS.includes(f.api));
  const stored = (await readRecord(run.db, run.module, id, fields)) ?? { id: String(id) };
  const actor = { id: String(run.principal.userId), name: run.principal.userName };
  return { ...stored, [actorField]: actorField === 'Modified_By' || !stored.Created_By ? actor : stored.Created_By };
}
