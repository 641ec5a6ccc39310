import type { MappedModule, ModuleField } from '@/lib/modules';

/**
 * "Sale price", "sale_price" and "SALE-PRICE" all name Sale_Price: case, spaces, dashes and underscores are ignored.
 */
export function normalizeHeader(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/** A column matched to a field; `findBy` when the header names how a lookup is found (`Warehouse.id`, `Item.EAN`). */
export type ColumnMatch = { index: number; findBy: string | null };

/**
 * Whether a header (normalized: `key`) names a field (normalized: `name`). `Warehouse` names the field, looked
 * up by the app's default (Code); `Warehouse.id`, `Warehouse.Code` and `Item.EAN` name it with the key its
 * cells hold, as Zoho's exported files and `Field.id` headers do.
 */
function matchHeader(field: ModuleField, name: string, key: string): ColumnMatch['findBy'] | undefined {
  if (key === name) return null;
  if (!field.lookup || !key.startsWith(`${name}.`)) return undefined;
  const suffix = key.slice(name.length + 1);
  return field.lookup.findBy.find((findBy) => findBy.toLowerCase() === suffix);
}

/** For each field of the module, the first file column whose header names it (and how it looks up), or null. */
export function autoMatchColumns(
  module: Pick<MappedModule, 'fields'>,
  headers: readonly string[],
): Record<string, ColumnMatch | null> {
  const keys = headers.map(normalizeHeader);
  return Object.fromEntries(
    module.fields.map((field) => {
      const name = normalizeHeader(field.apiName);
      for (const [index, key] of keys.entries()) {
        const findBy = matchHeader(field, name, key);
        if (findBy !== undefined) return [field.apiName, { index, findBy }];
      }
      return [field.apiName, null];
    }),
  );
}
