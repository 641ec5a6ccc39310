import fc from 'fast-check';
import type { ValueKind } from '@/lib/api/records/fields';
import { OPS_BY_KIND, searchableNames } from '@/lib/api/records/query/compile';
import { findRecordModule, RECORD_MODULES } from '@/lib/api/records/registry';
import {
  fieldValue,
  hostileJson,
  hostileQuery,
  hostileText,
  percentEncode,
  poisonedText,
  SPECIAL_TEXTS,
} from './hostile';

/** One fuzzed request to a route handler: the dynamic segments, the query string and, for writes, a body. */
export type FuzzRequest = { params: Record<string, string>; query: string; body?: FuzzBody };
export type FuzzBody = {
  payload: string | Uint8Array | FormData | null;
  contentType?: string;
  headers?: Record<string, string>;
};
/** How a route is fuzzed: who calls it and what each of its methods is sent. */
export type RoutePlan = { auth: 'key' | 'session'; request: (method: string) => fc.Arbitrary<FuzzRequest> };

const MODULES = RECORD_MODULES.map((m) => m.api);
const FIELDS = [...new Set(RECORD_MODULES.flatMap((m) => m.fields.map((f) => f.api)))];
const OPERATORS = [
  'equals',
  'not_equal',
  'in',
  'starts_with',
  'greater_than',
  'greater_equal',
  'less_than',
  'less_equal',
  'like',
];
const SEARCHABLE_ANYWHERE = [...new Set(RECORD_MODULES.flatMap((m) => Object.keys(m.queryFilters ?? {})))];
const LINE_FIELDS = ['Item', 'Quantity', 'Unit_Price', 'VAT_Rate', 'Serial_Numbers'];

const pick = <T>(plausible: readonly T[], also: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...plausible) }, { weight: 1, arbitrary: also });

const version = fc.oneof(
  { weight: 8, arbitrary: fc.constant('v8') },
  { weight: 1, arbitrary: fc.constantFrom('v2', 'v9', 'v0', 'V8') },
  { weight: 1, arbitrary: hostileText },
);
const moduleName = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...MODULES) },
  { weight: 1, arbitrary: fc.constantFrom('items', 'Nope') },
  { weight: 1, arbitrary: hostileText },
);
/** Ids: real ones of the seeded world are filled in by the test through this list. */
export const KNOWN_IDS: string[] = ['1'];
// Read when a value is drawn, so ids the test adds after this module loaded are drawn too.
const knownId = fc.constant(null).chain(() => fc.constantFrom(...KNOWN_IDS));
const id = fc.oneof(
  fc.constantFrom('0', '-1', '999999999', '9'.repeat(19), '9'.repeat(20), '9223372036854775808', '1e3', ' 1', '01'),
  knownId,
  hostileText,
);
const file = pick(['Items.csv', 'Items.xlsx', 'Goods_Receipts.xlsx', '../package.json', 'Items'], hostileText);

/** Values aimed at a field's kind (impossible dates at dates, huge numbers at decimals), or anything at all. */
const DATES = SPECIAL_TEXTS.filter((t) => /^\+?\d{4,5}-/.test(t));
const NUMBERS = SPECIAL_TEXTS.filter((t) => /\d/.test(t) && !DATES.includes(t));
const aimedAt = (kind: ValueKind | undefined): fc.Arbitrary<string> => {
  if (kind === 'date' || kind === 'datetime') return fc.constantFrom(...DATES);
  return kind === 'decimal' || kind === 'id' ? fc.constantFrom(...NUMBERS) : poisonedText;
};
const valueFor = (kind: ValueKind | undefined): fc.Arbitrary<string> =>
  fc.oneof({ weight: 3, arbitrary: aimedAt(kind) }, { weight: 2, arbitrary: hostileText });

