import { parseId } from '@/lib/ids';
import { normalizeCharacterEncoding } from '@/lib/import/files';
import { findModule, OPERATIONS, type AppModule, type Operation } from '@/lib/modules';
import { checkCallbackUrl } from './callback-url';
import { isObject, parseMappings, type Json, type MappingRequest } from './mappings';
import { ProtocolError } from '@/lib/errors';

export interface CallbackSpec { url: string; method: 'post' }

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
}

function missing(key: string, path = `$.${key}`): never {
  throw new ProtocolError('MANDATORY_NOT_FOUND', `Required key ${key} is not available.`, { api_name: key, json_path: path });
}

function invalid(key: string, message: string, path = `$.${key}`): never {
  throw new ProtocolError('INVALID_DATA', message, { api_name: key, json_path: path });
}

function booleanOf(value: unknown, key: string, path: string): boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'boolean') invalid(key, `${key} must be true or false.`, path);
  return value;
}

function operationOf(body: Json): Operation {
  if (body.operation === undefined || body.operation === null || body.operation === '') missing('operation');
  const operation = String(body.operation).toLowerCase();
  if (!(OPERATIONS as readonly string[]).includes(operation)) invalid('operation', `The operation '${String(body.operation)}' is not supported; use insert, update or upsert.`);
  return operation as Operation;
}

function moduleOf(resource: Json): AppModule {
  const raw = isObject(resource.module) ? resource.module.api_name : resource.module;
  if (raw === undefined || raw === null || raw === '') missing('module', '$.resource[0].module');
  const importModule = typeof raw === 'string' ? findModule(raw) : undefined;
  if (!importModule) {
    throw new ProtocolError('MODULE_NOT_AVAILABLE', `The module '${String(raw)}' is not available for bulk write.`,
      { api_name: 'module', json_path: '$.resource[0].module' });
  }
  return importModule;
}

function fileIdOf(resource: Json): bigint {
  const raw = resource.file_id;
  if (raw === undefined || raw === null || raw === '') missing('file_id', '$.resource[0].file_id');
  const text = String(raw);
  const id = parseId(text);
  if (id === null) {
    throw new ProtocolError('INVALID_FILE_ID', `The file_id '${text}' is not valid.`, { api_name: 'file_id', json_path: '$.resource[0].file_id' });
  }
  return id;
}

function findByOf(resource: Json, importModule: AppModule, operation: Operation): string | null {
  if (operation === 'insert') return null;
  if (!importModule.operations.includes(operation)) {
    invalid('operation', `${importModule.apiName} does not support ${operation}; it supports ${importModule.operations.join(', ')}.`);
  }
  const raw = resource.find_by;
  if (raw === undefined || raw === null || raw === '') missing('find_by', '$.resource[0].find_by');
  const findBy = importModule.findBy.find((name) => name.toLowerCase() === String(raw).toLowerCase());
  if (!findBy) invalid('find_by', `find_by must be one of ${importModule.findBy.join(', ')} for ${importModule.apiName}.`, '$.resource[0].find_by');
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
  if (given.length > 1) invalid('callback', 'Give the callback once: callback and callBack are the same key.', '$.callBack');
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
    throw new ProtocolError('INVALID_CALLBACK_METHOD', `The callback method '${method}' is not supported; use post.`,
      { api_name: 'method', json_path: `$.${key}.method` });
  }
  const problem = checkCallbackUrl(String(raw.url));
  if (problem) throw new ProtocolError('INVALID_URL_PATTERN', problem, { api_name: 'url', json_path: `$.${key}.url` });
  return { url: String(raw.url), method: 'post' };
}

function theResource(body: Json): Json {
  const resources = body.resource;
  if (resources === undefined || resources === null) missing('resource');
  if (!Array.isArray(resources) || resources.length === 0) missing('resource');
  if (resources.length > 1) {
    throw new ProtocolError('LIMIT_EXCEEDED', 'A bulk write job takes exactly one resource (one file for one module).', { api_name: 'resource' });
  }
  const [resource] = resources;
  if (!isObject(resource)) invalid('resource', 'Each resource must be an object.', '$.resource[0]');
  if (resource.type !== undefined && resource.type !== 'data') invalid('type', "The resource type must be 'data'.", '$.resource[0].type');
  return resource;
}

/** Checks the create-job body the way Zoho does, key by key, and throws the first problem found. */
export function parseJobRequest(body: unknown): JobRequest {
  if (!isObject(body)) throw new ProtocolError('INVALID_DATA', 'The request body must be a JSON object.');
  const operation = operationOf(body);
  const resource = theResource(body);
  const importModule = moduleOf(resource);
  const fileId = fileIdOf(resource);
  const findBy = findByOf(resource, importModule, operation);
  const ignoreEmpty = booleanOf(resource.ignore_empty, 'ignore_empty', '$.resource[0].ignore_empty')
    ?? booleanOf(body.ignore_empty, 'ignore_empty', '$.ignore_empty') ?? false;
  return {
    operation, module: importModule, fileId, findBy, ignoreEmpty,
    characterEncoding: encodingOf(body, resource),
    mappings: parseMappings(resource.field_mappings, importModule),
    callback: callbackOf(body),
    dryRun: booleanOf(body.dry_run, 'dry_run', '$.dry_run') ?? false,
  };
}
