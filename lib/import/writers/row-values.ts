import type { TableRow } from '@/lib/import/files';
import type { RowError } from '@/lib/import/results';
import type { ModuleField } from '@/lib/modules';
import type { MappingRequest } from '@/lib/import/request/mappings';
import { reformatDate } from '@/lib/import/request/date-format';

/** The text a mapping gives for a row: the cell, or the default value when the cell is blank; null when neither. */
export function readCell(row: TableRow, mapping: MappingRequest): string | null {
  const cell = mapping.index === null ? '' : (row.cells[mapping.index] ?? '');
  if (cell.trim() !== '') return cell;
  return mapping.defaultValue !== null && mapping.defaultValue.trim() !== '' ? mapping.defaultValue : null;
}

const TRUE_WORDS = new Set(['true', '1', 'yes']);
const FALSE_WORDS = new Set(['false', '0', 'no']);

export type Converted = { value: string } | { error: RowError };

/**
 * Turns the cell text into what the shared schema takes. Only the spelling is handled here (TRUE from
 * Excel, a date in the mapping's format); whether the value is acceptable is the schema's decision.
 */
export function convertCell(field: ModuleField, text: string, mapping: MappingRequest): Converted {
  if (field.kind === 'boolean') {
    const word = text.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return { value: 'true' };
    if (FALSE_WORDS.has(word)) return { value: 'false' };
    return {
      error: {
        code: 'INVALID_DATA',
        column: field.apiName,
        message: `${field.apiName} must be true or false, not '${text.trim()}'.`,
      },
    };
  }
  if (field.kind === 'date' && mapping.format) {
    const date = reformatDate(text, mapping.format);
    if (date === null) {
      return {
        error: {
          code: 'INVALID_DATA',
          column: field.apiName,
          message: `${field.apiName} '${text.trim()}' does not match the format ${mapping.format}.`,
        },
      };
    }
    return { value: date };
  }
  return { value: text };
}

/** Serial numbers in one cell, separated by semicolons (Zoho's multi-value separator). */
export function splitSerials(text: string | null): string[] {
  if (text === null) return [];
  return text
    .split(';')
    .map((serial) => serial.trim())
    .filter((serial) => serial.length > 0);
}
