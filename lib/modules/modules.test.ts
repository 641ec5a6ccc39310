import { describe, expect, it } from 'vitest';
import { findRecordModule } from '@/lib/api/records/registry';
import { MODULES } from './index';

// One declaration per module: the records API's writable fields are the declared ones, bound to columns.
describe('the records API reads the module catalogue', () => {
  it.each(MODULES.map((module) => [module.apiName, module] as const))('%s', (apiName, module) => {
    const records = findRecordModule(apiName)!;
    expect(records.description).toBe(module.description);
    const writable = records.fields.filter((field) => field.input).map((field) => [field.api, field.input]);
    const declared =
      module.kind === 'document' ? [...module.headerFields, { apiName: 'Lines', key: 'lines' }] : module.fields;
    expect(writable).toEqual(declared.filter((field) => field.key).map((field) => [field.apiName, field.key]));
    if (module.kind === 'document') {
      const lines = records.fields.find((field) => field.api === 'Lines')!.of!.map((sub) => [sub.api, sub.input]);
      expect(lines).toEqual(module.lineFields.map((field) => [field.apiName, field.key]));
    }
  });
});
