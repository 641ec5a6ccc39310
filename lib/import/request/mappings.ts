import { MAX_COLUMNS } from '@/lib/import/files';
import { autoMatchColumns } from './auto-match';
import { findField, requiredFields, type MappedModule, type Operation } from '@/lib/modules';
import { datePatternProblem } from './date-format';
import { ProtocolError } from '@/lib/errors';

/** One field mapping as the job stores and runs it. `index` null: every row takes the default value. */
export interface MappingRequest {
  apiName: string;
  index: number | null;
  defaultValue: string | null;
  format: string | null;
  findBy: string | null;
  /** A child resource's Parent_Id: the column of the parent resource's file whose value it names. */
  parentColumnIndex?: number;
}

/** A JSON object of a request body (not an array, not null). */
export type Json = Record<string, unknown>;
export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** The json_path of a mapping (or of one of its keys) in the request. */
type PathOf = (key?: string) => string;
const pathOf =
  (resource: number, position: number): PathOf =>
  (key) =>
    `$.resource[${resource}].field_mappings[${position}]${key ? `.${key}` : ''}`;

function fail(code: string, message: string, apiName: string, jsonPath: string): never {
  throw new ProtocolError(code, message, { api_name: apiName, json_path: jsonPath });
}

/** A column number (`index`, `parent_column_index`): a whole number from 0, or a text of digits. */
function columnOf(raw: Json, key: 'index' | 'parent_column_index', apiName: string, at: PathOf): number | null {
  const value = raw[key];
  if (value === undefined || value === null || value === '') return null;
  const index = typeof value === 'number' ? value : /^\d+$/.test(String(value)) ? Number(value) : NaN;
  if (!Number.isInteger(index) || index < 0) {
    fail(
      'COLUMN_INDEX_NOT_FOUND',
      `The ${key} '${String(value)}' of ${apiName} is not a column number (0 is the first column).`,
      apiName,
      at(key),
    );
  }
  return index;
}

/** Only a child resource's Parent_Id names a column of its parent's file. */
function parentColumnOf(raw: Json, module: MappedModule, apiName: string, at: PathOf): number | null {
  const index = columnOf(raw, 'parent_column_index', apiName, at);
  if (index !== null && (module.kind !== 'child' || apiName !== 'Parent_Id')) {
    fail(
      'INVALID_DATA',
      `parent_column_index only applies to the Parent_Id of a child resource (${module.kind === 'child' ? module.apiName : 'Document_Lines, Document_Serials'}), not to ${apiName}.`,
      apiName,
      at('parent_column_index'),
    );
  }
  return index;
}

function defaultValueOf(raw: Json, apiName: string, at: PathOf): string | null {
  const value = raw.default_value;
  if (value === undefined || value === null) return null;
  if (!isObject(value) || !('value' in value))
    fail(
      'INVALID_DATA',
      `default_value of ${apiName} must be an object such as {"value": "pcs"}.`,
      apiName,
      at('default_value'),
    );
  const inner = value.value;
  if (inner === null || inner === undefined) return null;
  if (!['string', 'number', 'boolean'].includes(typeof inner))
    fail(
      'INVALID_DATA',
      `default_value of ${apiName} must be a text, number or true/false.`,
      apiName,
      at('default_value'),
    );
  return String(inner);
}

function formatOf(raw: Json, module: MappedModule, apiName: string, at: PathOf): string | null {
  if (raw.format === undefined || raw.format === null || raw.format === '') return null;
  if (findField(module, apiName)?.kind !== 'date')
    fail('INVALID_DATA', `format only applies to date fields, not to ${apiName}.`, apiName, at('format'));
  const problem = datePatternProblem(String(raw.format));
  if (problem) fail('INVALID_DATA', problem, apiName, at('format'));
  return String(raw.format);
}

/** `Warehouse.id` as an api_name: the lookup field Warehouse, found by id (the key after the dot). */
function dottedLookup(module: MappedModule, name: string): { apiName: string; findBy: string } | null {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return null;
  const field = findField(module, name.slice(0, dot));
  const findBy = field?.lookup?.findBy.find((key) => key.toLowerCase() === name.slice(dot + 1).toLowerCase());
  return field && findBy ? { apiName: field.apiName, findBy } : null;
}

function lookupFindByOf(
  raw: Json,
  module: MappedModule,
  apiName: string,
  at: PathOf,
  dotted: string | null,
): string | null {
  if (raw.find_by === undefined || raw.find_by === null || raw.find_by === '') return dotted;
  const lookup = findField(module, apiName)?.lookup;
  if (!lookup)
    fail('INVALID_DATA', `find_by only applies to lookup fields, not to ${apiName}.`, apiName, at('find_by'));
  const findBy = lookup.findBy.find((name) => name.toLowerCase() === String(raw.find_by).toLowerCase());
  if (!findBy)
    fail(
      'INVALID_DATA',
      `${apiName} can be looked up by ${lookup.findBy.join(', ')}, not by '${String(raw.find_by)}'.`,
      apiName,
      at('find_by'),
    );
  if (dotted && dotted !== findBy) {
    fail(
      'INVALID_DATA',
      `${apiName}.${dotted} is looked up by ${dotted}, but its find_by says ${findBy}.`,
      apiName,
      at('find_by'),
    );
  }
  return findBy;
}

