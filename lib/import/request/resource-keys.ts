import { parseId } from '@/lib/ids';
import { isObject, type Json } from './mappings';
import { invalid, missing } from './request-errors';
import { ProtocolError } from '@/lib/errors';

/** The module name a resource gives (`{"api_name": "Items"}`, or `"Items"` from older clients). */
export function moduleNameOf(resource: Json): unknown {
  return isObject(resource.module) ? resource.module.api_name : resource.module;
}

export function fileIdOf(resource: Json, position: number): bigint {
  const raw = resource.file_id;
  if (raw === undefined || raw === null || raw === '') missing('file_id', `$.resource[${position}].file_id`);
  const text = String(raw);
  const id = parseId(text);
  if (id === null) {
    throw new ProtocolError('INVALID_FILE_ID', `The file_id '${text}' is not valid.`, {
      api_name: 'file_id',
      json_path: `$.resource[${position}].file_id`,
    });
  }
  return id;
}

/** ZIP entry names are short; a longer name is no file of the upload, and would only bloat the error that says so. */
const MAX_FILE_NAME_CHARS = 255;

/**
 * Zoho's file_names: the data file of the uploaded ZIP a resource reads, as a list of one name (`["lines.csv"]`).
 * Required when the job has several resources; without it a one-resource job reads the upload's only file.
 */
export function fileNamesOf(resource: Json, position: number, required: boolean): string | null {
  const raw = resource.file_names;
  const path = `$.resource[${position}].file_names`;
  if (raw === undefined || raw === null) return required ? missing('file_names', path) : null;
  if (!Array.isArray(raw) || raw.length !== 1 || typeof raw[0] !== 'string' || raw[0].trim() === '') {
    invalid(
      'file_names',
      'file_names must list the one file of the uploaded ZIP this resource reads, such as ["lines.csv"].',
      path,
    );
  }
  const name = raw[0].trim();
  if (name.length > MAX_FILE_NAME_CHARS)
    invalid('file_names', `A file name in file_names has at most ${MAX_FILE_NAME_CHARS} characters.`, `${path}[0]`);
  return name;
}
