import { and, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { likePattern } from '@/lib/data-table/params';
import { parseId } from '@/lib/ids';
import { keySearch, type KeySearch } from '@/lib/search/key-search';
import { keyMatchSql, keyRankCount, keyRankSql, keyRankTier } from '@/lib/search/key-search-sql';
import { dateProblem, dateTimeProblem } from '@/lib/validation/date';
import { textProblem } from '@/lib/validation/text';
import type { Filter, ValueKind } from '../fields';
import type { RecordModule } from '../module';
import { invalidQuery } from '../problem';
import type { Condition, Criteria } from './criteria';

type Op = (col: SQLWrapper, values: SQL[]) => SQL;
const OPS: Record<string, Op> = {
  equals: (c, [v]) => sql`${c} = ${v}`,
  not_equal: (c, [v]) => sql`${c} is distinct from ${v}`,
  in: (c, vs) => sql`${c} in (${sql.join(vs, sql`, `)})`,
  starts_with: (c, [v]) => sql`${c} ilike ${v}`,
  greater_than: (c, [v]) => sql`${c} > ${v}`,
  greater_equal: (c, [v]) => sql`${c} >= ${v}`,
  less_than: (c, [v]) => sql`${c} < ${v}`,
  less_equal: (c, [v]) => sql`${c} <= ${v}`,
};
const ORDERED = ['equals', 'not_equal', 'in', 'greater_than', 'greater_equal', 'less_than', 'less_equal'];
export const OPS_BY_KIND: Record<ValueKind, string[]> = {
  text: ['equals', 'not_equal', 'in', 'starts_with'],
  enum: ['equals', 'not_equal', 'in'],
  boolean: ['equals', 'not_equal'],
  id: ['equals', 'not_equal', 'in'],
  decimal: ORDERED,
  integer: ORDERED,
  date: ORDERED,
  datetime: ORDERED,
};

/** Every name a criteria may search by: plain fields, and lookups by their id or Code (Partner.Code). */
export function searchableNames(module: RecordModule): Map<string, Filter> {
  const names = new Map<string, Filter>();
  for (const f of module.fields) {
    if (f.filter) names.set(f.api, f.filter);
    for (const [sub, filter] of Object.entries(f.subFilters ?? {})) names.set(`${f.api}.${sub}`, filter);
  }
  return names;
}

export function criteriaSql(module: RecordModule, criteria: Criteria): SQL {
  if ('join' in criteria) {
    const parts = criteria.parts.map((p) => criteriaSql(module, p));
    return (criteria.join === 'and' ? and(...parts) : or(...parts))!;
  }
  return conditionSql(module, criteria);
}

function conditionSql(module: RecordModule, c: Condition): SQL {
  const names = searchableNames(module);
  const filter = names.get(c.field);
  if (!filter) {
    throw invalidQuery(
      `${module.api} cannot be searched by "${c.field}". Searchable: ${[...names.keys()].join(', ')}.`,
      { param: 'criteria', field: c.field },
    );
  }
  return compare(filter, c.op, c.op === 'in' ? c.list : [c.value], c.field);
}

/** The SQL for one comparison, with the value checked against the field's kind first. */
export function compare(filter: Filter, op: string, raw: string[], name: string, param = 'criteria'): SQL {
  const allowed = OPS_BY_KIND[filter.kind];
  if (!allowed.includes(op)) {
    throw invalidQuery(`The operator "${op}" cannot be used on ${name}; use ${allowed.join(', ')}.`, {
      param,
      field: name,
    });
  }
  for (const v of raw) {
    const problem = textProblem(v, `The value for ${name}`);
    if (problem) throw invalidQuery(problem, { param, field: name });
  }
  const values = raw
    .map((v) => filter.canonical?.(v) ?? v)
    .map((v) => (op === 'starts_with' ? sql`${likePattern(v, 'prefix')}` : typedValue(filter, v, name, param)));
  return filter.apply((col) => OPS[op](filter.kind === 'enum' ? sql`${col}::text` : col, values));
}

function typedValue(filter: Filter, value: string, name: string, param: string): SQL {
  const fail = (expected: string) =>
    invalidQuery(`"${value}" is not a valid value for ${name}: ${expected}.`, { param, field: name });
  switch (filter.kind) {
    case 'text':
      return sql`${value}`;
    case 'enum':
      if (!filter.values?.includes(value)) throw fail(`use ${filter.values?.join(', ')}`);
      return sql`${value}`;
    case 'boolean':
      if (value !== 'true' && value !== 'false') throw fail('use true or false');
      return sql`${value === 'true'}`;
    case 'id': {
      const id = parseId(value);
      if (id === null) throw fail('an id is a positive whole number');
      return sql`${id}`;
    }
    case 'decimal':
      if (!/^-?\d{1,18}(\.\d{1,9})?$/.test(value)) throw fail('use a number such as 12.50');
      return sql`${value}::numeric`;
    case 'integer':
      if (!/^-?\d{1,9}$/.test(value)) throw fail('use a whole number such as 12');
      return sql`${value}::integer`;
    case 'date': {
      // The one date rule of every door: a real date of 1900–2999 (PostgreSQL would fail on 2026-02-30).
      const problem = dateProblem(value, name);
      if (problem) throw invalidQuery(problem, { param, field: name });
      return sql`${value}::date`;
    }
    case 'datetime': {
      const problem = dateTimeProblem(value, name);
      if (problem) throw invalidQuery(problem, { param, field: name });
      return sql`${value}::timestamptz`;
    }
  }
}

/** The quick search: the word anywhere in the module's main text fields (a lookup's code counts). */
export function wordSql(module: RecordModule, word: string): SQL {
  const text = word.trim();
  if (text.length < 2 || text.length > 200) {
    throw invalidQuery('The search word must have 2 to 200 characters.', { param: 'word' });
  }
  const problem = textProblem(text, 'The search word');
  if (problem) throw invalidQuery(problem, { param: 'word' });
  const search = keySearch(text);
  const parts = module.fields
    .filter((f) => f.word)
    .map((f) => {
      const filter = f.wordFilter ?? f.filter ?? f.subFilters?.Code;
      if (f.word !== 'key') return filter!.apply((col) => sql`${col} ilike ${likePattern(text)}`);
      // Searched by what it reads as, anywhere in the key (its trigram index), or nothing when the word reads as
      // nothing.
      return search ? filter!.apply((col) => keyMatchSql(col, search)) : sql`false`;
    });
  return or(...parts)!;
}

/**
 * How a word search over a canonical-key field ranks its matches (exact, starts with, contains), or null.
 * `condition`: the search's own condition (wordSql), which each tier implies, so a tier's query leaves it out.
 */
export type WordRanking = { tiers: SQL[]; rank: SQL; condition: SQL };

export function wordRanking(module: RecordModule, word: string, condition: SQL): WordRanking | null {
  const filter = module.fields.find((f) => f.word === 'key')?.filter;
  const search: KeySearch | null = keySearch(word);
  if (!filter || !search) return null;
  const tiers = Array.from({ length: keyRankCount(search) }, (_, rank) =>
    filter.apply((col) => keyRankTier(col, search, rank)),
  );
  return { tiers, rank: filter.apply((col) => keyRankSql(col, search)), condition };
}
