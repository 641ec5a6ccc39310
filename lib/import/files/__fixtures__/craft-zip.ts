/**
 * Writes ZIP archives byte by byte, for tests that need archives no well-behaved library
 * would produce: lying sizes, encryption flags, hostile names, too many entries.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface CraftedEntry {
  name: string;
  /** The real, uncompressed content. */
  content?: Buffer;
  /** 0 = stored, 8 = deflated (default). */
  method?: number;
  /** Bytes written as the entry's data; defaults to `content` deflated (or as is when stored). */
  packed?: Buffer;
  /** Uncompressed size written in both headers; defaults to the real one. */
  declaredSize?: number;
  /** CRC-32 written in both headers; defaults to the real one. */
  crc?: number;
  /** General purpose bit flags (bit 0 = encrypted). */
  flags?: number;
}

const DOS_DATE_1980_01_01 = 0x21;

function localHeader(name: Buffer, entry: Required<Omit<CraftedEntry, 'name' | 'content'>>): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(entry.flags, 6);
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt16LE(0, 10);
  header.writeUInt16LE(DOS_DATE_1980_01_01, 12);
  header.writeUInt32LE(entry.crc >>> 0, 14);
  header.writeUInt32LE(entry.packed.length, 18);
  header.writeUInt32LE(entry.declaredSize, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, name]);
}

function centralHeader(name: Buffer, entry: Required<Omit<CraftedEntry, 'name' | 'content'>>, offset: number): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(entry.flags, 8);
  header.writeUInt16LE(entry.method, 10);
  header.writeUInt16LE(0, 12);
  header.writeUInt16LE(DOS_DATE_1980_01_01, 14);
  header.writeUInt32LE(entry.crc >>> 0, 16);
  header.writeUInt32LE(entry.packed.length, 20);
  header.writeUInt32LE(entry.declaredSize, 24);
  header.writeUInt16LE(name.length, 28);
  // extra length, comment length, disk number, internal attributes: all zero
  header.writeUInt32LE(0, 38);
  header.writeUInt32LE(offset, 42);
  return Buffer.concat([header, name]);
}

function endOfCentralDirectory(entryCount: number, size: number, offset: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(entryCount, 8);
  record.writeUInt16LE(entryCount, 10);
  record.writeUInt32LE(size, 12);
  record.writeUInt32LE(offset, 16);
  return record;
}

function completeEntry(entry: CraftedEntry): Required<Omit<CraftedEntry, 'name' | 'content'>> {
  const content = entry.content ?? Buffer.alloc(0);
  const method = entry.method ?? 8;
  return {
    method,
    packed: entry.packed ?? (method === 8 ? deflateRawSync(content) : content),
    declaredSize: entry.declaredSize ?? content.length,
    crc: entry.crc ?? crc32(content),
    flags: entry.flags ?? 0x800, // bit 11: names are UTF-8
  };
}

export function craftZip(entries: CraftedEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const complete = completeEntry(entry);
    const local = Buffer.concat([localHeader(name, complete), complete.packed]);
    centrals.push(centralHeader(name, complete, offset));
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(centrals);
  return Buffer.concat([...locals, central, endOfCentralDirectory(entries.length, central.length, offset)]);
}
