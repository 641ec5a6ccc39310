import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_CODE } from '@/lib/api/responses';
import { DomainError, ProtocolError } from '@/lib/errors';
import { toZoho, ZOHO_CODES } from '@/lib/modules';
import type { Problem } from '@/lib/inventory/problems';
import type { RecordModule } from '../module';
import { apiPathOf } from './input';

/** One element of a write answer's `data`, in Zoho's shape. */
export type Entry = {
  code: string;
  details: Record<string, unknown>;
  message: string;
  status: 'success' | 'error';
} & Record<string, unknown>;

export const success = (
  message: string,
  details: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Entry => ({ code: 'SUCCESS', ...extra, details, message, status: 'success' });

/**
 * A refused record: the lib's message verbatim, its field errors under API names (details.api_name,
 * json_path, errors) and, for documents, every broken rule (details.problems) and the serials at fault.
 * A refused field the record left out or blank is MANDATORY_NOT_FOUND, as the importer answers a blank cell.
 */
export function failure(error: unknown, module: RecordModule, path: string, record?: unknown): Entry {
  if (error instanceof ProtocolError)
    return { code: error.code, details: error.details, message: error.message, status: 'error' };
  if (error instanceof DomainError) {
    const details = domainDetails(error, module, path);
    const missing =
      error.code === 'INVALID_DATA' &&
      typeof details.json_path === 'string' &&
      isBlankAt(record, details.json_path.slice(path.length));
    return {
      code: missing ? 'MANDATORY_NOT_FOUND' : ZOHO_CODES[error.code],
      details,
      message: error.message,
      status: 'error',
    };
  }
  console.error('[records api] unexpected error', error);
  return {
    code: 'INTERNAL_ERROR',
    details: {},
    message: 'Something went wrong on our side; this record was not saved.',
    status: 'error',
  };
}

function domainDetails(error: DomainError, module: RecordModule, path: string): Record<string, unknown> {
  const errors: Record<string, string> = {};
  let first: { apiName: string; path: string } | null = null;
  for (const [key, message] of Object.entries(error.fieldErrors)) {
    const mapped = apiPathOf(module.fields, key);
    if (!mapped) continue;
    errors[mapped.path] = message;
    first ??= mapped;
  }
  const problems = error.details.problems as Problem[] | undefined;
  const located = problems?.map((p) => ({ ...p, json_path: `${path}.${problemPath(module, p)}` }));
  if (!first && problems?.length)
    first = { apiName: problemField(module, problems[0]), path: problemPath(module, problems[0]) };
  return {
    ...(first ? { api_name: first.apiName, json_path: `${path}.${first.path}` } : {}),
    ...(Object.keys(errors).length ? { errors } : {}),
    ...error.details,
    ...(located ? { problems: located } : {}),
  };
}

/** Whether `.Lines[0].Item` (a json_path below the record) is absent, null or blank text in the record. */
function isBlankAt(record: unknown, relativePath: string): boolean {
  let value: unknown = record;
  for (const step of relativePath.match(/[^.[\]]+/g) ?? []) {
    if (typeof value !== 'object' || value === null) return false;
    value = (value as Record<string, unknown>)[step];
  }
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The line field a broken rule points at, as the importer names its column (lib/modules/zoho.ts). */
function problemField(module: RecordModule, p: Problem): string {
  return module.declaration?.kind === 'document' ? toZoho(p, module.declaration).field : 'Lines';
}

function problemPath(module: RecordModule, p: Problem): string {
  return `Lines[${p.line}].${problemField(module, p)}`;
}

/** A record not saved because the database became unreachable during the request: safe to send again. */
export const notTriedForOutage = (path: string): Entry => ({
  code: DATABASE_UNAVAILABLE_CODE,
  details: { json_path: path, retry_after: DATABASE_RETRY_AFTER_SECONDS },
  message: `The database became unavailable during this request; this record was not saved. Send it again in ${DATABASE_RETRY_AFTER_SECONDS} seconds.`,
  status: 'error',
});

/** Retry-After on a partial answer whose unsaved records wait for the database. */
export function retryHeaders(entries: Entry[]): HeadersInit {
  return entries.some((entry) => entry.code === DATABASE_UNAVAILABLE_CODE)
    ? { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) }
    : {};
}

/** 201 (insert) or 200 when every record succeeded, 400 when none did, 207 when some did. */
export function statusOf(entries: Entry[], allOkStatus: number): number {
  const ok = entries.filter((e) => e.status === 'success').length;
  if (ok === entries.length) return allOkStatus;
  return ok === 0 ? 400 : 207;
}