/** Criteria over the module's own searchable fields with operators of their kind, sometimes anything at all. */
function criteriaFor(moduleApi: string): fc.Arbitrary<string> {
  const target = findRecordModule(moduleApi);
  const names = target ? [...searchableNames(target)] : [];
  const condition = (names.length ? fc.constantFrom(...names) : fc.constant(['Code', undefined] as const)).chain(
    ([field, filter]) =>
      fc
        .tuple(
          pick([field], hostileText),
          pick(filter ? OPS_BY_KIND[filter.kind] : OPERATORS, pick(OPERATORS, hostileText)),
        )
        // A list only where `in` takes one; elsewhere a comma would only make the value malformed.
        .chain(([name, op]) =>
          fc
            .array(valueFor(filter?.kind), { minLength: 1, maxLength: op === 'in' ? 3 : 1 })
            .map((values) => `(${name}:${op}:${values.join(',')})`),
        ),
  );
  return fc.oneof(
    { weight: 6, arbitrary: condition },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.array(condition, { minLength: 2, maxLength: 4 }), fc.constantFrom('and', 'or', 'AND', 'xor'))
        .map(([parts, join]) => `(${parts.join(join)})`),
    },
    { weight: 1, arbitrary: hostileText },
    {
      weight: 1,
      arbitrary: fc.constant(`(${Array.from({ length: 12 }, (_, i) => `(Code:equals:${i})`).join('and')})`),
    },
  );
}
const listQuery = ['page', 'per_page', 'sort_by', 'sort_order', 'fields', ...SEARCHABLE_ANYWHERE, 'converted', 'ids'];
/** A search always has criteria or word (else it is refused before anything else), plus list parameters. */
const searchQuery = (module: string) =>
  fc
    .tuple(
      fc.oneof(
        { weight: 3, arbitrary: criteriaFor(module).map((c) => `criteria=${percentEncode(c)}`) },
        { weight: 1, arbitrary: valueFor(undefined).map((w) => `word=${percentEncode(w)}`) },
      ),
      // Other parameters now and then: a broken one is refused first and would hide what the criteria does.
      fc.option(
        hostileQuery(
          ['criteria', 'word', ...listQuery],
          (n) => (n === 'criteria' ? criteriaFor(module) : listValue(n)),
          2,
        ),
        { freq: 2 },
      ),
    )
    .map(([first, rest]) => `?${first}${rest ? `&${rest.slice(1)}` : ''}`);
const listValue = (name: string) =>
  name === 'sort_by' || name === 'fields'
    ? pick(FIELDS, hostileText)
    : valueFor(SEARCHABLE_ANYWHERE.includes(name) ? 'text' : undefined);

/** A record: known field names (documents' lines included) with hostile or plausible values. */
const line = fc.dictionary(
  pick(LINE_FIELDS, hostileText),
  fieldValue(['1', 1, { Code: 'CABLE' }, { id: '1' }, ['SN-1'], '21']),
  { maxKeys: 5 },
);
const record = fc.dictionary(
  pick(FIELDS, hostileText),
  fc.oneof(
    {
      weight: 4,
      arbitrary: fieldValue(['X-1', 'Name', '2026-01-01', '12.5', true, { Code: 'MAIN' }, { Code: 'SUP' }, '1']),
    },
    { weight: 1, arbitrary: fc.array(line, { maxLength: 3 }) },
  ),
  { maxKeys: 8 },
);
const recordsBody = fc.record(
  {
    data: fc.oneof(fc.array(record, { maxLength: 3 }), hostileJson),
    duplicate_check_fields: fc.option(fc.oneof(fc.array(pick(FIELDS, hostileText), { maxLength: 2 }), hostileJson)),
  },
  { requiredKeys: ['data'] },
);

/** A bulk write job request, shaped like Zoho's, every part hostile now and then. */
const mapping = fc.record(
  {
    api_name: pick(FIELDS, hostileText),
    index: fieldValue([0, 1, 2]),
    format: fieldValue(['dd.MM.yyyy', 'yyyy']),
    default_value: fieldValue([{ value: 'x' }]),
  },
  { requiredKeys: ['api_name'] },
);
const resource = fc.record(
  {
    type: fieldValue(['data']),
    module: fieldValue([{ api_name: 'Items' }, 'Goods_Receipts', { api_name: 'Serial_Numbers' }]),
    file_id: fc.oneof(knownId, hostileJson),
    find_by: fieldValue(['Code', 'id']),
    field_mappings: fc.oneof(fc.array(mapping, { maxLength: 4 }), hostileJson),
  },
  { requiredKeys: ['module', 'file_id'] },
);
const jobBody = fc.record(
  {
    operation: fieldValue(['insert', 'update', 'upsert']),
    resource: fc.oneof(fc.array(resource, { maxLength: 2 }), hostileJson),
    callback: fieldValue([
      { url: 'https://example.com/hook', method: 'post' },
      { url: 'http://127.0.0.1/x', method: 'post' },
    ]),
    ignore_empty: fieldValue([true]),
    character_encoding: fieldValue(['UTF-8', 'windows-1250']),
    dry_run: fieldValue([true, false]),
  },
  { requiredKeys: ['operation'] },
);

const CONTENT_TYPES = [
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
];

/** A JSON body made from `shaped`, or something else entirely: other JSON, broken text, no body, a form. */
function jsonBody(shaped: fc.Arbitrary<unknown>): fc.Arbitrary<FuzzBody> {
  return fc
    .tuple(
      fc.oneof(
        { weight: 6, arbitrary: shaped.map((value) => JSON.stringify(value)) },
        { weight: 2, arbitrary: hostileJson.map((value) => JSON.stringify(value) ?? 'null') },
        { weight: 1, arbitrary: hostileText },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            '{"data": [',
            '{"data": [{"Name": "\\ud800"}]}',
            '{"data":[{"Code":"A\\u0000"}]}',
            '[]',
            '',
            '\uFEFF{}',
          ),
        },
        { weight: 1, arbitrary: fc.constant(null) },
      ),
      fc.option(fc.constantFrom(...CONTENT_TYPES)),
      fc.option(fc.string({ unit: 'grapheme-ascii', maxLength: 300 })),
    )
    .map(([payload, contentType, idempotencyKey]): FuzzBody => ({
      payload,
      contentType: contentType ?? 'application/json',
      headers: idempotencyKey === null ? {} : { 'idempotency-key': idempotencyKey },
    }));
}

