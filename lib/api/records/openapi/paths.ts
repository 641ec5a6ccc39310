import { z } from 'zod';
import { hasRecordUrl, supports, type RecordModule } from '../module';
import { searchableNames } from '../query/compile';
import { MAX_CONDITIONS } from '../query/criteria';
import { MAX_IDS, MAX_PER_PAGE } from '../query/params';
import { MAX_RECORDS } from '../write/body';
import { jsonSchema, ref, sortableFields, writeBody, type JsonSchema } from './schemas';

type Operation = Record<string, unknown>;
export type PathItem = Record<string, Operation>;

export const json = (schema: JsonSchema, example?: unknown) => ({
  'application/json': { schema, ...(example === undefined ? {} : { example }) },
});
export const errorResponse = (description: string) => ({ description, content: json(ref('Error')) });
/** What any call can meet: a bad key, the rate limit, the database away for a moment. */
export const COMMON_ERRORS = {
  401: errorResponse('INVALID_TOKEN: the API key is missing, unknown or revoked.'),
  429: {
    description: 'TOO_MANY_REQUESTS: the key used up its requests of this minute (RECORDS_RATE_LIMIT, default 600).',
    headers: { 'Retry-After': { description: 'Seconds until the next window.', schema: { type: 'integer' } } },
    content: json(ref('Error')),
  },
  503: {
    description:
      'SERVICE_UNAVAILABLE: the database is unavailable for a moment (a restart, a failover); nothing was written. Retry after the given seconds.',
    headers: { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } } },
    content: json(ref('Error')),
  },
};

const query = (name: string, description: string, schema: z.ZodType) => ({
  name,
  in: 'query',
  description,
  schema: jsonSchema(schema),
});
const idParam = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'The record id (a numeric string).',
  schema: { type: 'string', pattern: '^\\d+$' },
};
const idempotencyHeader = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  schema: { type: 'string', maxLength: 255 },
  description:
    'Makes a retried request return the first answer (same status and body) instead of writing twice. Kept 24 hours per API key; ' +
    'the same key with another URL or body answers 422; while the first request still runs, a retry waits for it (or gets 409); ' +
    'a key whose request never answered (its server died mid-request) is free again after 2 minutes.',
};

function listParams(module: RecordModule) {
  const own = Object.entries(module.queryFilters ?? {}).map(([name, f]) =>
    query(name, f.description, f.values ? z.enum(f.values as [string, ...string[]]) : z.string()),
  );
  return [
    query('page', 'Page number, from 1.', z.int().min(1).default(1)),
    query(
      'per_page',
      `Records per page, at most ${MAX_PER_PAGE}.`,
      z.int().min(1).max(MAX_PER_PAGE).default(MAX_PER_PAGE),
    ),
    query('sort_by', 'Field to sort by (ties by id).', z.enum(sortableFields(module) as [string, ...string[]])),
    query('sort_order', 'Sort direction.', z.enum(['asc', 'desc']).default('asc')),
    query('fields', 'Comma-separated field API names to return (id is always returned).', z.string()),
    ...own,
  ];
}

const idsParam = (module: RecordModule) =>
  hasRecordUrl(module)
    ? [
        query(
          'ids',
          `Only these records: up to ${MAX_IDS} comma-separated ids (ids that do not exist are absent from the answer).`,
          z.string(),
        ),
      ]
    : [];

const readErrors = (module: RecordModule) => ({
  400: errorResponse(
    'INVALID_QUERY (a bad or unknown parameter, named in details.param, or a bad criteria), INVALID_MODULE, or REQUIRED_PARAM_MISSING.',
  ),
  403: errorResponse(`NO_PERMISSION: the key's role lacks ${module.read}.`),
  ...COMMON_ERRORS,
});
const listResponses = (module: RecordModule) => ({
  200: { description: `A page of ${module.singular} records.`, content: json(ref(`${module.api}_List`)) },
  204: { description: 'No record matches (no body), as in Zoho.' },
  ...readErrors(module),
});

function writeResponses(module: RecordModule, allOk: 200 | 201) {
  return {
    [allOk]: { description: 'Every record succeeded.', content: json(ref('WriteResponse')) },
    207: {
      description:
        'Some records succeeded, some failed: each entry says which. When the database went away mid-batch, ' +
        'the records not attempted say SERVICE_UNAVAILABLE (send those again) and the response has Retry-After.',
      content: json(ref('WriteResponse')),
    },
    400: {
      description:
        'Every record failed (WriteResponse), or the request itself was refused (Error: INVALID_DATA for malformed JSON, ' +
        `MANDATORY_NOT_FOUND without data, LIMIT_EXCEEDED above ${MAX_RECORDS} records).`,
      content: json({ oneOf: [ref('WriteResponse'), ref('Error')] }),
    },
    403: errorResponse(`NO_PERMISSION: the key's role lacks ${module.write}.`),
    409: errorResponse('REQUEST_IN_PROGRESS: a request with this Idempotency-Key is still running.'),
    413: errorResponse('LIMIT_EXCEEDED: the body is too large.'),
    422: errorResponse('IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used for a different request.'),
    ...COMMON_ERRORS,
  };
}

