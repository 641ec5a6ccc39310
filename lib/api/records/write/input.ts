import type { Field } from '../fields';
import type { ApiRecord } from '../module';
import { RecordError } from '../problem';

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
      throw new RecordError('INVALID_DATA', `${key} is not a field of this module. Fields: ${fields.map((f) => f.api).join(', ')}.`,
        { api_name: key, json_path: `${path}.${key}` });
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
