import { z } from 'zod';
import { dateProblem } from '@/lib/validation/date';
import { textProblem } from '@/lib/validation/text';

export type SearchParams = Record<string, string | string[] | undefined>;
/** A search parameter that was set aside, and why: the page says so instead of failing. */
export type ParamProblem = { param: string; message: string };
export type ListParams<S extends string, F extends string> = {
  page: number;
  perPage: number;
  sort: { id: S; desc: boolean };
  q: string;
  filters: Partial<Record<F, string>>;
  problems: ParamProblem[];
};

export const PER_PAGE_OPTIONS = [10, 25, 50, 100] as const;
export const MAX_SEARCH_LENGTH = 200;
/** Every list names its date-range filters `from` and `to`; their values follow the one date rule. */
export const DATE_FILTERS: readonly string[] = ['from', 'to'];

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * Table state lives in the URL: page, page size, sort ("column.asc|desc"), a search text and named
 * filters. Anything malformed falls back to the default, so a hand-edited link never breaks the page.
 * Text with control characters (a NUL would make PostgreSQL fail the query) and dates that do not exist
 * or lie outside 1900–2999 are set aside as well, each with a problem naming its parameter.
 */
export function parseListParams<S extends string, F extends string = never>(
  params: SearchParams,
  config: { sortable: readonly S[]; defaultSort: { id: S; desc: boolean }; filters?: readonly F[] },
): ListParams<S, F> {
  const problems: ParamProblem[] = [];
  const page = z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .catch(1)
    .parse(first(params.page) ?? 1);
  const perPage = z.coerce
    .number()
    .int()
    .refine((n) => (PER_PAGE_OPTIONS as readonly number[]).includes(n))
    .catch(25)
    .parse(first(params.perPage) ?? 25);
  const [sortId, direction] = (first(params.sort) ?? '').split('.');
  const sort = (config.sortable as readonly string[]).includes(sortId)
    ? { id: sortId as S, desc: direction === 'desc' }
    : config.defaultSort;
  const filters: Partial<Record<F, string>> = {};
  for (const name of config.filters ?? []) {
    const value = checkedText(params, name, problems);
    if (value) filters[name] = value;
  }
  return { page, perPage, sort, q: checkedText(params, 'q', problems), filters, problems };
}

/**
 * The parameter's first value, trimmed and cut to length, or '' when it breaks the text or date rule (a search box
 * outside a list, such as a new return's document picker, reads its `q` through this too).
 */
export function checkedText(params: SearchParams, name: string, problems: ParamProblem[]): string {
  const value = (first(params[name]) ?? '').trim().slice(0, MAX_SEARCH_LENGTH);
  if (!value) return '';
  const problem = textProblem(value, name) ?? (DATE_FILTERS.includes(name) ? dateProblem(value, name) : null);
  if (!problem) return value;
  problems.push({ param: name, message: problem });
  return '';
}

export function offsetOf(params: { page: number; perPage: number }) {
  return (params.page - 1) * params.perPage;
}

/** Escapes LIKE wildcards so a search for "50%" finds the text "50%". */
export function likePattern(text: string, mode: 'contains' | 'prefix' = 'contains'): string {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return mode === 'prefix' ? `${escaped}%` : `%${escaped}%`;
}
