import type { RecordModule } from '../module';
import { invalidQuery } from '../problem';

export type RecordsOperation =
  'list' | 'search' | 'get' | 'insert' | 'update' | 'updateOne' | 'upsert' | 'delete' | 'deleteOne';

const PAGING = ['page', 'per_page', 'sort_by', 'sort_order', 'fields'];

/** The query parameters each operation reads; a module's own list filters (Serial_Numbers' item…) come on top. */
const KNOWN: Record<RecordsOperation, readonly string[]> = {
  list: [...PAGING, 'ids'],
  search: [...PAGING, 'criteria', 'word'],
  get: ['fields'],
  delete: ['ids'],
  insert: [],
  update: [],
  updateOne: [],
  upsert: [],
  deleteOne: [],
};

/** Zoho CRM parameters this app has no meaning for: named as such, so a client learns why. */
const ZOHO_ONLY = new Set([
  'approved',
  'converted',
  'cvid',
  'territory_id',
  'include_child',
  'page_token',
  'wf_trigger',
  'email',
  'phone',
  'trigger',
  'type',
]);

/**
 * Refuses a query parameter the operation does not read, naming it (INVALID_QUERY): a typo such as
 * `?per_pgae=5` or `?idz=1` must not quietly answer with other records than the client asked for.
 */
export function refuseUnknownParams(op: RecordsOperation, module: RecordModule, params: URLSearchParams): void {
  const known = new Set([
    ...KNOWN[op],
    ...(op === 'list' || op === 'search' ? Object.keys(module.queryFilters ?? {}) : []),
  ]);
  for (const name of new Set(params.keys())) {
    if (known.has(name)) continue;
    const accepted = known.size === 0 ? 'it takes no query parameters' : `it reads ${[...known].join(', ')}`;
    const why = ZOHO_ONLY.has(name)
      ? `"${name}" is a Zoho CRM parameter this app does not support`
      : `Unknown query parameter "${name}"`;
    throw invalidQuery(`${why}: ${describe(op, module)} ${accepted}.`, { param: name });
  }
  for (const name of known) {
    if (params.getAll(name).length > 1)
      throw invalidQuery(`${name} is given more than once; give it once.`, { param: name });
  }
}

const ROUTE: Record<RecordsOperation, string> = {
  list: 'GET {m}',
  search: 'GET {m}/search',
  get: 'GET {m}/{id}',
  insert: 'POST {m}',
  update: 'PUT {m}',
  updateOne: 'PUT {m}/{id}',
  upsert: 'POST {m}/upsert',
  delete: 'DELETE {m}',
  deleteOne: 'DELETE {m}/{id}',
};

function describe(op: RecordsOperation, module: RecordModule): string {
  return ROUTE[op].replace('{m}', module.api);
}