function parseOne(raw: unknown, module: MappedModule, at: PathOf, seen: Set<string>): MappingRequest {
  if (!isObject(raw)) fail('INVALID_DATA', 'Each field mapping must be an object.', '', at());
  if (raw.api_name === undefined || raw.api_name === null || raw.api_name === '')
    fail('MANDATORY_NOT_FOUND', 'Required key api_name is not available.', 'api_name', at('api_name'));
  const dotted = findField(module, String(raw.api_name)) ? null : dottedLookup(module, String(raw.api_name));
  const field = findField(module, dotted?.apiName ?? String(raw.api_name));
  if (!field)
    fail(
      'INVALID_FIELD_NAME',
      `${module.apiName} has no field '${String(raw.api_name)}'.`,
      String(raw.api_name),
      at('api_name'),
    );
  const apiName = field.apiName;
  if (seen.has(apiName)) fail('INVALID_DATA', `${apiName} is mapped twice.`, apiName, at('api_name'));
  seen.add(apiName);
  const parentColumn = parentColumnOf(raw, module, apiName, at);
  const mapping: MappingRequest = {
    apiName,
    index: columnOf(raw, 'index', apiName, at),
    defaultValue: defaultValueOf(raw, apiName, at),
    format: formatOf(raw, module, apiName, at),
    findBy: lookupFindByOf(raw, module, apiName, at, dotted?.findBy ?? null),
    ...(parentColumn === null ? {} : { parentColumnIndex: parentColumn }),
  };
  if (mapping.index === null && mapping.defaultValue === null)
    fail('MANDATORY_NOT_FOUND', `Required key index is not available for ${apiName}.`, apiName, at('index'));
  return mapping;
}

/**
 * Checks the field_mappings array of the request's resource `resource` on its own (what needs the file is checked by
 * resolveMappings).
 */
export function parseMappings(raw: unknown, module: MappedModule, resource = 0): MappingRequest[] | null {
  if (raw === undefined || raw === null) return null;
  const where = { api_name: 'field_mappings', json_path: `$.resource[${resource}].field_mappings` };
  if (!Array.isArray(raw)) throw new ProtocolError('INVALID_DATA', 'field_mappings must be an array.', where);
  if (raw.length > MAX_COLUMNS) {
    throw new ProtocolError(
      'LIMIT_EXCEEDED',
      `At most ${MAX_COLUMNS} fields can be mapped; ${raw.length} were sent.`,
      where,
    );
  }
  const seen = new Set<string>();
  return raw.map((mapping, position) => parseOne(mapping, module, pathOf(resource, position), seen));
}

/**
 * Ties the mappings to the file: without field_mappings the header row is matched by field API name;
 * every index must exist in the file, and the fields the operation needs must be mapped.
 */
export function resolveMappings(
  mappings: MappingRequest[] | null,
  headers: readonly string[],
  module: MappedModule,
  operation: Operation,
  findBy: string | null,
  resource = 0,
): MappingRequest[] {
  const resolved =
    mappings ??
    Object.entries(autoMatchColumns(module, headers)).flatMap(([apiName, match]) =>
      match ? [{ apiName, index: match.index, defaultValue: null, format: null, findBy: match.findBy }] : [],
    );
  resolved.forEach((mapping, position) => {
    if (mapping.index !== null && mapping.index >= headers.length) {
      fail(
        'COLUMN_INDEX_NOT_FOUND',
        `Column ${mapping.index} mapped to ${mapping.apiName} does not exist: the file has ${headers.length} columns (0 to ${headers.length - 1}).`,
        mapping.apiName,
        pathOf(resource, position)('index'),
      );
    }
  });
  const mapped = new Set(resolved.map((mapping) => mapping.apiName));
  const missingFields = requiredFields(module, operation, findBy, mapped).filter((name) => !mapped.has(name));
  if (missingFields.length > 0) {
    throw new ProtocolError(
      'MANDATORY_FIELDS_NOT_MAPPED',
      `${operation === 'insert' ? 'An insert' : `An ${operation}`} into ${module.apiName} needs these fields mapped: ${missingFields.join(', ')}.`,
      { api_names: missingFields, json_path: `$.resource[${resource}]` },
    );
  }
  return resolved;
}

/**
 * The mappings in Zoho's wire shape, as stored with the job and returned by GET (parent_column_index only where given).
 */
export function mappingsToWire(mappings: readonly MappingRequest[]) {
  return mappings.map((m) => ({
    api_name: m.apiName,
    index: m.index,
    format: m.format,
    find_by: m.findBy,
    module: null,
    default_value: m.defaultValue === null ? null : { value: m.defaultValue },
    ...(m.parentColumnIndex === undefined ? {} : { parent_column_index: m.parentColumnIndex }),
  }));
}

export function mappingsFromWire(stored: unknown): MappingRequest[] {
  return (stored as ReturnType<typeof mappingsToWire>).map((m) => ({
    apiName: m.api_name,
    index: m.index,
    format: m.format,
    findBy: m.find_by,
    defaultValue: m.default_value?.value ?? null,
    ...('parent_column_index' in m ? { parentColumnIndex: m.parent_column_index } : {}),
  }));
}
