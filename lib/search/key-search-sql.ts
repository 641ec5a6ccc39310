import { sql, type SQL } from 'drizzle-orm';
import type { SQLWrapper } from 'drizzle-orm';
import { likePattern } from '@/lib/data-table/params';
import type { KeySearch } from './key-search';

type KeyColumn = SQLWrapper;

/** The whole match: anywhere in the key (served by a gin_trgm_ops index on it) or at its start (its btree). */
export function keyMatchSql(column: KeyColumn, search: KeySearch): SQL {
  return sql`${column} like ${likePattern(search.key, search.contains ? 'contains' : 'prefix')}`;
}

/**
 * The match cut into its ranks, best first: exact, starts with, contains. A page is made of the best rank's
 * rows first; each rank is asked for separately so each can use the index that serves it (and a rank of
 * millions stops after a page), instead of ranking every match of a common fragment before the first row.
 */
export function keyRankTiers(column: KeyColumn, search: KeySearch): SQL[] {
  return Array.from({ length: keyRankCount(search) }, (_, rank) => keyRankTier(column, search, rank));
}

/** A short text has no "contains" rank: it only finds keys that start with it. */
export function keyRankCount(search: KeySearch): number {
  return search.contains ? 3 : 2;
}

/** Rank 0: exact; 1: starts with (not exact); 2: contains (not at the start). */
export function keyRankTier(column: KeyColumn, search: KeySearch, rank: number): SQL {
  const prefix = likePattern(search.key, 'prefix');
  if (rank === 0) return sql`${column} = ${search.key}`;
  if (rank === 1) return sql`${column} like ${prefix} and ${column} <> ${search.key}`;
  return sql`${column} like ${likePattern(search.key, 'contains')} and ${column} not like ${prefix}`;
}

/** The rank of a row as an expression, for a small set ordered in one go (a picker within one item and warehouse). */
export function keyRankSql(column: KeyColumn, search: KeySearch): SQL {
  return sql`(case when ${column} = ${search.key} then 0 when ${column} like ${likePattern(search.key, 'prefix')} then 1 else 2 end)`;
}

/**
 * `select` (rows matching a key search) as a subquery the planner reads through the key's trigram index
 * whatever LIMIT follows. Under a small LIMIT it would rather scan the table, expecting to stop early; for
 * a fragment whose trigrams are common but whose matches are rare (s00054 in S00054321-like serials) that
 * reads every row, 200 ms at a million. A MATERIALIZED CTE is planned for all its rows: the index then.
 */
export function throughKeyIndex(select: SQL): SQL {
  return sql`(with matches as materialized (${select}) select * from matches)`;
}
