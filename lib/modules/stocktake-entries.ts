import type { CountRowField } from '@/lib/inventory/stocktake/import';
import type { EntriesModule } from './types';

/** The entry field (API name) a refusal of the row function points at: the importer's column, the API's api_name. */
export const ENTRY_FIELDS: Record<CountRowField, string> = {
  stocktake: 'Stocktake',
  serial: 'Serial_Number',
  item: 'Item',
  quantity: 'Quantity',
};

/** An entry that names no stocktake, in both Zoho doors (MANDATORY_NOT_FOUND on Stocktake). */
export const NO_STOCKTAKE_MESSAGE = 'Name the stocktake.';

/**
 * Scans and counts of an open stocktake as a file: each row a found serial (its item only when the serial does not
 * tell it) or an untracked item's counted quantity, written by the same functions as a phone's scan.
 */
export const STOCKTAKE_ENTRIES: EntriesModule = {
  apiName: 'Stocktake_Entries',
  id: '7100000000020',
  label: 'Stocktake entries (scans and counts)',
  singular: 'stocktake entry',
  kind: 'entries',
  description:
    'Found serials and counted quantities for an open stocktake, as if scanned on a phone: insert only; a serial ' +
    'scanned twice counts once, and a later count of an item replaces the earlier one. Each entry answers with the ' +
    'count it went into (its id and Number), and the counts are what reading this module lists.',
  read: 'stockDocs.read',
  write: 'stockDocs.write',
  operations: ['insert'],
  mandatory: ['Stocktake'],
  findBy: [],
  fields: [
    {
      apiName: 'Stocktake',
      key: 'stocktakeId',
      kind: 'lookup',
      lookup: { module: 'Stocktakes', findBy: ['Number', 'id'] },
      example: 'ST-2026-00001',
      description: 'The open stocktake, by its Number; a closed or cancelled one takes no more entries.',
    },
    {
      apiName: 'Serial_Number',
      key: 'serial',
      kind: 'text',
      example: 'SN-0001',
      description: 'A serial found on the shelf; leave it empty for a counted quantity.',
    },
    {
      apiName: 'Item',
      key: 'item',
      kind: 'lookup',
      lookup: { module: 'Items', findBy: ['Code'] },
      example: 'SCAN-100',
      description:
        'The item by its Code: needed for a count, and for a serial the books do not know (or several items share).',
    },
    {
      apiName: 'Quantity',
      key: 'quantity',
      kind: 'decimal',
      example: '',
      description: 'The counted quantity of an item that does not track serial numbers (with Item, no serial).',
    },
  ],
  // As the records API takes it (the import templates use each field's own example).
  example: { Stocktake: { Number: 'ST-2026-00001' }, Serial_Number: 'SN-0001', Item: { Code: 'SCAN-100' } },
};
