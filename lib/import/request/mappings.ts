import { MAX_COLUMNS } from '@/lib/import/files';
import { autoMatchColumns } from './auto-match';
import { findField, requiredFields, type AppModule, type Operation } from '@/lib/modules';
import { datePatternProblem } from './date-format';
import { ProtocolError } from '@/lib/errors';

/** One field mapping as the job stores and runs it. `index` null: every row takes the default value. */
export interface MappingRequest {
  apiName: string;
  index: number | null;
  defaultValue: string | null;
  format: string | null;
  findBy: string | null;
}

/** A JSON object of a request body (not an array, not null). */
export type Json = Record<string, unknown>;
export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const path = (position: number, key?: string) => `$.resource[0].field_mappings[${position}]${key ? `.${key}` : ''}`;

function fail(code: string, message: string, apiName: string, jsonPath: string): never {
  throw new ProtocolError(code, message, { api_name: apiName, json_path: jsonPath });
}

function indexOf(raw: Json, apiName: string, position: number): number | null {
  if (raw.index === undefined || raw.index === null || raw.index === '') return null;
  const index = typeof raw.index === 'number' ? raw.index : /^\d+$/.test(String(raw.index)) ? Number(raw.index) : NaN;
  if (!Number.isInteger(index) || index < 0) {
    fail('COLUMN_INDEX_NOT_FOUND', `The index '${String(raw.index)}' of ${apiName} is not a column number (0 is the first column).`, apiName, path(position, 'index'));
  }
  return index;
}

function defaultValueOf(raw: Json, apiName: string, position: number): string | null {
  const value = raw.default_value;
  if (value === undefined || value === null) return null;
  if (!isObject(value) || !('value' in value)) fail('INVALID_DATA', `default_value of ${apiName} must be an object such as {"value": "pcs"}.`, apiName, path(position, 'default_value'));
  const inner = value.value;
  if (inner === null || inner === undefined) return null;
  if (!['string', 'number', 'boolean'].includes(typeof inner)) fail('INVALID_DATA', `default_value of ${apiName} must be a text, number or true/false.`, apiName, path(position, 'default_value'));
  return String(inner);
}

function formatOf(raw: Json, module: AppModule, apiName: string, position: number): string | null {
  if (raw.format === undefined || raw.format === null || raw.format === '') return null;
  if (findField(module, apiName)?.kind !== 'date') fail('INVALID_DATA', `format only applies to date fields, not to ${apiName}.`, apiName, path(position, 'format'));
  const problem = datePatternProblem(String(raw.format));
  if (problem) fail('INVALID_DATA', problem, apiName, path(position, 'format'));
  return String(raw.format);
}

/** `Warehouse.id` as an api_name: the lookup field Warehouse, found by id (the key after the dot). */
function dottedLookup(module: AppModule, name: string): { apiName: string; findBy: string } | null {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return null;
  const field = findField(module, name.slice(0, dot));
  const findBy = field?.lookup?.findBy.find((key) => key.toLowerCase() === name.slice(dot + 1).toLowerCase());
  return field && findBy ? { apiName: field.apiName, findBy } : null;
}

function lookupFindByOf(raw: Json, module: AppModule, apiName: string, position: number, dotted: string | null): string | null {
  if (raw.find_by === undefined || raw.find_by === null || raw.find_by === '') return dotted;
  const lookup = findField(module, apiName)?.lookup;
  if (!lookup) fail('INVALID_DATA', `find_by only applies to lookup fields, not to ${apiName}.`, apiName, path(position, 'find_by'));
  const findBy = lookup.findBy.find((name) => name.toLowerCase() === String(raw.find_by).toLowerCase());
  if (!findBy) fail('INVALID_DATA', `${apiName} can be looked up by ${lookup.findBy.join(', ')}, not by '${String(raw.find_by)}'.`, apiName, path(position, 'find_by'));
  if (dotted && dotted !== findBy) {
    fail('INVALID_DATA', `${apiName}.${dotted} is looked up by ${dotted}, but its find_by says ${findBy}.`, apiName, path(position, 'find_by'));
  }
  return findBy;
}

