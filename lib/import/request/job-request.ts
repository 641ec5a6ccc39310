import { normalizeCharacterEncoding } from '@/lib/import/files';
import {
  documentFileOf,
  findModule,
  OPERATIONS,
  type AppModule,
  type DocumentModule,
  type Operation,
} from '@/lib/modules';
import { checkCallbackUrl } from './callback-url';
import { parentPositionOf, parseChildResources, refuseLineFields, type ChildResource } from './child-resources';
import { isObject, parseMappings, type Json, type MappingRequest } from './mappings';
import { invalid, missing } from './request-errors';
import { fileIdOf, fileNamesOf, moduleNameOf } from './resource-keys';
import { ProtocolError } from '@/lib/errors';

export interface CallbackSpec {
  url: string;
  method: 'post';
}

/** A job request that is well-formed on its own; what depends on the file is checked in create-job. */
export interface JobRequest {
  operation: Operation;
  module: AppModule;
  fileId: bigint;
  findBy: string | null;
  ignoreEmpty: boolean;
  characterEncoding: string | null;
  /** Null: map the file's header row by field API name, as Zoho does without field_mappings. */
  mappings: MappingRequest[] | null;
  callback: CallbackSpec | null;
  dryRun: boolean;
  /** file_names of the resource: the data file of the uploaded ZIP it reads; null: the upload's only one. */
  fileName: string | null;
  /** The resource's place in the request's resource array (json_path of what the file shows wrong). */
  position: number;
  /** A parent/child job's Document_Lines and Document_Serials resources; none for a job of one file. */
  children: ChildResource[];
}

function booleanOf(value: unknown, key: string, path: string): boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'boolean') invalid(key, `${key} must be true or false.`, path);
  return value;
}

function operationOf(body: Json): Operation {
  if (body.operation === undefined || body.operation === null || body.operation === '') missing('operation');
  const operation = String(body.operation).toLowerCase();
  if (!(OPERATIONS as readonly string[]).includes(operation))
    invalid('operation', `The operation '${String(body.operation)}' is not supported; use insert, update or upsert.`);
  return operation as Operation;
}

function moduleOf(resource: Json, position: number): AppModule {
  const raw = moduleNameOf(resource);
  if (raw === undefined || raw === null || raw === '') missing('module', `$.resource[${position}].module`);
  const importModule = typeof raw === 'string' ? findModule(raw) : undefined;
  if (!importModule) {
    throw new ProtocolError('MODULE_NOT_AVAILABLE', `The module '${String(raw)}' is not available for bulk write.`, {
      api_name: 'module',
      json_path: `$.resource[${position}].module`,
    });
  }
  return importModule;
}

function findByOf(resource: Json, importModule: AppModule, operation: Operation, position: number): string | null {
  if (operation === 'insert') return null;
  if (!importModule.operations.includes(operation)) {
    invalid(
      'operation',
      `${importModule.apiName} does not support ${operation}; it supports ${importModule.operations.join(', ')}.`,
    );
  }
  const raw = resource.find_by;
  if (raw === undefined || raw === null || raw === '') missing('find_by', `$.resource[${position}].find_by`);
  const findBy = importModule.findBy.find((name) => name.toLowerCase() === String(raw).toLowerCase());
  if (!findBy)
    invalid(
      'find_by',
      `find_by must be one of ${importModule.findBy.join(', ')} for ${importModule.apiName}.`,
      `$.resource[${position}].find_by`,
    );
  return findBy;
}

/**
 * The label as the client wrote it (trimmed), once it is known to name an encoding we decode: the job JSON
 * echoes it as requested (ISO-8859-1 stays ISO-8859-1), and every reader maps it to its decoder again.
 */
function encodingOf(body: Json, resource: Json): string | null {
  const raw = resource.character_encoding ?? body.character_encoding;
  if (raw === undefined || raw === null || raw === '') return null;
  if (typeof raw !== 'string') invalid('character_encoding', 'character_encoding must be a text such as UTF-8.');
  try {
    normalizeCharacterEncoding(raw);
  } catch (error) {
    return invalid('character_encoding', (error as Error).message);
  }
  return raw.trim();
}

