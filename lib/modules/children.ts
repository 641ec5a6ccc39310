import type { ChildModule, DocumentModule, ModuleField } from './types';

/*
 * The child modules of a parent/child bulk write job: a ZIP with the documents in one file, their lines in
 * a second and, optionally, the lines' serial numbers in a third, as Zoho imports a module with its subform.
 * Each child row names its parent row in Parent_Id. The lines take the line fields of their document's own
 * declaration (a transfer's lines have no price), so one name serves every document kind.
 */

const LINE_ID: ModuleField = {
  apiName: 'Line_Id',
  kind: 'text',
  example: 'R-1/1',
  description:
    'A key of the line, unique in the lines file, that the serials file names in its Parent_Id. It only links the files; it is not stored.',
};

/** The link to the parent row: the value of the parent's key column (or of the one parent_column_index names). */
const parentId = (example: string, parent: string, key: string, file: string): ModuleField => ({
  apiName: 'Parent_Id',
  kind: 'text',
  example,
  description: `The ${parent} this row belongs to: the value of its ${key} in the ${file} file (or of the column parent_column_index names).`,
});
const LINE_PARENT = parentId('R-1', 'document', 'Number', 'documents');
const SERIAL_PARENT = parentId(LINE_ID.example, 'line', 'Line_Id', 'lines');

const SERIAL: ModuleField = {
  apiName: 'Serial',
  kind: 'text',
  example: 'SN-0001',
  description:
    'One serial number of the line, as printed; ones that read the same (case, width, look-alike letters) are one serial.',
};

/** The lines of a document kind: one row per line, linked to its document. */
export function documentLinesOf(parent: DocumentModule): ChildModule {
  return {
    kind: 'child',
    apiName: 'Document_Lines',
    id: '7100000000101',
    label: 'Document lines',
    parent: 'document',
    parentKey: 'Number',
    description: `The lines of ${parent.label.toLowerCase()}: one row per line, Parent_Id naming the document.`,
    fields: [LINE_PARENT, LINE_ID, ...parent.lineFields],
    mandatory: ['Parent_Id', 'Item', 'Quantity'],
  };
}

/** The serial numbers of the lines: one row per serial, linked to its line. */
export const DOCUMENT_SERIALS: ChildModule = {
  kind: 'child',
  apiName: 'Document_Serials',
  id: '7100000000102',
  label: 'Document serial numbers',
  parent: 'Document_Lines',
  parentKey: 'Line_Id',
  description: 'The serial numbers of the lines: one row per serial number, Parent_Id naming the line by its Line_Id.',
  fields: [SERIAL_PARENT, SERIAL],
  mandatory: ['Parent_Id', 'Serial'],
};

/** The child modules a document module takes, parents before children. */
export function childModulesOf(parent: DocumentModule): ChildModule[] {
  return [documentLinesOf(parent), DOCUMENT_SERIALS];
}

/** A child module by name (case-insensitive, as module names are), as a child of this document module. */
export function findChildModule(parent: DocumentModule, apiName: string): ChildModule | undefined {
  const wanted = apiName.trim().toLowerCase();
  return childModulesOf(parent).find((child) => child.apiName.toLowerCase() === wanted);
}

export function isChildModuleName(apiName: string): boolean {
  const wanted = apiName.trim().toLowerCase();
  return ['document_lines', 'document_serials'].includes(wanted);
}

/**
 * The documents file of a parent/child job: the document's own fields (Number and the header), without the
 * line fields, which its lines file holds.
 */
export function documentFileOf(module: DocumentModule): DocumentModule {
  const lineNames = new Set(module.lineFields.map((field) => field.apiName));
  return {
    ...module,
    fields: module.fields.filter((field) => !lineNames.has(field.apiName)),
    mandatory: module.mandatory.filter((name) => !lineNames.has(name)),
  };
}
