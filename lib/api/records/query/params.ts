import { asc, desc, type SQL } from 'drizzle-orm';
import { readableFields, type Field } from '../fields';
import { fieldOf, type RecordModule } from '../module';
import { invalidQuery } from '../problem';
import { compare, type WordRanking } from './compile';

export const MAX_PER_PAGE = 200;
const MAX_PAGE = 1_000_000;
/** Zoho's GET …?ids= takes up to 100 record ids. */
export const MAX_IDS = 100;

/** `ranking`: a word search's ranks (query/compile.ts wordRanking), read before the list's own order. */
export type ListQuery = {
  page: number;
  perPage: number;
  order: SQL[];
  fields: Field[];
  where: SQL[];
  ranking?: WordRanking;
};

/**
 * Reads page, per_page, sort_by, sort_order, fields, ids and the module's own filters from the URL.
 * Anything malformed is refused with a message naming the parameter (unknown ones are refused by
 * endpoint.ts before this runs, see query/known-params.ts).
 */
export function parseListQuery(
  module: RecordModule,
  params: URLSearchParams,
  opts: { detail?: boolean } = {},
): ListQuery {
  const page = wholeNumber(params, 'page', 1, MAX_PAGE, 1);
  const perPage = wholeNumber(params, 'per_page', 1, MAX_PER_PAGE, MAX_PER_PAGE);
  const where = [...filtersOf(module, params), ...idsOf(module, params)];
  return {
    page,
    perPage,
    order: orderOf(module, params),
    fields: fieldsOf(module, params.get('fields'), opts.detail ?? false),
    where,
  };
}

/** `ids=1,2,3`: only those records, as Zoho's GET does (up to 100; an id that does not exist is simply absent). */
function idsOf(module: RecordModule, params: URLSearchParams): SQL[] {
  const raw = params.get('ids');
  if (raw === null) return [];
  const filter = fieldOf(module, 'id')?.filter;
  if (!filter)
    throw invalidQuery(`${module.api} rows have no id, so ids cannot be used; list them with the module's filters.`, {
      param: 'ids',
    });
  const ids = raw.split(',').map((id) => id.trim());
  if (ids.length > MAX_IDS)
    throw invalidQuery(`ids holds ${ids.length} ids; at most ${MAX_IDS} can be read per request.`, {
      param: 'ids',
      limit: MAX_IDS,
    });
  return [compare(filter, 'in', ids, 'ids', 'ids')];
}

function wholeNumber(params: URLSearchParams, name: string, min: number, max: number, fallback: number): number {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  const n = /^\d{1,7}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= min && n <= max))
    throw invalidQuery(`${name} must be a whole number from ${min} to ${max.toLocaleString('en')}.`, { param: name });
  return n;
}

function orderOf(module: RecordModule, params: URLSearchParams): SQL[] {
  const direction = params.get('sort_order') ?? 'asc';
  if (direction !== 'asc' && direction !== 'desc')
    throw invalidQuery('sort_order must be asc or desc.', { param: 'sort_order' });
  const by = direction === 'desc' ? desc : asc;
  const sortBy = params.get('sort_by');
  const tieBreak = module.defaultOrder.map((c) => by(c));
  if (!sortBy) return tieBreak;
  const field = fieldOf(module, sortBy);
  if (!field?.sort) {
    const sortable = module.fields.filter((f) => f.sort).map((f) => f.api);
    throw invalidQuery(`${module.api} cannot be sorted by "${sortBy}". Sortable: ${sortable.join(', ')}.`, {
      param: 'sort_by',
    });
  }
  return [by(field.sort), ...tieBreak];
}

/** The fields to return: all (without detail-only ones in lists), or the `fields` list plus id; no write-only one. */
export function fieldsOf(module: RecordModule, list: string | null, detail: boolean): Field[] {
  const readable = readableFields(module.fields);
  if (!list) return readable.filter((f) => detail || !f.detailOnly);
  const names = list
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !readable.some((f) => f.api === n));
  if (unknown.length > 0 || names.length === 0) {
    throw invalidQuery(
      `Unknown field${unknown.length === 1 ? '' : 's'} in fields: ${unknown.join(', ') || '(none given)'}. ${module.api} has: ${readable.map((f) => f.api).join(', ')}.`,
      { param: 'fields' },
    );
  }
  return readable.filter((f) => f.api === 'id' || names.includes(f.api));
}

function filtersOf(module: RecordModule, params: URLSearchParams): SQL[] {
  return Object.entries(module.queryFilters ?? {}).flatMap(([name, filter]) => {
    const value = params.get(name);
    return value === null || value === '' ? [] : [compare(filter, 'equals', [value], name, name)];
  });
}
