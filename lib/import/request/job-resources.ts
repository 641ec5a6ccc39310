import { documentFileOf, type DocumentModule } from '@/lib/modules';
import { fileBaseName } from '@/lib/import/files';
import type { ChildResource } from './child-resources';
import type { JobRequest } from './job-request';
import { mappingsFromWire, mappingsToWire, resolveMappings, type MappingRequest } from './mappings';
import { ProtocolError } from '@/lib/errors';

/** One resource of a job as stored with it and run: its module, the data file it reads, its mappings, its rows. */
export interface JobResource {
  module: string;
  /** The data file of the upload it reads; null: the upload's only one (a job that names no file). */
  fileName: string | null;
  mappings: MappingRequest[];
  totalCount: number;
}

/** A data file of the upload, as creating a job sees it. */
export interface DataFileShape {
  fileName: string;
  headers: readonly string[];
  rowCount: number;
}

/**
 * The data file a resource reads: the one file_names names (a ZIP entry, with or without its folder), else the only
 * one.
 */
export function fileNamed<T extends { fileName: string }>(files: readonly T[], fileName: string | null): T | undefined {
  if (fileName === null) return files.length === 1 ? files[0] : undefined;
  return files.find((file) => file.fileName === fileBaseName(fileName));
}

function fileOf(files: readonly DataFileShape[], fileName: string | null, position: number): DataFileShape {
  const file = fileNamed(files, fileName);
  if (file) return file;
  const names = files.map((f) => `'${f.fileName}'`).join(', ');
  const where = { api_name: 'file_names', json_path: `$.resource[${position}].file_names` };
  if (fileName === null) {
    throw new ProtocolError(
      'MANDATORY_NOT_FOUND',
      `Required key file_names is not available: the uploaded ZIP holds ${files.length} data files (${names}); name the one this resource reads.`,
      where,
    );
  }
  throw new ProtocolError(
    'INVALID_DATA',
    `The uploaded file holds no data file named '${fileName}'; it holds ${names}.`,
    { ...where, json_path: `${where.json_path}[0]` },
  );
}

/**
 * A child's Parent_Id names a column of its parent's file: the one parent_column_index gives, or else the column
 * the parent resource maps to its key (a document's Number, a line's Line_Id).
 */
function linkToParent(
  mappings: MappingRequest[],
  child: ChildResource,
  parent: JobResource,
  parentFile: DataFileShape,
): MappingRequest[] {
  return mappings.map((mapping, position) => {
    if (mapping.apiName !== 'Parent_Id') return mapping;
    const index =
      mapping.parentColumnIndex ?? parent.mappings.find((m) => m.apiName === child.module.parentKey)?.index ?? null;
    const where = {
      api_name: 'parent_column_index',
      json_path: `$.resource[${child.position}].field_mappings[${position}].parent_column_index`,
    };
    if (index === null) {
      throw new ProtocolError(
        'MANDATORY_NOT_FOUND',
        `Required key parent_column_index is not available for the Parent_Id of ${child.module.apiName}: ` +
          `give the column of ${parentFile.fileName} its values name, or map ${child.module.parentKey} in the ${parent.module} resource.`,
        where,
      );
    }
    if (index >= parentFile.headers.length) {
      throw new ProtocolError(
        'COLUMN_INDEX_NOT_FOUND',
        `Column ${index} of ${parentFile.fileName}, which the Parent_Id of ${child.module.apiName} names, does not exist: ` +
          `the file has ${parentFile.headers.length} columns (0 to ${parentFile.headers.length - 1}).`,
        where,
      );
    }
    return { ...mapping, parentColumnIndex: index };
  });
}

/**
 * Ties a checked request to the upload's data files: each resource to the file it reads, its mappings to that
 * file's columns, each child's Parent_Id to a column of its parent's file. Throws ProtocolError naming the
 * key and its json_path.
 */
export function resolveJobResources(request: JobRequest, files: readonly DataFileShape[]): JobResource[] {
  const documentFile = fileOf(files, request.fileName, request.position);
  const fileModule = request.children.length > 0 ? documentFileOf(request.module as DocumentModule) : request.module;
  const resolved: JobResource[] = [
    {
      module: request.module.apiName,
      fileName: request.fileName,
      totalCount: documentFile.rowCount,
      mappings: resolveMappings(
        request.mappings,
        documentFile.headers,
        fileModule,
        request.operation,
        request.findBy,
        request.position,
      ),
    },
  ];
  const shapes = [documentFile];
  for (const child of request.children) {
    const file = fileOf(files, child.fileName, child.position);
    const mappings = resolveMappings(child.mappings, file.headers, child.module, 'insert', null, child.position);
    const parent = child.module.parent === 'document' ? 0 : resolved.findIndex((r) => r.module === child.module.parent);
    resolved.push({
      module: child.module.apiName,
      fileName: child.fileName,
      totalCount: file.rowCount,
      mappings: linkToParent(mappings, child, resolved[parent], shapes[parent]),
    });
    shapes.push(file);
  }
  return resolved;
}

type StoredResource = {
  module: string;
  file_name: string | null;
  total_count: number;
  field_mappings: ReturnType<typeof mappingsToWire>;
};

/**
 * What import_job.field_mappings holds: a job that names no file keeps its mappings in Zoho's wire shape, as
 * it always has; a job whose resources name their files (file_names) keeps `{ resources: [...] }`, the
 * document's first, then its lines and serials.
 */
export function storedMappings(resources: readonly JobResource[]): unknown {
  if (resources.length === 1 && resources[0].fileName === null) return mappingsToWire(resources[0].mappings);
  return {
    resources: resources.map((r): StoredResource => ({
      module: r.module,
      file_name: r.fileName,
      total_count: r.totalCount,
      field_mappings: mappingsToWire(r.mappings),
    })),
  };
}

/** A job's resources as stored (storedMappings), the document's (or the only one) first. */
export function jobResourcesOf(job: { module: string; fieldMappings: unknown; totalCount: number }): JobResource[] {
  if (Array.isArray(job.fieldMappings)) {
    return [
      { module: job.module, fileName: null, totalCount: job.totalCount, mappings: mappingsFromWire(job.fieldMappings) },
    ];
  }
  return (job.fieldMappings as { resources: StoredResource[] }).resources.map((r) => ({
    module: r.module,
    fileName: r.file_name,
    totalCount: r.total_count,
    mappings: mappingsFromWire(r.field_mappings),
  }));
}