/**
 * An upload: a multipart form with a file of random bytes (the upload fuzz in scripts/fuzz goes deep on files), or no
 * form at all.
 */
const uploadBody: fc.Arbitrary<FuzzBody> = fc
  .tuple(fc.uint8Array({ maxLength: 200 }), hostileText, fc.constantFrom('bulk-write', 'other', null), fc.boolean())
  .map(([bytes, name, feature, asForm]) => {
    const headers: Record<string, string> = feature ? { feature } : {};
    if (!asForm) return { payload: bytes, contentType: 'application/octet-stream', headers };
    const form = new FormData();
    form.set('file', new Blob([bytes]), name.toWellFormed());
    return { payload: form, headers };
  });

const noBody = (params: fc.Arbitrary<Record<string, string>>, query: fc.Arbitrary<string>) =>
  fc.record({ params, query }) as fc.Arbitrary<FuzzRequest>;
const withBody = (
  params: fc.Arbitrary<Record<string, string>>,
  query: fc.Arbitrary<string>,
  body: fc.Arbitrary<FuzzBody>,
) => fc.record({ params, query, body });

const records = (extra: Record<string, fc.Arbitrary<string>> = {}) =>
  fc.record({ version, module: moduleName, ...extra });
const junkQuery = hostileQuery(['type', 'page']);

/** Every route handler's pattern (as test/authz/inventory.ts names them) and how it is fuzzed. */
export const ROUTE_PLANS: Record<string, RoutePlan> = {
  '/api/openapi.json': { auth: 'key', request: () => noBody(fc.constant({}), junkQuery) },
  '/serial-numbers/find': { auth: 'session', request: () => noBody(fc.constant({}), hostileQuery(['q'])) },
  '/stock/export': {
    auth: 'session',
    request: () => noBody(fc.constant({}), hostileQuery(['q', 'item', 'warehouse', 'sort', 'page', 'perPage'])),
  },
  '/import/templates/[file]': { auth: 'key', request: () => noBody(fc.record({ file }), junkQuery) },
  '/import/api/files/[id]': { auth: 'key', request: () => noBody(fc.record({ id }), junkQuery) },
  '/import/api/jobs': { auth: 'key', request: () => withBody(fc.constant({}), junkQuery, jsonBody(jobBody)) },
  '/import/api/jobs/[id]': { auth: 'key', request: () => noBody(fc.record({ id }), junkQuery) },
  '/import/api/jobs/[id]/errors': { auth: 'key', request: () => noBody(fc.record({ id }), junkQuery) },
  '/crm/[version]/org': { auth: 'key', request: () => noBody(fc.record({ version }), junkQuery) },
  '/crm/[version]/users': { auth: 'key', request: () => noBody(fc.record({ version }), hostileQuery(['type'])) },
  '/crm/[version]/upload': { auth: 'key', request: () => withBody(fc.record({ version }), junkQuery, uploadBody) },
  '/crm/bulk/[version]/write': {
    auth: 'key',
    request: () => withBody(fc.record({ version }), junkQuery, jsonBody(jobBody)),
  },
  '/crm/bulk/[version]/write/[id]': { auth: 'key', request: () => noBody(fc.record({ version, id }), junkQuery) },
  '/crm/bulk/[version]/write/[id]/result': {
    auth: 'key',
    request: () => noBody(fc.record({ version, id }), junkQuery),
  },
  '/crm/[version]/[module]': {
    auth: 'key',
    request: (method) =>
      method === 'GET' || method === 'DELETE'
        ? noBody(
            records(),
            hostileQuery(
              listQuery,
              (n) => (n === 'ids' ? fc.array(id, { maxLength: 4 }).map((ids) => ids.join(',')) : listValue(n)),
              3,
            ),
          )
        : withBody(records(), junkQuery, jsonBody(recordsBody)),
  },
  '/crm/[version]/[module]/search': {
    auth: 'key',
    request: () => moduleName.chain((module) => noBody(records({ module: fc.constant(module) }), searchQuery(module))),
  },
  '/crm/[version]/[module]/upsert': {
    auth: 'key',
    request: () => withBody(records(), junkQuery, jsonBody(recordsBody)),
  },
  '/crm/[version]/[module]/[id]': {
    auth: 'key',
    request: (method) =>
      method === 'PUT'
        ? withBody(records({ id }), junkQuery, jsonBody(recordsBody))
        : noBody(
            records({ id }),
            hostileQuery(['fields'], (n) => listValue(n)),
          ),
  },
};
