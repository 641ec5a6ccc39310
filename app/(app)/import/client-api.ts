import type { CallbackDelivery, jobDetails } from '@/lib/import/jobs/details';
import type { ErrorEntry } from '@/lib/import/jobs/error-report';

export type JobDetails = ReturnType<typeof jobDetails> & { callback_delivery: CallbackDelivery | null };
/** One data file of an upload, as the preview shows it. */
export type FileShape = {
  fileName: string;
  kind: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  rowCount: number;
  preview: string[][];
};
/** An upload: its first (most often only) data file, and every data file of a parent/child ZIP. */
export type UploadedFile = FileShape & { fileId: string; files: FileShape[] };
export type ErrorReport = { errors: ErrorEntry[]; truncated: boolean };

/** `status` is the HTTP status of a refused request; absent when the server could not be reached. */
type Failure = { ok: false; message: string; status?: number };

/** The server's message for a refused request (Zoho's envelope), or a generic one. */
async function failureOf(response: Response): Promise<Failure> {
  const body = (await response.json().catch(() => null)) as { message?: string; code?: string } | null;
  return { ok: false, status: response.status, message: body?.message ?? `The request failed (${response.status}).` };
}

async function call<T>(input: string, init?: RequestInit): Promise<{ ok: true; data: T } | Failure> {
  try {
    const response = await fetch(input, { cache: 'no-store', ...init });
    if (!response.ok) return failureOf(response);
    return { ok: true, data: (await response.json()) as T };
  } catch {
    return { ok: false, message: 'The server could not be reached. Check the connection and try again.' };
  }
}

/** Uploads through the bulk write API itself (the session authenticates), then fetches the preview. */
export async function uploadFile(file: File): Promise<{ ok: true; data: UploadedFile } | Failure> {
  const form = new FormData();
  form.set('file', file);
  const uploaded = await call<{ details: { file_id: string } }>('/crm/v8/upload', {
    method: 'POST',
    headers: { feature: 'bulk-write' },
    body: form,
  });
  if (!uploaded.ok) return uploaded;
  return call<UploadedFile>(`/import/api/files/${uploaded.data.details.file_id}`);
}

export function createJob(body: unknown) {
  return call<{ id: string }>('/import/api/jobs', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export const fetchJob = (id: string) => call<JobDetails>(`/import/api/jobs/${id}`);
export const fetchErrors = (id: string) => call<ErrorReport>(`/import/api/jobs/${id}/errors`);
export const resultUrl = (id: string) => `/crm/bulk/v8/write/${id}/result`;
