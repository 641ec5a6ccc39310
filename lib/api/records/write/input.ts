import type { Field } from '../fields';
import type { ApiRecord } from '../module';
import { findTextProblem } from '@/lib/validation/text';
import { ProtocolError } from '@/lib/errors';

/**
 * Renames a record's API fields to the lib's input keys. Values pass through untouched: the lib
 * parses them with the shared zod schema, so the API gives the form's messages. Read-only fields
 * (Number, Created_Time, …) are ignored so a record read with GET can be sent back as it is.
 */
export function toLibInput(fields: Field[], record: ApiRecord, path: string): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'id') continue;
    const field = fields.find((f) => f.api === key);
    if (!field) {
      throw new ProtocolError(
        'INVALID_DATA',
        `${key} is not a field of this module. Fields: ${fields.map((f) => f.api).join(', ')}.`,
        { api_name: key, json_path: `${path}.${key}` },
      );
    }
    if (field.input) input[field.input] = value;
  }
  return input;
}

/** The API path of a lib field error key: `lines.2.itemId` → `Lines[2].Item`, `partnerId` → `Partner`. */
export function apiPathOf(fields: Field[], key: string): { apiName: string; path: string } | null {
  const [top, index, sub] = key.split('.');
  const field = fields.find((f) => f.input === top);
  if (!field) return null;
  if (index === undefined || !/^\d+$/.test(index)) return { apiName: field.api, path: field.api };
  const subField = field.of?.find((s) => s.input === sub);
  return subField
    ? { apiName: subField.api, path: `${field.api}[${index}].${subField.api}` }
    : { apiName: field.api, path: `${field.api}[${index}]` };
}

/**
 * The text rule (lib/validation/text.ts) over every string of the record, nested lines and serials
 * included, before anything reaches the lib or the database: PostgreSQL would refuse a NUL with an error
 * the client could not act on. api_name is the record's top-level field; json_path points inside it.
 */
export function refuseBrokenText(record: ApiRecord, path: string): void {
  const found = findTextProblem(record, (at) => (at.length === 0 ? 'The record' : relativePath(at)));
  if (!found) return;
  const jsonPath = found.path.length === 0 ? path : `${path}.${relativePath(found.path)}`;
  throw new ProtocolError('INVALID_DATA', found.message, {
    api_name: String(found.path[0] ?? ''),
    json_path: jsonPath,
  });
}

/** ['Lines', 0, 'Serial_Numbers', 3] → Lines[0].Serial_Numbers[3] */
function relativePath(parts: (string | number)[]): string {
  return parts.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${part}`)).join('');
}
