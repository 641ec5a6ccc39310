import { describe, expect, it } from 'vitest';
import { packOutcomes, unpackOutcomes, type RowOutcomeRecord } from './outcomes';

describe('stored chunk outcomes', () => {
  const outcomes: RowOutcomeRecord[] = [
    { rowNumber: 2, status: 'ADDED', recordId: '41', errors: [] },
    { rowNumber: 3, status: 'SKIPPED', recordId: null, errors: [{ code: 'INVALID_DATA', column: 'EAN', message: 'EAN must have 8, 12, 13 or 14 digits.' }] },
  ];

  it('keep the layout the import_row_result view reads: [rowNumber, status, recordId, errors?]', () => {
    expect(JSON.parse(packOutcomes(outcomes))).toEqual([[2, 'ADDED', '41'], [3, 'SKIPPED', null, outcomes[1].errors]]);
  });

  it('come back as they were', () => {
    expect(unpackOutcomes(JSON.parse(packOutcomes(outcomes)))).toEqual(outcomes);
  });
});
