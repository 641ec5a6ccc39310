import { z } from 'zod';
import { COMMON_ERRORS, errorResponse, json, type PathItem } from './paths';
import { jsonSchema } from './schemas';

/*
 * Routes implemented elsewhere (bulk write, users, org), listed so the document covers the whole API.
 * Their schemas are brief on purpose: the owning routes define the details.
 */
const success = (code: string, details: z.ZodType) =>
  z.object({ status: z.literal('success'), code: z.literal(code), message: z.string(), details });
const userRef = z.object({ id: z.string(), name: z.string() });
const jobRequest = z.object({
  operation: z.enum(['insert', 'update', 'upsert']),
  ignore_empty: z.boolean().optional(),
  character_encoding: z.string().optional(),
  callback: z.object({ url: z.url(), method: z.literal('post') }).optional(),
  resource: z
    .array(
      z.object({
        type: z.literal('data'),
        module: z.union([z.object({ api_name: z.string() }), z.string()]),
        file_id: z.string(),
        file_names: z
          .array(z.string())
          .length(1)
          .optional()
          .describe(
            'The data file of the uploaded ZIP this resource reads; required when the job has several resources.',
          ),
        find_by: z.string().optional(),
        ignore_empty: z.boolean().optional(),
        field_mappings: z
          .array(
            z.object({
              api_name: z.string(),
              index: z.int().min(0),
              find_by: z.string().optional(),
              format: z.string().optional(),
              default_value: z.object({ value: z.string() }).optional(),
              parent_column_index: z
                .int()
                .min(0)
                .optional()
                .describe("A child resource's Parent_Id: the column of its parent's file whose values it names."),
            }),
          )
          .optional(),
      }),
    )
    .min(1)
    .max(3)
    .describe(
      'One resource; or a document module (Goods_Receipts, …) with its Document_Lines and, optionally, Document_Serials, each reading its file of one ZIP.',
    ),
});
const jobStatus = z.object({
  id: z.string(),
  status: z.enum(['ADDED', 'IN PROGRESS', 'COMPLETED', 'FAILED']),
  operation: z.enum(['insert', 'update', 'upsert']),
  created_time: z.iso.datetime({ offset: true }),
  created_by: userRef,
  resource: z.array(z.record(z.string(), z.unknown())),
  result: z.object({ download_url: z.string() }).optional(),
});

const tag = (name: string) => ({ tags: [name] });

export function externalPaths(): Record<string, PathItem> {
  return {
    '/crm/v8/upload': {
      post: {
        ...tag('Bulk write'),
        operationId: 'Upload_file',
        summary: 'Upload a file for a bulk write job',
        description:
          'Multipart form with key file (ZIP, CSV or XLSX); headers feature: bulk-write and X-CRM-ORG. Needs import.run.',
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: { file: { type: 'string', format: 'binary' } },
                required: ['file'],
              },
            },
          },
        },
        responses: {
          200: {
            description: 'Uploaded.',
            content: json(
              jsonSchema(success('FILE_UPLOAD_SUCCESS', z.object({ file_id: z.string(), created_time: z.string() }))),
            ),
          },
          400: errorResponse(
            'MANDATORY_NOT_FOUND (no feature header), NOT_SUPPORTED_FEATURE (a feature other than bulk-write), ' +
              'INVALID_FILE_FORMAT, HEADER_LIMIT_EXCEEDED (more than 200 columns), LIMIT_EXCEEDED (more than 25,000 rows).',
          ),
          413: errorResponse('FILE_TOO_LARGE: over 25 MB, or a ZIP that unpacks past the limit.'),
          ...COMMON_ERRORS,
        },
      },
    },
    '/crm/bulk/v8/write': {
      post: {
        ...tag('Bulk write'),
        operationId: 'Create_bulk_write_job',
        summary: 'Create a bulk write job',
        description:
          'Maps an uploaded file onto a module and schedules the job (up to 25,000 rows per file); a parent/child job maps each file of one ZIP. Needs import.run.',
        requestBody: { required: true, content: json(jsonSchema(jobRequest, 'input')) },
        responses: {
          201: {
            description: 'Job created.',
            content: json(jsonSchema(success('SUCCESS', z.object({ id: z.string(), created_by: userRef })))),
          },
          400: errorResponse(
            'INVALID_DATA, MANDATORY_NOT_FOUND, INVALID_FILE_ID, MODULE_NOT_AVAILABLE, INVALID_FIELD_NAME, …',
          ),
          ...COMMON_ERRORS,
        },
      },
    },
    '/crm/bulk/v8/write/{id}': {
      get: {
        ...tag('Bulk write'),
        operationId: 'Get_bulk_write_job',
        summary: 'Status of a bulk write job',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: { description: 'The job.', content: json(jsonSchema(jobStatus)) },
          404: errorResponse('RESOURCE_NOT_FOUND.'),
          ...COMMON_ERRORS,
        },
      },
    },
    '/crm/bulk/v8/write/{id}/result': {
      get: {
        ...tag('Bulk write'),
        operationId: 'Download_bulk_write_result',
        summary: 'Download the result of a completed job',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: {
            description: 'A ZIP with one CSV: the rows with STATUS, RECORD_ID and ERRORS.',
            content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } },
          },
          404: errorResponse('RESOURCE_NOT_FOUND.'),
          ...COMMON_ERRORS,
        },
      },
    },
    '/crm/v8/users': {
      get: {
        ...tag('Organisation'),
        operationId: 'Get_users',
        summary: 'The user a key acts for (type=CurrentUser)',
        parameters: [{ name: 'type', in: 'query', schema: { type: 'string', enum: ['CurrentUser'] } }],
        responses: {
          200: {
            description: 'The current user.',
            content: json(
              jsonSchema(
                z.object({
                  users: z.array(
                    z.object({
                      id: z.string(),
                      full_name: z.string(),
                      email: z.string(),
                      role: z.object({ name: z.string(), id: z.string() }),
                    }),
                  ),
                }),
              ),
            ),
          },
          ...COMMON_ERRORS,
        },
      },
    },
    '/crm/v8/org': {
      get: {
        ...tag('Organisation'),
        operationId: 'Get_org',
        summary: 'The organisation',
        responses: {
          200: {
            description: 'The organisation.',
            content: json(
              jsonSchema(
                z.object({
                  org: z.array(
                    z.object({ id: z.string(), company_name: z.string(), currency: z.string(), time_zone: z.string() }),
                  ),
                }),
              ),
            ),
          },
          ...COMMON_ERRORS,
        },
      },
    },
  };
}
