import { describe, expect, it } from 'vitest';
import { packOutcomes, unpackOutcomes, type RowOutcomeRecord } from './outcomes';

describe('stored chunk outcomes', () => {
  const outcomes: RowOutcomeRecord[] = [
    { rowNumber: 2, status: 'ADDED', recordId: '41', errors: [] },
    {
      rowNumber: 3,
      status: 'SKIPPED',
      recordId: null,
      errors: [{ code: 'INVALID_DATA', column: 'EAN', message: 'EAN must have 8, 12, 13 or 14 digits.' }],
    },
  ];

  it('keep the layout the import_row_result view reads: [rowNumber, status, recordId, errors?]', () => {
    expect(JSON.parse(packOutcomes(outcomes))).toEqual([
      [2, 'ADDED', '41'],
      [3, 'SKIPPED', null, outcomes[1].errors],
    ]);
  });

  it('come back as they were', () => {
    expect(unpackOutcomes(JSON.parse(packOutcomes(outcomes)))).toEqual(outcomes);
  });

  it("keep the file of a parent/child job's row, and leave it out for the first file", () => {
    const inFiles: RowOutcomeRecord[] = [
      { ...outcomes[0], file: 2 },
      { ...outcomes[0], rowNumber: 5 },
    ];
    expect(JSON.parse(packOutcomes(inFiles))).toEqual([
      [2, 'ADDED', '41', [], 2],
      [5, 'ADDED', '41'],
    ]);
    expect(unpackOutcomes(JSON.parse(packOutcomes(inFiles)))).toEqual(inFiles);
  });
});
