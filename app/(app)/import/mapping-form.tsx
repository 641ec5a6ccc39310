'use client';
import { Badge } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { MODULES, requiredFields, type ModuleField } from '@/lib/modules';
import {
  fieldsFor,
  initialMapping,
  mappedFields,
  moduleOf,
  operationHint,
  type FieldChoice,
  type MappingState,
} from './mapping-state';

type Props = { state: MappingState; headers: string[]; onChange: (state: MappingState) => void };

function FieldRow({
  field,
  choice,
  headers,
  required,
  onChange,
}: {
  field: ModuleField;
  choice: FieldChoice;
  headers: string[];
  required: boolean;
  onChange: (choice: FieldChoice) => void;
}) {
  const id = `map-${field.apiName}`;
  return (
    <tr className="border-t border-slate-100 align-top">
      <th scope="row" className="py-2 pr-3 text-left font-medium">
        <label htmlFor={id}>{field.apiName}</label>
        {required && (
          <span className="ml-2">
            <Badge tone="amber">required</Badge>
          </span>
        )}
        {field.writeOnly && (
          <span className="ml-2" title="Steers the import; not stored as data, so exports and reads never show it.">
            <Badge tone="blue">write-only</Badge>
          </span>
        )}
      </th>
      <td className="py-2 pr-3">
        <Select id={id} value={choice.column} onChange={(e) => onChange({ ...choice, column: e.target.value })}>
          <option value="">— not mapped —</option>
          {headers.map((header, index) => (
            <option key={index} value={String(index)}>
              {header || `Column ${index + 1}`}
            </option>
          ))}
        </Select>
      </td>
      <td className="py-2 pr-3">
        <Input
          aria-label={`Default for ${field.apiName}`}
          placeholder="Default value"
          value={choice.defaultValue}
          onChange={(e) => onChange({ ...choice, defaultValue: e.target.value })}
        />
      </td>
      <td className="py-2">
        {field.kind === 'date' && (
          <Input
            aria-label={`Date format of ${field.apiName}`}
            placeholder="yyyy-MM-dd"
            value={choice.format}
            onChange={(e) => onChange({ ...choice, format: e.target.value })}
          />
        )}
        {field.lookup && (
          <Select
            aria-label={`${field.apiName} looked up by`}
            value={choice.lookupBy}
            onChange={(e) => onChange({ ...choice, lookupBy: e.target.value })}
          >
            {field.lookup.findBy.map((key) => (
              <option key={key} value={key}>
                by {key}
              </option>
            ))}
          </Select>
        )}
      </td>
    </tr>
  );
}

/** Module, operation and the column for every field (auto-matched by header, editable), with defaults. */
export function MappingForm({ state, headers, onChange }: Props) {
  const importModule = moduleOf(state);
  const required = new Set(requiredFields(importModule, state.operation, state.findBy, mappedFields(state)));
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="import-module" label="Module">
          <Select value={state.moduleName} onChange={(e) => onChange(initialMapping(e.target.value, headers, state))}>
            {MODULES.map((m) => (
              <option key={m.apiName} value={m.apiName}>
                {m.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="import-operation" label="Operation" hint={operationHint(importModule, state.operation)}>
          <Select
            value={state.operation}
            onChange={(e) => onChange({ ...state, operation: e.target.value as MappingState['operation'] })}
          >
            {importModule.operations.map((operation) => (
              <option key={operation} value={operation}>
                {operation}
              </option>
            ))}
          </Select>
        </Field>
        {state.operation !== 'insert' && (
          <Field id="import-find-by" label="Find existing records by">
            <Select value={state.findBy} onChange={(e) => onChange({ ...state, findBy: e.target.value })}>
              {importModule.findBy.map((key) => (
                <option key={key} value={key}>
                  {key}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      {state.operation !== 'insert' && (
        <div className="flex items-center gap-2">
          <input
            id="import-ignore-empty"
            type="checkbox"
            className="size-4"
            checked={state.ignoreEmpty}
            onChange={(e) => onChange({ ...state, ignoreEmpty: e.target.checked })}
          />
          <label htmlFor="import-ignore-empty" className="text-sm font-medium text-slate-700">
            Leave a field unchanged when its cell is empty
          </label>
        </div>
      )}
      <div className="overflow-x-auto">
        <table className="w-full min-w-[40rem] text-sm">
          <caption className="sr-only">Column mapping</caption>
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="py-2">
                Field
              </th>
              <th scope="col">File column</th>
              <th scope="col">Default value</th>
              <th scope="col">Options</th>
            </tr>
          </thead>
          <tbody>
            {fieldsFor(state).map((field) => (
              <FieldRow
                key={field.apiName}
                field={field}
                headers={headers}
                required={required.has(field.apiName)}
                choice={state.fields[field.apiName]}
                onChange={(choice) => onChange({ ...state, fields: { ...state.fields, [field.apiName]: choice } })}
              />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