/** The article's own sample spells the key `callBack`; Zoho reads it, so both spellings are the callback. */
function callbackKey(body: Json): 'callback' | 'callBack' | null {
  const given = (['callback', 'callBack'] as const).filter((key) => body[key] !== undefined && body[key] !== null);
  if (given.length > 1)
    invalid('callback', 'Give the callback once: callback and callBack are the same key.', '$.callBack');
  return given[0] ?? null;
}

function callbackOf(body: Json): CallbackSpec | null {
  const key = callbackKey(body);
  if (key === null) return null;
  const raw = body[key];
  if (!isObject(raw)) invalid(key, `${key} must be an object with url and method.`, `$.${key}`);
  if (raw.url === undefined || raw.url === null || raw.url === '') missing('url', `$.${key}.url`);
  const method = raw.method === undefined || raw.method === null ? '' : String(raw.method);
  if (method.toLowerCase() !== 'post') {
    throw new ProtocolError('INVALID_CALLBACK_METHOD', `The callback method '${method}' is not supported; use post.`, {
      api_name: 'method',
      json_path: `$.${key}.method`,
    });
  }
  const problem = checkCallbackUrl(String(raw.url));
  if (problem) throw new ProtocolError('INVALID_URL_PATTERN', problem, { api_name: 'url', json_path: `$.${key}.url` });
  return { url: String(raw.url), method: 'post' };
}

/**
 * One document (or catalog) file, or a document file and its child files: at most three resources, each a 'data'
 * object.
 */
const MAX_RESOURCES = 3;

function resourcesOf(body: Json): Json[] {
  const resources = body.resource;
  if (resources === undefined || resources === null) missing('resource');
  if (!Array.isArray(resources) || resources.length === 0) missing('resource');
  if (resources.length > MAX_RESOURCES) {
    throw new ProtocolError(
      'LIMIT_EXCEEDED',
      `A bulk write job takes at most ${MAX_RESOURCES} resources: a document file, its lines and their serial numbers; ${resources.length} were sent.`,
      { api_name: 'resource', json_path: '$.resource' },
    );
  }
  resources.forEach((resource: unknown, position) => {
    if (!isObject(resource)) invalid('resource', 'Each resource must be an object.', `$.resource[${position}]`);
    if (resource.type !== undefined && resource.type !== 'data')
      invalid('type', "The resource type must be 'data'.", `$.resource[${position}].type`);
  });
  return resources as Json[];
}

/** Checks the create-job body the way Zoho does, key by key, and throws the first problem found. */
export function parseJobRequest(body: unknown): JobRequest {
  if (!isObject(body)) throw new ProtocolError('INVALID_DATA', 'The request body must be a JSON object.');
  const operation = operationOf(body);
  const resources = resourcesOf(body);
  const position = parentPositionOf(resources);
  const resource = resources[position];
  const importModule = moduleOf(resource, position);
  const fileId = fileIdOf(resource, position);
  const findBy = findByOf(resource, importModule, operation, position);
  const children = parseChildResources(resources, position, importModule, operation, fileId);
  const ignoreEmpty =
    booleanOf(resource.ignore_empty, 'ignore_empty', `$.resource[${position}].ignore_empty`) ??
    booleanOf(body.ignore_empty, 'ignore_empty', '$.ignore_empty') ??
    false;
  const fileModule = children.length > 0 ? documentFileOf(importModule as DocumentModule) : importModule;
  if (children.length > 0) refuseLineFields(resource.field_mappings, importModule as DocumentModule, position);
  return {
    operation,
    module: importModule,
    fileId,
    findBy,
    ignoreEmpty,
    characterEncoding: encodingOf(body, resource),
    mappings: parseMappings(resource.field_mappings, fileModule, position),
    callback: callbackOf(body),
    dryRun: booleanOf(body.dry_run, 'dry_run', '$.dry_run') ?? false,
    fileName: fileNamesOf(resource, position, resources.length > 1),
    position,
    children,
  };
}
