import { describe, expect, it } from 'vitest';
import { findRecordModule } from '@/lib/api/records/registry';
import { MODULES } from './index';

// One declaration per module: the records API's writable fields are the declared ones, bound to columns.
describe('the records API reads the module catalogue', () => {
  // Entries modules are bulk write only: their rows go into another record (Stocktake_Entries into a count,
  // which the records API's Stocktakes module reads).
  const recordModules = MODULES.filter((module) => module.kind !== 'entries');
  it.each(recordModules.map((module) => [module.apiName, module] as const))('%s', (apiName, module) => {
    const records = findRecordModule(apiName)!;
    expect(records.description).toBe(module.description);
    const writable = records.fields.filter((field) => field.input).map((field) => [field.api, field.input]);
    const declared =
      module.kind === 'catalog' ? module.fields : [...module.headerFields, { apiName: 'Lines', key: 'lines' }];
    expect(writable).toEqual(declared.filter((field) => field.key).map((field) => [field.apiName, field.key]));
    if (module.kind === 'document') {
      const lines = records.fields.find((field) => field.api === 'Lines')!.of!.map((sub) => [sub.api, sub.input]);
      expect(lines).toEqual(module.lineFields.map((field) => [field.apiName, field.key]));
    }
  });
});
