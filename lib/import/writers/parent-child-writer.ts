import type { Db } from '@/db/client';
import type { TableRow, UploadedTable } from '@/lib/import/files';
import type { JobResource } from '@/lib/import/request/job-resources';
import type { DocumentContext, JobContext } from './context';
import { jobWriterFor, type JobWriter } from './job-writer';
import { joinParentChild, type JoinFile, type ParentChildFiles } from './parent-child-join';
import { outcomeSplitter } from './parent-child-split';

/**
 * A parent/child job's units and writer: the files joined into flat rows that the document writer posts as it
 * posts the flat file, and its outcomes split back onto the rows of each file. The rows the join refused form
 * the first unit, so they are recorded once, with the first chunk.
 */
export function parentChildWriter(
  db: Db,
  ctx: DocumentContext,
  files: ParentChildFiles,
): { units: TableRow[][]; writer: JobWriter } {
  const joined = joinParentChild(files);
  const flatRows = joined.documents.flatMap((document) => document.lines.map((line) => line.flat));
  const documents = jobWriterFor(db, { ...ctx, mappings: joined.mappings }, flatRows);
  const split = outcomeSplitter(files, joined.documents);
  const refusedUnit: TableRow[] = [];
  const writer: JobWriter = {
    async write(tx, units, aside) {
      const documentUnits = units.filter((unit) => unit !== refusedUnit);
      const written = documentUnits.length > 0 ? split(await documents.writer.write(tx, documentUnits, aside)) : [];
      return units.includes(refusedUnit) ? [...joined.refused, ...written] : written;
    },
  };
  return { units: joined.refused.length > 0 ? [refusedUnit, ...documents.units] : documents.units, writer };
}

/**
 * The units and writer of a job's files: a job of one file as ever (rows, or documents by Number), a
 * parent/child job through the join. `files` follow the job's resources: the document's first.
 */
export function filesWriterFor(db: Db, ctx: JobContext, files: { table: UploadedTable; resource: JobResource }[]) {
  if (files.length === 1) return jobWriterFor(db, ctx, files[0].table.rows);
  const fileOf = (module: string): JoinFile | null => {
    const index = files.findIndex((f) => f.resource.module === module);
    return index < 0 ? null : { table: files[index].table, mappings: files[index].resource.mappings, file: index };
  };
  const documents = { table: files[0].table, mappings: files[0].resource.mappings, file: 0 };
  return parentChildWriter(db, ctx as DocumentContext, {
    documents,
    lines: fileOf('Document_Lines')!,
    serials: fileOf('Document_Serials'),
  });
}
