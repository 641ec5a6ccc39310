import { z } from 'zod';
import { readableFields } from '../fields';
import { supports, type RecordModule } from '../module';
import { MAX_RECORDS } from '../write/body';

export type JsonSchema = Record<string, unknown>;

/** A zod schema as an OpenAPI 3.1 (JSON Schema 2020-12) schema; requests use the schema's input side. */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
  const generated = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  // The dialect is the document's (OpenAPI 3.1 is JSON Schema 2020-12); components do not repeat it.
  delete generated.$schema;
  return generated;
}

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const errorSchema = z
  .object({
    status: z.literal('error'),
    code: z
      .string()
      .describe(
        'e.g. INVALID_DATA, INVALID_QUERY, INVALID_MODULE, NO_PERMISSION, RESOURCE_NOT_FOUND, LIMIT_EXCEEDED, TOO_MANY_REQUESTS',
      ),
    message: z.string().describe('A sentence for people.'),
    details: z.record(z.string(), z.unknown()),
  })
  .describe("Zoho's error envelope.");

const entrySchema = z.object({
  code: z
    .string()
    .describe(
      'SUCCESS, or the error code of this record: INVALID_DATA, MANDATORY_NOT_FOUND, DUPLICATE_DATA, RESOURCE_NOT_FOUND, CANNOT_PROCESS, …',
    ),
  details: z
    .record(z.string(), z.unknown())
    .describe(
      'On success: id, Created_Time, Modified_Time, Created_By (and Number for documents). ' +
        'On error: api_name and json_path of the field at fault, errors (every field message by API path) and, for documents, problems ' +
        '[{code, line, serial, message, json_path}] and serials (the serial numbers at fault).',
    ),
  message: z
    .string()
    .describe(
      '"record added", "record updated", "record deleted", or the reason, verbatim from the rules of the web forms.',
    ),
  status: z.enum(['success', 'error']),
  action: z.enum(['insert', 'update']).optional().describe('Upsert only.'),
  duplicate_field: z.string().nullable().optional().describe('Upsert only: the field that matched an existing record.'),
});

const infoSchema = z.object({
  page: z.int(),
  per_page: z.int(),
  count: z.int().describe('Records on this page.'),
  more_records: z.boolean(),
});

/** The shared shapes every records path refers to. */
export function sharedSchemas(): Record<string, JsonSchema> {
  return {
    Error: jsonSchema(errorSchema),
    WriteEntry: jsonSchema(entrySchema),
    WriteResponse: {
      type: 'object',
      properties: { data: { type: 'array', items: ref('WriteEntry') } },
      required: ['data'],
    },
    ListInfo: jsonSchema(infoSchema),
  };
}

/** The shapes of one module: its record as answered, and (when writable) its insert and update records. */
export function moduleSchemas(module: RecordModule): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {
    [module.api]: jsonSchema(
      z.object(
        Object.fromEntries(readableFields(module.fields).map((f) => [f.api, withMeta(f.out, f.description, !f.in)])),
      ),
    ),
    [`${module.api}_List`]: {
      type: 'object',
      required: ['data', 'info'],
      properties: { data: { type: 'array', items: ref(module.api) }, info: ref('ListInfo') },
    },
  };
  if (!supports(module, 'insert') && !supports(module, 'update')) return out;
  const insert = z.object(
    Object.fromEntries(
      module.fields.filter((f) => f.in).map((f) => [f.api, withMeta(f.in!, f.description, false, f.writeOnly)]),
    ),
  );
  out[`${module.api}_Insert`] = jsonSchema(
    insert.describe(`A ${module.singular} to insert. Read-only fields (id, times, …) may be sent and are ignored.`),
    'input',
  );
  const update = insert.partial().extend({
    id: z
      .string()
      .optional()
      .describe(
        'Required in PUT /crm/v8/' + module.api + '; taken from the URL in PUT /crm/v8/' + module.api + '/{id}.',
      ),
  });
  out[`${module.api}_Update`] = jsonSchema(
    update.describe('Only the fields sent change. Lines, when sent, replace all lines.'),
    'input',
  );
  return out;
}

/** OpenAPI's readOnly (answered, ignored when sent) and writeOnly (sent, never answered) marks. */
function withMeta(schema: z.ZodType, description: string | undefined, readOnly: boolean, writeOnly = false): z.ZodType {
  const meta: Record<string, unknown> = {};
  if (description) meta.description = description;
  if (readOnly) meta.readOnly = true;
  if (writeOnly) meta.writeOnly = true;
  return Object.keys(meta).length ? schema.meta(meta) : schema;
}

/** The body of a write: {"data": [ … ]} with 1 to 100 records. */
export function writeBody(recordSchema: string, extra: Record<string, JsonSchema> = {}): JsonSchema {
  return {
    type: 'object',
    required: ['data'],
    properties: { data: { type: 'array', minItems: 1, maxItems: MAX_RECORDS, items: ref(recordSchema) }, ...extra },
  };
}

export function sortableFields(module: RecordModule): string[] {
  return module.fields.filter((f) => f.sort).map((f) => f.api);
}
