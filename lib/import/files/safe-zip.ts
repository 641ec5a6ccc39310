import { fromBuffer, getFileNameLowLevel, type Entry, type ZipFile } from 'yauzl';
import { formatCount } from './format';
import { inflateEntry, type DeclaredEntry } from './inflate-entry';
import { resolveLimits, type Limits } from './limits';
import { checkedEntryName, isDirectoryEntry, isJunkEntry, isZipFileName } from './zip-entry-names';
import { ProtocolError } from '@/lib/errors';

/** A file inside the archive (directories and OS clutter are left out). */
export interface SafeZipEntry {
  readonly name: string;
  readonly compressedSize: number;
  /** As declared by the headers; the real size is only known after reading. */
  readonly declaredSize: number;
}

export interface ReadEntryOptions {
  /** Only an .xlsx inside a Zoho-style ZIP may itself be a ZIP. */
  allowZipContent?: boolean;
}

export interface SafeZip {
  readonly entries: readonly SafeZipEntry[];
  /** Real bytes inflated so far, shared by all reads from this archive. */
  readonly inflatedBytes: number;
  readEntry(entry: SafeZipEntry, options?: ReadEntryOptions): Promise<Buffer>;
}

const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function damagedArchive(detail: string): ProtocolError {
  // yauzl refuses "strong encryption" while listing, before we ever see the entry.
  if (/encrypt/i.test(detail)) {
    return new ProtocolError(
      'FILE_NOT_SUPPORTED',
      'The ZIP archive is password-protected; upload an archive without a password.',
    );
  }
  return new ProtocolError(
    'INVALID_FILE_FORMAT',
    `The file is not a readable ZIP archive: it is damaged or truncated (${detail}).`,
  );
}

function encryptedEntry(name: string): ProtocolError {
  return new ProtocolError(
    'FILE_NOT_SUPPORTED',
    `The ZIP entry '${name}' is password-protected; upload an archive without a password.`,
  );
}

function openArchive(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    // decodeStrings: false so that yauzl does not reject odd names with a terse error: we check names ourselves.
    const options = { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: false };
    fromBuffer(bytes, options, (error, zipFile) => {
      if (error || !zipFile) reject(damagedArchive(error?.message ?? 'no archive'));
      else resolve(zipFile);
    });
  });
}

function readAllEntries(zipFile: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zipFile.on('entry', (entry: Entry) => {
      entries.push(entry);
      zipFile.readEntry();
    });
    zipFile.on('end', () => resolve(entries));
    zipFile.on('error', (error: Error) => reject(damagedArchive(error.message)));
    zipFile.readEntry();
  });
}

function entryName(entry: Entry): string {
  // strictFileNames: true keeps backslashes, so checkedEntryName sees what the archive really says.
  return checkedEntryName(getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true));
}

/** Applies the per-entry refusals; returns the entry name, or null for entries we simply ignore. */
function acceptEntry(entry: Entry, seenNames: Set<string>): string | null {
  const name = entryName(entry);
  if (isDirectoryEntry(name) || isJunkEntry(name)) return null;
  if (entry.isEncrypted()) throw encryptedEntry(name);
  if (isZipFileName(name)) {
    throw new ProtocolError(
      'FILE_NOT_SUPPORTED',
      `The ZIP entry '${name}' is itself a ZIP archive; nested archives are refused.`,
    );
  }
  if (seenNames.has(name)) {
    throw new ProtocolError('INVALID_FILE_FORMAT', `The ZIP archive lists '${name}' twice; refused.`);
  }
  seenNames.add(name);
  return name;
}

function checkEntryCount(zipFile: ZipFile, limits: Limits): void {
  if (zipFile.entryCount > limits.maxZipEntries) {
    throw new ProtocolError(
      'LIMIT_EXCEEDED',
      `The ZIP archive has ${formatCount(zipFile.entryCount)} entries; at most ${formatCount(limits.maxZipEntries)} are allowed.`,
    );
  }
}

function readLocalHeaderStart(zipFile: ZipFile, entry: Entry): Promise<number> {
  return new Promise((resolve, reject) => {
    zipFile.readLocalFileHeader(entry, { minimal: true }, (error, header) => {
      if (error) reject(damagedArchive(error.message));
      else resolve(header.fileDataStart);
    });
  });
}

/**
 * Opens a ZIP held in memory and lists its files, refusing archives that are damaged,
 * have too many entries, or hold entries that are encrypted, nested ZIPs, or named so
 * they would land outside the extraction folder. Nothing is inflated until `readEntry`.
 */
export async function openSafeZip(bytes: Buffer, limitOverrides?: Partial<Limits>): Promise<SafeZip> {
  const limits = resolveLimits(limitOverrides);
  const zipFile = await openArchive(bytes);
  checkEntryCount(zipFile, limits);
  const rawEntries = await readAllEntries(zipFile);
  const rawByEntry = new Map<SafeZipEntry, Entry>();
  const seenNames = new Set<string>();
  for (const raw of rawEntries) {
    const name = acceptEntry(raw, seenNames);
    if (name !== null) {
      rawByEntry.set({ name, compressedSize: raw.compressedSize, declaredSize: raw.uncompressedSize }, raw);
    }
  }
  // No close(): an archive read from a Buffer holds no file descriptor, and readEntry needs it open.
  return createSafeZip(bytes, zipFile, rawByEntry, limits);
}

function declaredEntry(name: string, raw: Entry): DeclaredEntry {
  return {
    name,
    compressionMethod: raw.compressionMethod,
    compressedSize: raw.compressedSize,
    declaredSize: raw.uncompressedSize,
    crc32: raw.crc32,
  };
}

function refuseNestedZip(name: string, content: Buffer): void {
  if (content.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) {
    throw new ProtocolError(
      'FILE_NOT_SUPPORTED',
      `The ZIP entry '${name}' is itself a ZIP archive; nested archives are refused.`,
    );
  }
}

function createSafeZip(bytes: Buffer, zipFile: ZipFile, rawEntries: Map<SafeZipEntry, Entry>, limits: Limits): SafeZip {
  let inflatedBytes = 0;
  let previousRead: Promise<unknown> = Promise.resolve();

  const readNow = async (entry: SafeZipEntry, options: ReadEntryOptions): Promise<Buffer> => {
    const raw = rawEntries.get(entry);
    if (!raw) throw new Error(`readEntry: '${entry.name}' is not an entry of this archive`);
    // We take the packed bytes and inflate them ourselves instead of using yauzl's read stream,
    // so that real output bytes, not header fields, drive every limit (see inflateEntry).
    const dataStart = await readLocalHeaderStart(zipFile, raw);
    const packed = bytes.subarray(dataStart, dataStart + raw.compressedSize);
    if (packed.length !== raw.compressedSize) throw damagedArchive(`entry '${entry.name}' is cut short`);
    const content = await inflateEntry(declaredEntry(entry.name, raw), packed, inflatedBytes, limits);
    inflatedBytes += content.length;
    if (!options.allowZipContent) refuseNestedZip(entry.name, content);
    return content;
  };

  return {
    entries: [...rawEntries.keys()],
    get inflatedBytes() {
      return inflatedBytes;
    },
    // Reads run one after another, so two concurrent reads cannot both spend the same budget.
    readEntry(entry, options = {}) {
      const read = previousRead.then(() => readNow(entry, options));
      previousRead = read.catch(() => undefined);
      return read;
    },
  };
}
