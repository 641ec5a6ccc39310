import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';

const deflate = promisify(deflateRaw);
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const DOS_DATE_1980_01_01 = 0x21;

/** A plain file name: no folders, no control characters, never empty. */
function plainName(name: string): string {
  const base =
    name
      .replace(/\\/g, '/')
      .split('/')
      .pop()
      ?.replace(/[\0-\x1f]/g, '')
      .trim() ?? '';
  return base === '' || base === '.' || base === '..' ? 'result.csv' : base;
}

function localHeader(name: Buffer, crc: number, packed: number, size: number): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(UTF8_NAMES, 6);
  header.writeUInt16LE(DEFLATE, 8);
  header.writeUInt16LE(DOS_DATE_1980_01_01, 12);
  header.writeUInt32LE(crc, 14);
  header.writeUInt32LE(packed, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name]);
}

function centralHeader(name: Buffer, crc: number, packed: number, size: number, localOffset: number): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(UTF8_NAMES, 8);
  header.writeUInt16LE(DEFLATE, 10);
  header.writeUInt16LE(DOS_DATE_1980_01_01, 14);
  header.writeUInt32LE(crc, 16);
  header.writeUInt32LE(packed, 20);
  header.writeUInt32LE(size, 24);
  header.writeUInt16LE(name.length, 28);
  header.writeUInt32LE(localOffset, 42);
  return Buffer.concat([header, name]);
}

function endRecord(entries: number, centralSize: number, centralOffset: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(entries, 8);
  record.writeUInt16LE(entries, 10);
  record.writeUInt32LE(centralSize, 12);
  record.writeUInt32LE(centralOffset, 16);
  return record;
}

/**
 * A ZIP of the job's result files (one per file of the job), deflated by Node's zlib: several times faster
 * than JSZip for a 25,000-row result (zlib runs natively, off the event loop), which counts in the time from
 * upload to COMPLETED. Results stay far below the 4 GB a ZIP without ZIP64 holds.
 */
export async function zipFiles(files: readonly { name: string; content: string | Buffer }[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const data = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
    const name = Buffer.from(plainName(file.name), 'utf8');
    const packed = await deflate(data, { level: 1 });
    const crc = crc32(data);
    const local = Buffer.concat([localHeader(name, crc, packed.length, data.length), packed]);
    centrals.push(centralHeader(name, crc, packed.length, data.length, offset));
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(centrals);
  return Buffer.concat([...locals, central, endRecord(files.length, central.length, offset)]);
}

/** A ZIP of one file (the result of a job of one file). */
export function zipOneFile(fileName: string, content: string | Buffer): Promise<Buffer> {
  return zipFiles([{ name: fileName, content }]);
}