const example = (module: RecordModule, extra: Record<string, unknown> = {}) =>
  module.example ? { data: [{ ...module.example, ...extra }] } : undefined;

function op(module: RecordModule, summary: string, description: string, rest: Operation): Operation {
  return {
    tags: [module.api],
    operationId: `${summary.replace(/[^A-Za-z]+/g, '_')}_${module.api}`,
    summary,
    description,
    ...rest,
  };
}

/** Every path of one module, listing only the operations it supports. */
export function modulePaths(module: RecordModule): Record<string, PathItem> {
  const base = `/crm/v8/${module.api}`;
  const paths: Record<string, PathItem> = { [base]: collectionItem(module), [`${base}/search`]: searchItem(module) };
  if (hasRecordUrl(module)) paths[`${base}/{id}`] = singleItem(module);
  if (supports(module, 'upsert')) paths[`${base}/upsert`] = upsertItem(module);
  return paths;
}

const body = (schema: JsonSchema, example: unknown) => ({ required: true, content: json(schema, example) });

function collectionItem(module: RecordModule): PathItem {
  const item: PathItem = {
    get: op(module, 'List', `${module.description} Needs ${module.read}.`, {
      parameters: [...listParams(module), ...idsParam(module)],
      responses: listResponses(module),
    }),
  };
  if (supports(module, 'insert')) {
    item.post = op(
      module,
      'Insert',
      `Insert up to ${MAX_RECORDS} records; each succeeds or fails on its own. Needs ${module.write}.`,
      {
        parameters: [idempotencyHeader],
        requestBody: body(writeBody(`${module.api}_Insert`), example(module)),
        responses: writeResponses(module, 201),
      },
    );
  }
  if (supports(module, 'update')) {
    item.put = op(module, 'Update', `Update up to ${MAX_RECORDS} records named by their id. Needs ${module.write}.`, {
      parameters: [idempotencyHeader],
      requestBody: body(writeBody(`${module.api}_Update`), example(module, { id: '1' })),
      responses: writeResponses(module, 200),
    });
  }
  if (supports(module, 'delete')) {
    item.delete = op(module, 'Delete', `Delete up to ${MAX_RECORDS} records. Needs ${module.write}.`, {
      parameters: [query('ids', 'Comma-separated ids.', z.string()), idempotencyHeader],
      responses: writeResponses(module, 200),
    });
  }
  return item;
}

function singleItem(module: RecordModule): PathItem {
  const item: PathItem = {
    get: op(module, 'Get', `One ${module.singular} with all its fields. Needs ${module.read}.`, {
      parameters: [idParam, query('fields', 'Comma-separated field API names to return.', z.string())],
      responses: {
        200: {
          description: 'The record.',
          content: json({
            type: 'object',
            properties: { data: { type: 'array', items: ref(module.api), maxItems: 1 } },
            required: ['data'],
          }),
        },
        404: errorResponse("RESOURCE_NOT_FOUND: The requested resource doesn't exist."),
        ...readErrors(module),
      },
    }),
  };
  if (supports(module, 'update')) {
    item.put = op(
      module,
      'Update one',
      `Update the record with this id (data holds exactly one record). Needs ${module.write}.`,
      {
        parameters: [idParam, idempotencyHeader],
        requestBody: body(writeBody(`${module.api}_Update`), example(module)),
        responses: writeResponses(module, 200),
      },
    );
  }
  if (supports(module, 'delete')) {
    item.delete = op(module, 'Delete one', `Delete the record with this id. Needs ${module.write}.`, {
      parameters: [idParam, idempotencyHeader],
      responses: writeResponses(module, 200),
    });
  }
  return item;
}

function searchItem(module: RecordModule): PathItem {
  const criteriaHelp =
    `Zoho criteria, e.g. (Code:equals:ACME-1) or ((Code:starts_with:PHN)and(Active:equals:true)); at most ${MAX_CONDITIONS} conditions. ` +
    'Operators: equals (exact), not_equal, in (comma-separated), starts_with (text, case-insensitive), greater_than, greater_equal, less_than, less_equal (numbers, dates). ' +
    `Searchable: ${[...searchableNames(module).keys()].join(', ')}.`;
  return {
    get: op(
      module,
      'Search',
      `Search by criteria and/or word (a quick search over the main text fields). Needs ${module.read}.`,
      {
        parameters: [
          query('criteria', criteriaHelp, z.string()),
          query('word', 'Quick search, 2 to 200 characters.', z.string()),
          ...listParams(module),
        ],
        responses: listResponses(module),
      },
    ),
  };
}

function upsertItem(module: RecordModule): PathItem {
  const checkFields = module.writes!.duplicateCheckFields!;
  const extra = { duplicate_check_fields: jsonSchema(z.array(z.enum(checkFields as [string, ...string[]])).min(1)) };
  return {
    post: op(
      module,
      'Upsert',
      `Insert, or update the record matching duplicate_check_fields (default ["${checkFields[0]}"]). Needs ${module.write}.`,
      {
        parameters: [idempotencyHeader],
        requestBody: body(
          writeBody(`${module.api}_Insert`, extra),
          module.example ? { data: [module.example], duplicate_check_fields: [checkFields[0]] } : undefined,
        ),
        responses: writeResponses(module, 200),
      },
    ),
  };
}
