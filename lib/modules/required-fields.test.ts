import { describe, expect, it } from 'vitest';
import { GOODS_RECEIPTS, ITEMS, requiredFields } from './index';

// The job request and the import page's "required" badges read this one rule.
describe('requiredFields', () => {
  const mapped = (...names: string[]) => new Set(names);

  it('asks an update for its find_by field, an upsert for that and the insert\u2019s mandatory fields', () => {
    expect(requiredFields(ITEMS, 'update', 'EAN', mapped())).toEqual(['EAN']);
    expect(requiredFields(ITEMS, 'upsert', 'EAN', mapped())).toEqual(['Code', 'Name', 'EAN']);
  });

  it('asks a document update for the Number its rows are grouped by, whatever the find_by', () => {
    expect(requiredFields(GOODS_RECEIPTS, 'update', 'External_Number', mapped('Number', 'Note'))).toEqual(['Number']);
    expect(requiredFields(GOODS_RECEIPTS, 'upsert', 'Number', mapped())).toEqual([...GOODS_RECEIPTS.mandatory]);
  });

  it('asks a document update that maps a line column for the lines\u2019 items and quantities, since the lines are replaced', () => {
    expect(requiredFields(GOODS_RECEIPTS, 'update', 'Number', mapped('Number', 'Unit_Price'))).toEqual([
      'Number',
      'Item',
      'Quantity',
    ]);
  });
});
