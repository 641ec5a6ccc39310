import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { CONTENT_ENCODINGS } from '@/db/schema/imports';
import { isZip } from '@/lib/import/files';
import { ProtocolError } from '@/lib/errors';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export type ContentEncoding = (typeof CONTENT_ENCODINGS)[number];

/**
 * How an upload's bytes are kept in import_file. A ZIP (a Zoho-style upload or an .xlsx) is already
 * compressed and is stored as sent; a CSV is gzipped here, at the fastest level. PostgreSQL would
 * compress it too, but on the upload's critical path (30-40 ms per 1.5 MB); zlib runs on Node's thread
 * pool while the upload is being read, so the gzip costs the upload no time at all.
 */
export function encodeForStorage(bytes: Buffer): Promise<{ content: Buffer; encoding: ContentEncoding }> {
  if (isZip(bytes)) return Promise.resolve({ content: bytes, encoding: 'identity' });
  return gzipAsync(bytes, { level: 1 }).then((content) => ({ content, encoding: 'gzip' }));
}

/** The upload's bytes as they were sent; a stored file that no longer unpacks is INVALID_FILE_FORMAT. */
export async function decodeFromStorage(content: Buffer, encoding: ContentEncoding): Promise<Buffer> {
  if (encoding !== 'gzip') return content;
  try {
    return await gunzipAsync(content);
  } catch {
    throw new ProtocolError(
      'INVALID_FILE_FORMAT',
      'The stored copy of the upload is damaged and cannot be unpacked; upload the file again.',
    );
  }
}
