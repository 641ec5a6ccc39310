import { describe, expect, it } from 'vitest';
import { findModule as findRecordModule } from '@/lib/api/records/registry';
import { IMPORT_MODULES, type CatalogModule } from './registry';

// The importer's field list stays a plain declaration because the import page (a client component)
// reads it; the records API's fields carry database columns and cannot go to the browser. So the two
// are declared apart, and this test keeps them naming the same fields the same way.
describe('import fields and records API fields name the same catalog fields', () => {
  const catalog = IMPORT_MODULES.filter((module): module is CatalogModule => module.kind === 'catalog');

  it.each(catalog.map((module) => [module.apiName, module] as const))('%s', (apiName, module) => {
    const records = findRecordModule(apiName);
    expect(records, `records API module ${apiName}`).toBeDefined();
    const writable = records!.fields.filter((field) => field.input).map((field) => [field.api, field.input]);
    const imported = module.fields.filter((field) => field.key).map((field) => [field.apiName, field.key]);
    expect(imported).toEqual(writable);
  });
});
