import { and, sql, type SQL } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { throughKeyIndex } from '@/lib/search/key-search-sql';
import type { Field } from '../fields';
import { fieldOf, type ApiRecord, type RecordModule } from '../module';
import type { ListQuery } from './params';

/** A word search with at most this many matches ranks them in one sort; more, rank by rank (rankedCandidates). */
const RANK_IN_ONE_SORT = 10_000;

/** One page of records, reading one row more than asked to know whether more follow. */
export async function listRecords(
  db: DbOrTx,
  module: RecordModule,
  query: ListQuery,
): Promise<{ records: ApiRecord[]; more: boolean }> {
  const offset = (query.page - 1) * query.perPage;
  const where = and(module.where, ...query.where);
  const many = query.ranking ? await moreMatchesThan(db, module, where, RANK_IN_ONE_SORT) : false;
  const rows = await db
    .select(selectionOf(module, query.fields))
    .from(module.table)
    .where(many ? and(where, rankedCandidates(module, query, offset + query.perPage + 1)) : where)
    .orderBy(...(query.ranking ? [query.ranking.rank, ...query.order] : query.order))
    .limit(query.perPage + 1)
    .offset(offset);
  const more = rows.length > query.perPage;
  return { records: await finish(db, module, query.fields, rows.slice(0, query.perPage)), more };
}

async function moreMatchesThan(
  db: DbOrTx,
  module: RecordModule,
  where: SQL | undefined,
  limit: number,
): Promise<boolean> {
  const matches = throughKeyIndex(sql`select 1 from ${module.table} where ${where ?? sql`true`}`);
  const counted = sql`select count(*)::int as n from (select 1 from ${matches} m limit ${limit + 1}) x`;
  const [{ n }] = (await db.execute(counted)) as unknown as { n: number }[];
  return n > limit;
}

/**
 * Many matches of a ranked word search: per rank, only the first rows up to the page's end in the list's order,
 * read off the btree that serves that order (dense matches are found quickly that way), so a fragment found in a
 * million serials never sorts them all. Few matches are sorted whole instead: an ordered walk for a fragment
 * whose trigrams are common but whose matches are rare would read the whole index to find none.
 */
function rankedCandidates(module: RecordModule, query: ListQuery, upTo: number): SQL {
  const id = fieldOf(module, 'id')!.filter!.apply((col) => sql`${col}`);
  const order = sql.join(query.order, sql`, `);
  // Without the search's own condition, which the tier implies: stated twice, it made the planner believe the
  // matches rare, read all of them through the trigram index and sort them (113–240 ms for "000" at 10,000,000
  // serials) instead of walking the order and stopping at the page's end.
  const others = and(module.where, ...query.where.filter((w) => w !== query.ranking!.condition));
  const tiers = query.ranking!.tiers.map(
    (tier) => sql`(select ${id} from ${module.table} where ${and(others, tier)} order by ${order} limit ${upTo})`,
  );
  return sql`${id} in (${sql.join(tiers, sql` union all `)})`;
}

/** One record of the module by id, or null (also when the id belongs to another module's kind). */
export async function readRecord(
  db: DbOrTx,
  module: RecordModule,
  id: bigint,
  fields: Field[],
): Promise<ApiRecord | null> {
  const byId = fieldOf(module, 'id')!.filter!.apply((col) => sql`${col} = ${id}`);
  const rows = await db.select(selectionOf(module, fields)).from(module.table).where(and(module.where, byId)).limit(1);
  const [record] = await finish(db, module, fields, rows);
  return record ?? null;
}

function selectionOf(module: RecordModule, fields: Field[]): SelectedFields {
  const idField = fieldOf(module, 'id');
  // Expanded fields are loaded by id, so the id is read even when the client did not ask for it.
  const withId = idField && !fields.includes(idField) ? [idField, ...fields] : fields;
  return Object.fromEntries(withId.filter((f) => f.select).map((f) => [f.api, f.select])) as SelectedFields;
}

/** Attaches expanded fields (lines, history) and orders each record's keys as the module declares them. */
async function finish(
  db: DbOrTx,
  module: RecordModule,
  fields: Field[],
  rows: Record<string, unknown>[],
): Promise<ApiRecord[]> {
  if (rows.length === 0) return [];
  const expanded = new Map<string, Map<string, unknown>>();
  // One array for every expand field of the page: loaders that share a query memoize on it (serial-numbers.ts).
  // (Only a module with expand fields has ids: Stock rows have none.)
  const ids = fields.some((f) => f.expand) ? rows.map((r) => BigInt(r.id as string)) : [];
  for (const f of fields) if (f.expand) expanded.set(f.api, await f.expand(db, ids));
  // A record an expand field has nothing for gets an empty list (a serial with no history); a null it loaded stays.
  const valueOf = (f: Field, id: string) => {
    const loaded = expanded.get(f.api)!;
    return loaded.has(id) ? loaded.get(id) : [];
  };
  return rows.map((row) =>
    Object.fromEntries(fields.map((f) => [f.api, f.expand ? valueOf(f, row.id as string) : row[f.api]])),
  );
}

/** Groups rows by a key, keeping their order: expand loaders split one query's rows per record. */
export function groupBy<T>(list: T[], keyOf: (value: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const value of list) {
    const key = keyOf(value);
    const group = out.get(key);
    if (group) group.push(value);
    else out.set(key, [value]);
  }
  return out;
}
