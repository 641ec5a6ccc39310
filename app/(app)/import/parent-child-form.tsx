'use client';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/input';
import type { FileShape } from './client-api';
import { DOCUMENT_MODULES, type LayoutState } from './parent-child-state';

type Props = { state: LayoutState; files: FileShape[]; onChange: (state: LayoutState) => void };

/** A parent/child ZIP: the document module and which file holds the documents, the lines and the serial numbers. */
export function ParentChildForm({ state, files, onChange }: Props) {
  const fileSelect = (key: 'documents' | 'lines' | 'serials', optional = false) => (
    <Select value={state[key]} onChange={(e) => onChange({ ...state, [key]: e.target.value })}>
      {optional && <option value="">— none —</option>}
      {files.map((file) => (
        <option key={file.fileName} value={file.fileName}>
          {file.fileName}
        </option>
      ))}
    </Select>
  );
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        This ZIP holds {files.length} files: documents in one, their lines in another (and their serial numbers in a
        third), each row naming its parent in Parent_Id, as in the parent/child template. Columns are matched by their
        headers.
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="import-layout-module" label="Module">
          <Select value={state.moduleName} onChange={(e) => onChange({ ...state, moduleName: e.target.value })}>
            {DOCUMENT_MODULES.map((m) => (
              <option key={m.apiName} value={m.apiName}>
                {m.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="import-layout-documents" label="Documents file">
          {fileSelect('documents')}
        </Field>
        <Field id="import-layout-lines" label="Lines file (Document_Lines)">
          {fileSelect('lines')}
        </Field>
        <Field id="import-layout-serials" label="Serial numbers file (Document_Serials)">
          {fileSelect('serials', true)}
        </Field>
      </div>
    </div>
  );
}
