import {
  documentFileOf,
  documentLinesOf,
  DOCUMENT_SERIALS,
  MODULES,
  type AppModule,
  type DocumentModule,
} from '@/lib/modules';
import { autoMatchColumns, normalizeHeader } from './auto-match';

/** "Goods_Receipts-2026.csv" → "goodsreceipts2026": letters and digits only, lower case. */
const squeeze = (text: string) =>
  text
    .toLowerCase()
    .replace(/\.[a-z0-9]+$/, '')
    .replace(/[^a-z0-9]/g, '');

function byFileName<M extends AppModule>(fileName: string, modules: readonly M[]): M | null {
  const name = squeeze(fileName);
  const hits = modules.filter((m) =>
    [m.apiName, m.label, m.singular].some((word) => name.includes(normalizeHeader(word).replace(/[^a-z0-9]/g, ''))),
  );
  return hits.length === 1 ? hits[0] : null;
}

/** The one module whose mandatory fields all have a column and which matches the most headers; null on a tie. */
function byHeaders<M extends AppModule>(headers: readonly string[], modules: readonly M[]): M | null {
  const scored = modules
    .map((m) => {
      const matched = autoMatchColumns(m, headers);
      const complete = m.mandatory.every((field) => matched[field] !== null);
      return { m, complete, score: Object.values(matched).filter((index) => index !== null).length };
    })
    .filter((s) => s.complete)
    .sort((a, b) => b.score - a.score);
  if (scored.length === 0 || (scored.length > 1 && scored[0].score === scored[1].score)) return null;
  return scored[0].m;
}

/**
 * The module a file is meant for, as a person would guess it: its name ("items.csv", "Goods_Receipts.xlsx")
 * or else its headers. Null when neither says it clearly; the import page then offers the last one used.
 */
export function detectModule(
  fileName: string,
  headers: readonly string[],
): { module: AppModule; from: 'file name' | 'headers' } | null {
  const named = byFileName(fileName, MODULES);
  if (named) return { module: named, from: 'file name' };
  const headed = byHeaders(headers, MODULES);
  return headed ? { module: headed, from: 'headers' } : null;
}

type DataFile = { fileName: string; headers: readonly string[] };

/** Which files of a parent/child ZIP hold the documents, their lines and (optionally) the lines' serial numbers. */
export interface ParentChildLayout {
  documents: string;
  lines: string;
  serials: string | null;
  module: DocumentModule | null;
}

const DOCUMENT_MODULES = MODULES.filter((m): m is DocumentModule => m.kind === 'document');
type Role = 'documents' | 'lines' | 'serials';

/** A file's role by its headers: an Item column marks the lines, a Serial column without one the serial numbers. */
function roleByHeaders(file: DataFile): Role {
  if (autoMatchColumns(documentLinesOf(DOCUMENT_MODULES[0]), file.headers).Item !== null) return 'lines';
  return autoMatchColumns(DOCUMENT_SERIALS, file.headers).Serial !== null ? 'serials' : 'documents';
}

/** A file's role by its name: "Document_Serials.csv", "lines.csv", anything else the documents. */
function roleByName(file: DataFile): Role {
  const name = squeeze(file.fileName);
  return name.includes('serial') ? 'serials' : name.includes('line') ? 'lines' : 'documents';
}

function layoutBy(
  files: readonly DataFile[],
  roleOf: (file: DataFile) => Role,
): Omit<ParentChildLayout, 'module'> | null {
  const withRole = (role: Role) => files.filter((file) => roleOf(file) === role);
  const [documents, lines, serials] = [withRole('documents'), withRole('lines'), withRole('serials')];
  if (documents.length !== 1 || lines.length !== 1 || serials.length > 1) return null;
  return { documents: documents[0].fileName, lines: lines[0].fileName, serials: serials[0]?.fileName ?? null };
}

/**
 * The parent/child layout of a ZIP's files as a person would read it: the roles by headers (the templates'
 * Item and Serial columns), else by file names; the document module by the documents file's name, else by its
 * headers. Null when the files do not read as documents with their lines.
 */
export function detectParentChild(files: readonly DataFile[]): ParentChildLayout | null {
  if (files.length < 2 || files.length > 3) return null;
  const layout = layoutBy(files, roleByHeaders) ?? layoutBy(files, roleByName);
  if (!layout) return null;
  const documents = files.find((file) => file.fileName === layout.documents)!;
  const found =
    byFileName(documents.fileName, DOCUMENT_MODULES) ??
    byHeaders(documents.headers, DOCUMENT_MODULES.map(documentFileOf));
  return { ...layout, module: found ? DOCUMENT_MODULES.find((m) => m.apiName === found.apiName)! : null };
}