function parseOne(raw: unknown, module: AppModule, position: number, seen: Set<string>): MappingRequest {
  if (!isObject(raw)) fail('INVALID_DATA', 'Each field mapping must be an object.', '', path(position));
  if (raw.api_name === undefined || raw.api_name === null || raw.api_name === '') fail('MANDATORY_NOT_FOUND', 'Required key api_name is not available.', 'api_name', path(position, 'api_name'));
  const dotted = findField(module, String(raw.api_name)) ? null : dottedLookup(module, String(raw.api_name));
  const field = findField(module, dotted?.apiName ?? String(raw.api_name));
  if (!field) fail('INVALID_FIELD_NAME', `${module.apiName} has no field '${String(raw.api_name)}'.`, String(raw.api_name), path(position, 'api_name'));
  const apiName = field.apiName;
  if (seen.has(apiName)) fail('INVALID_DATA', `${apiName} is mapped twice.`, apiName, path(position, 'api_name'));
  seen.add(apiName);
  const mapping = {
    apiName, index: indexOf(raw, apiName, position), defaultValue: defaultValueOf(raw, apiName, position),
    format: formatOf(raw, module, apiName, position), findBy: lookupFindByOf(raw, module, apiName, position, dotted?.findBy ?? null),
  };
  if (mapping.index === null && mapping.defaultValue === null) fail('MANDATORY_NOT_FOUND', `Required key index is not available for ${apiName}.`, apiName, path(position, 'index'));
  return mapping;
}

/** Checks the field_mappings array on its own (what needs the file is checked by resolveMappings). */
export function parseMappings(raw: unknown, module: AppModule): MappingRequest[] | null {
  if (raw === undefined || raw === null) return null;
  if (!Array.isArray(raw)) throw new ProtocolError('INVALID_DATA', 'field_mappings must be an array.', { api_name: 'field_mappings' });
  if (raw.length > MAX_COLUMNS) {
    throw new ProtocolError('LIMIT_EXCEEDED', `At most ${MAX_COLUMNS} fields can be mapped; ${raw.length} were sent.`, { api_name: 'field_mappings' });
  }
  const seen = new Set<string>();
  return raw.map((mapping, position) => parseOne(mapping, module, position, seen));
}

/**
 * Ties the mappings to the file: without field_mappings the header row is matched by field API name;
 * every index must exist in the file, and the fields the operation needs must be mapped.
 */
export function resolveMappings(
  mappings: MappingRequest[] | null, headers: readonly string[], module: AppModule, operation: Operation, findBy: string | null,
): MappingRequest[] {
  const resolved = mappings ?? Object.entries(autoMatchColumns(module, headers))
    .flatMap(([apiName, match]) => (match ? [{ apiName, index: match.index, defaultValue: null, format: null, findBy: match.findBy }] : []));
  resolved.forEach((mapping, position) => {
    if (mapping.index !== null && mapping.index >= headers.length) {
      fail('COLUMN_INDEX_NOT_FOUND', `Column ${mapping.index} mapped to ${mapping.apiName} does not exist: the file has ${headers.length} columns (0 to ${headers.length - 1}).`,
        mapping.apiName, path(position, 'index'));
    }
  });
  const mapped = new Set(resolved.map((mapping) => mapping.apiName));
  const missingFields = requiredFields(module, operation, findBy, mapped).filter((name) => !mapped.has(name));
  if (missingFields.length > 0) {
    throw new ProtocolError('MANDATORY_FIELDS_NOT_MAPPED',
      `${operation === 'insert' ? 'An insert' : `An ${operation}`} into ${module.apiName} needs these fields mapped: ${missingFields.join(', ')}.`,
      { api_names: missingFields });
  }
  return resolved;
}

/** The mappings in Zoho's wire shape, as stored with the job and returned by GET. */
export function mappingsToWire(mappings: readonly MappingRequest[]) {
  return mappings.map((m) => ({
    api_name: m.apiName, index: m.index, format: m.format, find_by: m.findBy, module: null,
    default_value: m.defaultValue === null ? null : { value: m.defaultValue },
  }));
}

export function mappingsFromWire(stored: unknown): MappingRequest[] {
  return (stored as ReturnType<typeof mappingsToWire>).map((m) => ({
    apiName: m.api_name, index: m.index, format: m.format, findBy: m.find_by, defaultValue: m.default_value?.value ?? null,
  }));
}
