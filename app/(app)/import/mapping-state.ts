import { autoMatchColumns } from '@/lib/import/request/auto-match';
import { findModule, mappableFields, type ModuleField, type AppModule, type Operation } from '@/lib/modules';

export type FieldChoice = { column: string; defaultValue: string; format: string; lookupBy: string };
export type MappingState = {
  moduleName: string;
  operation: Operation;
  findBy: string;
  ignoreEmpty: boolean;
  fields: Record<string, FieldChoice>;
};

export function moduleOf(state: MappingState): AppModule {
  return findModule(state.moduleName)!;
}

/** The fields offered for mapping: the record id only when it is what records are found by. */
export function fieldsFor(state: MappingState): ModuleField[] {
  const importModule = moduleOf(state);
  const idField = importModule.fields.find((field) => field.kind === 'id');
  return state.operation !== 'insert' && state.findBy === 'id' && idField
    ? [...mappableFields(importModule), idField]
    : mappableFields(importModule);
}

/**
 * Columns matched by header (case, spaces and underscores ignored; `Warehouse.id` also says how the lookup is
 * found); everything else starts unmapped.
 */
export function initialMapping(moduleName: string, headers: string[], previous?: MappingState): MappingState {
  const importModule = findModule(moduleName)!;
  const matched = autoMatchColumns(importModule, headers);
  const fields = Object.fromEntries(
    importModule.fields.map((field) => [
      field.apiName,
      {
        column: matched[field.apiName] ? String(matched[field.apiName]!.index) : '',
        defaultValue: '',
        format: '',
        lookupBy: matched[field.apiName]?.findBy ?? field.lookup?.findBy[0] ?? '',
      },
    ]),
  );
  const operation = importModule.operations.includes(previous?.operation ?? 'insert')
    ? (previous?.operation ?? 'insert')
    : 'insert';
  return {
    moduleName: importModule.apiName,
    operation,
    findBy: importModule.findBy[0] ?? '',
    ignoreEmpty: previous?.ignoreEmpty ?? false,
    fields,
  };
}

/** Fields given a column or a default value. */
export function mappedFields(state: MappingState): Set<string> {
  return new Set(
    Object.entries(state.fields)
      .filter(([, choice]) => choice.column !== '' || choice.defaultValue.trim() !== '')
      .map(([apiName]) => apiName),
  );
}

/** What an update of documents changes, said beside the operation (README, Import and APIs). */
export function operationHint(importModule: AppModule, operation: Operation): string | undefined {
  if (importModule.kind !== 'document' || operation === 'insert') return undefined;
  return (
    "Mapped header columns replace the document's; mapping any line column (Item, Quantity, …) replaces all its lines and serials. " +
    "The form's edit rules apply."
  );
}

/** The create-job body in the Zoho bulk write format the API takes too. */
export function jobBody(state: MappingState, fileId: string, dryRun: boolean) {
  const importModule = moduleOf(state);
  const fieldMappings = fieldsFor(state).flatMap((field) => {
    const choice = state.fields[field.apiName];
    if (!choice || (choice.column === '' && choice.defaultValue.trim() === '')) return [];
    return [
      {
        api_name: field.apiName,
        ...(choice.column === '' ? {} : { index: Number(choice.column) }),
        ...(choice.defaultValue.trim() === '' ? {} : { default_value: { value: choice.defaultValue } }),
        ...(field.kind === 'date' && choice.format.trim() ? { format: choice.format.trim() } : {}),
        ...(field.lookup && choice.lookupBy && choice.lookupBy !== 'Code' ? { find_by: choice.lookupBy } : {}),
      },
    ];
  });
  return {
    operation: state.operation,
    ignore_empty: state.ignoreEmpty,
    dry_run: dryRun,
    resource: [
      {
        type: 'data',
        module: { api_name: importModule.apiName },
        file_id: fileId,
        ...(state.operation === 'insert' ? {} : { find_by: state.findBy }),
        field_mappings: fieldMappings,
      },
    ],
  };
}
