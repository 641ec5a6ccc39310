import { MAX_UPLOAD_BYTES } from '@/lib/import/files';
import { fileTooLarge } from '@/lib/import/files/errors';
import { ProtocolError } from '@/lib/errors';

/** Room for the multipart envelope around a file of the maximum size. */
const ENVELOPE_BYTES = 64 * 1024;

function tooLarge(): never {
  throw fileTooLarge(`The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; at most 25 MB are allowed.`);
}

/** Reads the body, giving up as soon as it passes the limit, so a huge upload is never held in memory. */
async function readCapped(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit) tooLarge();
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The `file` part of a multipart/form-data upload (Zoho's upload format). */
export async function readUploadedFile(request: Request): Promise<{ bytes: Buffer; fileName: string }> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
    throw new ProtocolError('INVALID_DATA', 'Send the file as multipart/form-data under the key file.', {
      api_name: 'file',
    });
  }
  const body = await readCapped(request, MAX_UPLOAD_BYTES + ENVELOPE_BYTES);
  let form: FormData;
  try {
    form = await new Response(body as Uint8Array<ArrayBuffer>, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new ProtocolError('INVALID_DATA', 'The multipart body could not be read.', { api_name: 'file' });
  }
  const file = form.get('file');
  if (!file || typeof file === 'string') {
    throw new ProtocolError('MANDATORY_NOT_FOUND', 'Required key file is not available.', { api_name: 'file' });
  }
  return { bytes: Buffer.from(await file.arrayBuffer()), fileName: file.name || 'upload' };
}
