import { parseId } from '@/lib/ids';
import type { TableRow } from '@/lib/import/files';
import type { RowError } from '@/lib/import/results';
import { findField, type ModuleField } from '@/lib/modules';
import type { MappingRequest } from '@/lib/import/request/mappings';
import { fieldErrorsOf } from '@/lib/validation/zod-errors';
import type { CatalogAdapter, CatalogRecord, Keys } from './catalog-adapters';
import type { CatalogContext } from './context';
import { convertCell, readCell } from './row-values';

/** A row's mapped values by schema key; a key set to undefined was emptied by the row. */
export interface RowOverlay {
  rowNumber: number;
  values: Record<string, unknown>;
  findKey: string | null;
  errors: RowError[];
}

export type PlannedRow = {
  rowNumber: number;
  target: CatalogRecord | null;
  /** The row's own values (what an update changes); `input` is them over the record, `data` that parsed. */
  values: Record<string, unknown>;
  input: Record<string, unknown>;
  data: Record<string, unknown>;
};

/** The records of a chunk by id, code and EAN, kept current as the chunk writes. */
export class RecordIndex {
  private byId = new Map<bigint, CatalogRecord>();
  private byCode = new Map<string, CatalogRecord>();
  private byEan = new Map<string, CatalogRecord>();

  constructor(records: CatalogRecord[]) {
    records.forEach((record) => this.put(record));
  }

  put(record: CatalogRecord) {
    const old = this.byId.get(record.id);
    if (old) {
      if (this.byCode.get(old.code) === old) this.byCode.delete(old.code);
      if (old.ean && this.byEan.get(old.ean) === old) this.byEan.delete(old.ean);
    }
    this.byId.set(record.id, record);
    this.byCode.set(record.code, record);
    if (record.ean) this.byEan.set(record.ean, record);
  }

  find(field: string, key: string): CatalogRecord | undefined {
    if (field === 'id') {
      const id = parseId(key);
      return id === null ? undefined : this.byId.get(id);
    }
    return field === 'EAN' ? this.byEan.get(key) : this.byCode.get(key);
  }

  ownerOf(field: 'code' | 'ean', key: string | null): CatalogRecord | undefined {
    if (key === null) return undefined;
    return field === 'ean' ? this.byEan.get(key) : this.byCode.get(key);
  }
}

// The field of each mapping, looked up once per job instead of once per cell.
const fieldsOfMappings = new WeakMap<CatalogContext, { mapping: MappingRequest; field: ModuleField | undefined }[]>();

function mappedFields(ctx: CatalogContext) {
  let fields = fieldsOfMappings.get(ctx);
  if (!fields) {
    fields = ctx.mappings.map((mapping) => ({ mapping, field: findField(ctx.module, mapping.apiName) }));
    fieldsOfMappings.set(ctx, fields);
  }
  return fields;
}

export function overlayOf(ctx: CatalogContext, row: TableRow): RowOverlay {
  const overlay: RowOverlay = { rowNumber: row.rowNumber, values: {}, findKey: null, errors: [] };
  for (const { mapping, field } of mappedFields(ctx)) {
    const text = readCell(row, mapping);
    if (mapping.apiName === ctx.findBy) overlay.findKey = text === null ? null : text.trim();
    if (!field?.key) continue;
    // ignore_empty: an empty cell leaves the stored value alone instead of clearing it.
    if (text === null) {
      if (!ctx.ignoreEmpty) overlay.values[field.key] = undefined;
      continue;
    }
    const converted = convertCell(field, text, mapping);
    if ('error' in converted) overlay.errors.push(converted.error);
    else overlay.values[field.key] = converted.value;
  }
  return overlay;
}

/** Every code, EAN and id a chunk's rows may refer to, for one query that loads them all. */
export function keysOf(overlays: RowOverlay[], findBy: string | null): Keys {
  const keys = { codes: new Set<string>(), eans: new Set<string>(), ids: new Set<bigint>() };
  for (const overlay of overlays) {
    const { code, ean } = overlay.values;
    if (typeof code === 'string' && code.trim()) keys.codes.add(code.trim());
    if (typeof ean === 'string' && ean.trim()) keys.eans.add(ean.trim());
    const id = findBy === 'id' ? parseId(overlay.findKey) : null;
    if (id !== null) keys.ids.add(id);
  }
  return { codes: [...keys.codes], eans: [...keys.eans], ids: [...keys.ids] };
}

type Target = { record: CatalogRecord | null } | { error: RowError };

/** Which record a row updates (insert: none), following the job's operation and find_by. */
export function resolveTarget(ctx: CatalogContext, overlay: RowOverlay, index: RecordIndex): Target {
  if (ctx.operation === 'insert' || !ctx.findBy) return { record: null };
  const findBy = ctx.findBy;
  const key = overlay.findKey;
  if (key === null) {
    if (ctx.operation === 'upsert') return { record: null };
    return {
      error: { code: 'MANDATORY_NOT_FOUND', column: findBy, message: `Enter the ${findBy} of the record to update.` },
    };
  }
  const record = index.find(findBy, key);
  if (record) return { record };
  if (ctx.operation === 'upsert' && findBy !== 'id') return { record: null };
  const noun = ctx.module.apiName.replace(/s$/, '').toLowerCase();
  return { error: { code: 'RESOURCE_NOT_FOUND', column: findBy, message: `No ${noun} has ${findBy} ${key}.` } };
}

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Schema keys back to API names; an error on a field the row left empty reads as "mandatory, not found". */
export function columnNamer(ctx: CatalogContext) {
  return (key: string) => ctx.module.fields.find((field) => field.key === key)?.apiName ?? '';
}

export function blankKeysOf(input: Record<string, unknown>, keys: string[]): Set<string> {
  return new Set(keys.filter((key) => isBlank(input[key])));
}

/** Builds the full input (stored record + the row's values) and runs the shared schema on it. */
export function planRow(
  ctx: CatalogContext,
  adapter: CatalogAdapter,
  overlay: RowOverlay,
  target: CatalogRecord | null,
): PlannedRow | RowError[] {
  const input = { ...(target?.values ?? {}), ...overlay.values };
  const parsed = adapter.schema.safeParse(input);
  if (parsed.success && overlay.errors.length === 0)
    return { rowNumber: overlay.rowNumber, target, values: overlay.values, input, data: parsed.data };
  const fieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const blank = blankKeysOf(input, Object.keys(fieldErrors));
  const columnOf = columnNamer(ctx);
  const schemaErrors = Object.entries(fieldErrors)
    .filter(([key]) => !overlay.errors.some((error) => error.column === columnOf(key)))
    .map(([key, message]) => ({
      code: blank.has(key) ? 'MANDATORY_NOT_FOUND' : 'INVALID_DATA',
      column: columnOf(key),
      message,
    }));
  return [...overlay.errors, ...schemaErrors];
}
