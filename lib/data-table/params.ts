import { z } from 'zod';

export type SearchParams = Record<string, string | string[] | undefined>;
export type ListParams<S extends string, F extends string> = {
  page: number;
  perPage: number;
  sort: { id: S; desc: boolean };
  q: string;
  filters: Partial<Record<F, string>>;
};

export const PER_PAGE_OPTIONS = [10, 25, 50, 100] as const;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * Table state lives in the URL: page, page size, sort ("column.asc|desc"), a search text and named
 * filters. Anything malformed falls back to the default, so a hand-edited link never breaks the page.
 */
export function parseListParams<S extends string, F extends string = never>(
  params: SearchParams,
  config: { sortable: readonly S[]; defaultSort: { id: S; desc: boolean }; filters?: readonly F[] },
): ListParams<S, F> {
  const page = z.coerce.number().int().min(1).max(1_000_000).catch(1).parse(first(params.page) ?? 1);
  const perPage = z.coerce.number().int().refine((n) => (PER_PAGE_OPTIONS as readonly number[]).includes(n))
    .catch(25).parse(first(params.perPage) ?? 25);
  const [sortId, direction] = (first(params.sort) ?? '').split('.');
  const sort = (config.sortable as readonly string[]).includes(sortId)
    ? { id: sortId as S, desc: direction === 'desc' }
    : config.defaultSort;
  const filters: Partial<Record<F, string>> = {};
  for (const name of config.filters ?? []) {
    const value = first(params[name])?.trim();
    if (value) filters[name] = value.slice(0, 200);
  }
  return { page, perPage, sort, q: (first(params.q) ?? '').trim().slice(0, 200), filters };
}

export function offsetOf(params: { page: number; perPage: number }) {
  return (params.page - 1) * params.perPage;
}

/** Escapes LIKE wildcards so a search for "50%" finds the text "50%". */
export function likePattern(text: string, mode: 'contains' | 'prefix' = 'contains'): string {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return mode === 'prefix' ? `${escaped}%` : `%${escaped}%`;
}
