import { crc32, createInflateRaw } from 'node:zlib';
import { fileTooLarge } from './errors';
import { formatMegabytes } from './format';
import type { Limits } from './limits';
import { ProtocolError } from '@/lib/errors';

/** What the ZIP headers say about an entry; every field may be a lie. */
export interface DeclaredEntry {
  name: string;
  compressionMethod: number;
  compressedSize: number;
  declaredSize: number;
  crc32: number;
}

type ZipLimits = Pick<Limits, 'maxInflatedBytes' | 'maxCompressionRatio' | 'ratioCheckAfterBytes'>;

const STORED = 0;
const DEFLATED = 8;

/** Returns why inflating must stop at `inflated` real bytes, or null to go on. */
function overLimit(
  entry: DeclaredEntry,
  inflated: number,
  alreadyInflated: number,
  limits: ZipLimits,
): ProtocolError | null {
  if (alreadyInflated + inflated > limits.maxInflatedBytes) {
    return fileTooLarge(
      `The archive unpacks to more than ${formatMegabytes(limits.maxInflatedBytes)}, the most we accept (passed while inflating '${entry.name}').`,
    );
  }
  const ratio = inflated / Math.max(entry.compressedSize, 1);
  if (inflated > limits.ratioCheckAfterBytes && ratio > limits.maxCompressionRatio) {
    return new ProtocolError(
      'INVALID_FILE_FORMAT',
      `The ZIP entry '${entry.name}' inflates more than ${limits.maxCompressionRatio} times its packed size, which is how ZIP bombs look; refused.`,
    );
  }
  return null;
}

/** The headers are only trusted once the real bytes agree with them. */
function checkAgainstHeaders(entry: DeclaredEntry, content: Buffer): void {
  if (content.length !== entry.declaredSize) {
    throw new ProtocolError(
      'INVALID_FILE_FORMAT',
      `The ZIP entry '${entry.name}' declares ${entry.declaredSize} bytes but holds ${content.length}; the archive is damaged or forged.`,
    );
  }
  if (crc32(content) !== entry.crc32 >>> 0) {
    throw new ProtocolError(
      'INVALID_FILE_FORMAT',
      `The ZIP entry '${entry.name}' fails its checksum; the archive is damaged.`,
    );
  }
}

/** Inflates chunk by chunk, counting real output bytes, and stops the moment a limit is passed. */
function inflateCounting(
  entry: DeclaredEntry,
  packed: Buffer,
  alreadyInflated: number,
  limits: ZipLimits,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw();
    const chunks: Buffer[] = [];
    let inflated = 0;
    let settled = false;
    const fail = (error: ProtocolError): void => {
      if (settled) return;
      settled = true;
      inflater.destroy();
      reject(error);
    };
    inflater.on('data', (chunk: Buffer) => {
      if (settled) return;
      inflated += chunk.length;
      const problem = overLimit(entry, inflated, alreadyInflated, limits);
      if (problem) fail(problem);
      else chunks.push(chunk);
    });
    inflater.on('error', () =>
      fail(
        new ProtocolError('INVALID_FILE_FORMAT', `The ZIP entry '${entry.name}' is damaged and cannot be inflated.`),
      ),
    );
    inflater.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks, inflated));
    });
    inflater.end(packed);
  });
}

/**
 * Unpacks one entry under the limits. `alreadyInflated` is what earlier entries of the same
 * upload used of the shared budget. Sizes and checksum are verified after the fact.
 */
export async function inflateEntry(
  entry: DeclaredEntry,
  packed: Buffer,
  alreadyInflated: number,
  limits: ZipLimits,
): Promise<Buffer> {
  // Honest headers let us refuse before spending any CPU; lying ones are caught while inflating.
  const refusedByHeaders = overLimit(entry, entry.declaredSize, alreadyInflated, limits);
  if (refusedByHeaders) throw refusedByHeaders;
  let content: Buffer;
  if (entry.compressionMethod === STORED) {
    const problem = overLimit(entry, packed.length, alreadyInflated, limits);
    if (problem) throw problem;
    content = packed;
  } else if (entry.compressionMethod === DEFLATED) {
    content = await inflateCounting(entry, packed, alreadyInflated, limits);
  } else {
    throw new ProtocolError(
      'FILE_NOT_SUPPORTED',
      `The ZIP entry '${entry.name}' uses compression method ${entry.compressionMethod}; only stored and deflated entries are supported.`,
    );
  }
  checkAgainstHeaders(entry, content);
  return content;
}
