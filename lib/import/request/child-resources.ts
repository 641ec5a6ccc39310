import { fileBaseName } from '@/lib/import/files';
import {
  findChildModule,
  isChildModuleName,
  MODULES,
  type AppModule,
  type ChildModule,
  type DocumentModule,
  type Operation,
} from '@/lib/modules';
import { isObject, parseMappings, type Json, type MappingRequest } from './mappings';
import { invalid } from './request-errors';
import { fileIdOf, fileNamesOf, moduleNameOf } from './resource-keys';

/*
 * A parent/child job (Zoho's multi-file bulk write): one uploaded ZIP, the documents in one of its files and
 * their lines (and the lines' serial numbers) in others, each file a resource of the request that names it
 * in file_names. Here the resources are checked on their own; what needs the files is checked when the job is
 * created (resolve-resources.ts).
 */

/** A Document_Lines or Document_Serials resource of a parent/child job. */
export interface ChildResource {
  module: ChildModule;
  /** The data file of the ZIP it reads (file_names). */
  fileName: string;
  mappings: MappingRequest[] | null;
  /** Its place in the request's resource array (json_path of what its file shows wrong). */
  position: number;
}

const nameOf = (resource: Json) => {
  const name = moduleNameOf(resource);
  return typeof name === 'string' ? name : null;
};
const isChild = (resource: Json) => isChildModuleName(nameOf(resource) ?? '');

/** Which resource is the document (or the only one): a job of several resources takes one document and its children. */
export function parentPositionOf(resources: Json[]): number {
  if (resources.length === 1) {
    if (isChild(resources[0])) {
      invalid(
        'module',
        `${nameOf(resources[0])} is a child module: send it beside its document resource, each naming its file of the uploaded ZIP in file_names.`,
        '$.resource[0].module',
      );
    }
    return 0;
  }
  const parents = resources.flatMap((resource, position) => (isChild(resource) ? [] : [position]));
  if (parents.length !== 1) {
    invalid(
      'resource',
      `A job of several resources takes one document resource and its child resources (Document_Lines, Document_Serials); ${parents.length} of these resources are not child modules.`,
      '$.resource',
    );
  }
  return parents[0];
}

const DOCUMENT_MODULE_NAMES = MODULES.filter((m) => m.kind === 'document')
  .map((m) => m.apiName)
  .join(', ');

function parseChild(resource: Json, position: number, parent: DocumentModule, fileId: bigint): ChildResource {
  const child = findChildModule(parent, nameOf(resource)!)!;
  if (fileIdOf(resource, position) !== fileId) {
    invalid(
      'file_id',
      `Every resource of a parent/child job reads the same uploaded ZIP: file_id must be ${fileId}, as in the document resource.`,
      `$.resource[${position}].file_id`,
    );
  }
  if (resource.find_by !== undefined && resource.find_by !== null && resource.find_by !== '') {
    invalid(
      'find_by',
      `find_by does not apply to ${child.apiName}: its rows are inserted with their document.`,
      `$.resource[${position}].find_by`,
    );
  }
  return {
    module: child,
    fileName: fileNamesOf(resource, position, true)!,
    mappings: parseMappings(resource.field_mappings, child, position),
    position,
  };
}

/** One file of each child module; serial numbers name their line, so they come with the lines. */
function refuseRepeats(children: ChildResource[]) {
  children.forEach((child, index) => {
    if (children.findIndex((other) => other.module.apiName === child.module.apiName) !== index) {
      invalid(
        'module',
        `${child.module.apiName} is given twice: a job takes one file of each child module.`,
        `$.resource[${child.position}].module`,
      );
    }
    if (
      child.module.parent === 'Document_Lines' &&
      !children.some((other) => other.module.apiName === child.module.parent)
    ) {
      invalid(
        'module',
        `${child.module.apiName} needs a Document_Lines resource beside it: each serial number names its line.`,
        `$.resource[${child.position}].module`,
      );
    }
  });
}

/** Each resource reads a file of its own. */
function refuseSharedFiles(resources: Json[], children: ChildResource[], position: number) {
  const read = new Map([[fileBaseName(fileNamesOf(resources[position], position, true)!), position]]);
  for (const child of children) {
    const name = fileBaseName(child.fileName);
    const earlier = read.get(name);
    if (earlier !== undefined) {
      invalid(
        'file_names',
        `'${child.fileName}' is read by $.resource[${earlier}] already: each resource reads its own file of the ZIP.`,
        `$.resource[${child.position}].file_names`,
      );
    }
    read.set(name, child.position);
  }
}

/**
 * The child resources of a parent/child job, lines before serials; none for a job of one resource. Only a
 * document has children, and they are inserted with it.
 */
export function parseChildResources(
  resources: Json[],
  position: number,
  parent: AppModule,
  operation: Operation,
  fileId: bigint,
): ChildResource[] {
  if (resources.length === 1) return [];
  if (parent.kind !== 'document') {
    invalid(
      'module',
      `${parent.apiName} has no child resources: only documents (${DOCUMENT_MODULE_NAMES}) come with Document_Lines and Document_Serials.`,
      `$.resource[${position}].module`,
    );
  }
  if (operation !== 'insert') {
    invalid(
      'operation',
      `A job with child resources inserts documents with their lines: the operation must be insert, not ${operation}.`,
    );
  }
  const children = resources.flatMap((resource, at) =>
    at === position ? [] : [parseChild(resource, at, parent, fileId)],
  );
  refuseRepeats(children);
  refuseSharedFiles(resources, children, position);
  const rank = (child: ChildResource) => (child.module.parent === 'document' ? 0 : 1);
  return children.sort((a, b) => rank(a) - rank(b));
}

/** With a lines file beside it, the document file holds the document's own fields only. */
export function refuseLineFields(rawMappings: unknown, parent: DocumentModule, position: number) {
  if (!Array.isArray(rawMappings)) return;
  const lineNames = new Set(parent.lineFields.map((field) => field.apiName.toLowerCase()));
  rawMappings.forEach((mapping: unknown, at) => {
    const name = isObject(mapping) && typeof mapping.api_name === 'string' ? mapping.api_name : '';
    if (lineNames.has(name.split('.')[0].toLowerCase())) {
      invalid(
        'api_name',
        `${name} is a field of the lines: map it in the Document_Lines resource, whose file holds the lines.`,
        `$.resource[${position}].field_mappings[${at}].api_name`,
      );
    }
  });
}
