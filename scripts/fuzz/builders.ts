// Byte-level builders for hostile uploads: a seeded random source (every run sends the same bytes),
// multipart bodies written by hand (so they can be wrong), and the ZIP bombs, cached because they are
// expensive to compress and the same few are sent many times.
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { buildXlsx } from '@/lib/import/files/__fixtures__/build-xlsx';
import { craftZip } from '@/lib/import/files/__fixtures__/craft-zip';

/** mulberry32: tiny, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    bytes: (length: number) => Buffer.from(Array.from({ length }, () => Math.floor(next() * 256))),
  };
}
export type Rng = ReturnType<typeof seededRandom>;

export const BOUNDARY = '----serialstock-fuzz-7d1c';

/** A multipart/form-data body with one part per entry, exactly as a browser would write it. */
export function multipart(
  parts: { name: string; fileName?: string; content: Buffer | string }[],
  boundary = BOUNDARY,
): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.fileName === undefined ? '' : `; filename="${part.fileName}"`}`;
    const type = part.fileName === undefined ? '' : 'Content-Type: application/octet-stream\r\n';
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`),
      Buffer.from(part.content),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

export const multipartType = (boundary = BOUNDARY) => `multipart/form-data; boundary=${boundary}`;

export const itemsCsv = (rows = 3) =>
  Buffer.from(['Code,Name', ...Array.from({ length: rows }, (_, i) => `FZ-${i},Fuzz ${i}`)].join('\r\n'));

export const zipOf = (name: string, content: Buffer) => craftZip([{ name, content }]);

const bombs = new Map<string, Buffer>();
function cached(key: string, build: () => Buffer): Buffer {
  if (!bombs.has(key)) bombs.set(key, build());
  return bombs.get(key)!;
}

/** The classic: megabytes of one byte, deflated to kilobytes (ratio ~1000). */
export const zeroBomb = (megabytes: number, declaredSize?: number) =>
  cached(`zero:${megabytes}:${declaredSize}`, () =>
    craftZip([{ name: 'bomb.csv', content: Buffer.alloc(megabytes * 1024 * 1024, 0x41), declaredSize }]),
  );

/**
 * A bomb that stays under the ratio limit (random digits keep it near 30:1) and just under the 40 MB
 * inflation limit: 25,000 rows of ~1,500 characters of valid CSV, within every limit, so it is read to
 * the end. What a careful attacker sends once the obvious bombs are refused: the most memory one
 * upload may cost.
 */
export const quietBomb = (rng: Rng) =>
  cached('quiet', () => {
    const lines = ['Code,Name'];
    for (let i = 0; i < 25_000; i++) {
      let cell = '';
      for (let j = 0; j < 23; j++) cell += `${'x'.repeat(60)}${String(rng.int(0, 9999)).padStart(4, '0')}`;
      lines.push(`Q${i},${cell}`);
    }
    const text = Buffer.from(lines.join('\n'));
    return craftZip([{ name: 'quiet.csv', content: text, packed: deflateRawSync(text, { level: 1 }) }]);
  });

/** A ZIP holding a ZIP holding a ZIP …, the innermost a small bomb. */
export const nestedBomb = (depth: number) =>
  cached(`nested:${depth}`, () => {
    let inner = zeroBomb(8);
    for (let level = 0; level < depth; level++) inner = craftZip([{ name: `level${level}.zip`, content: inner }]);
    return inner;
  });

/** Many entries (more than any real upload has), each a tiny CSV. */
export const manyEntries = (count: number) =>
  cached(`many:${count}`, () =>
    craftZip(Array.from({ length: count }, (_, i) => ({ name: `part${i}.txt`, content: Buffer.from('a,b\n') }))),
  );

let sheetBombBuilt: Promise<Buffer> | null = null;
/** A real workbook whose sheet part is 40 MB of spaces (ratio ~1000). */
export function sheetBomb(): Promise<Buffer> {
  sheetBombBuilt ??= (async () => {
    const zip = await JSZip.loadAsync(await buildXlsx([['Code']]));
    zip.file('xl/worksheets/sheet1.xml', `<worksheet>${' '.repeat(40 * 1024 * 1024)}</worksheet>`);
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  })();
  return sheetBombBuilt;
}

let quietSheetBuilt: Promise<Buffer> | null = null;
/**
 * The quiet bomb as a workbook: a ~23 MB sheet of inline strings (just under a workbook's share), packed at about 30:1.
 */
export function quietSheetBomb(rng: Rng): Promise<Buffer> {
  quietSheetBuilt ??= (async () => {
    const rows: string[] = [];
    for (let r = 1; r <= 25_000; r++) {
      let cell = '';
      for (let j = 0; j < 13; j++) cell += `${'y'.repeat(60)}${String(rng.int(0, 9999)).padStart(4, '0')}`;
      rows.push(
        `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Q${r}</t></is></c><c r="B${r}" t="inlineStr"><is><t>${cell}</t></is></c></row>`,
      );
    }
    const zip = await JSZip.loadAsync(await buildXlsx([['Code']]));
    zip.file(
      'xl/worksheets/sheet1.xml',
      `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`,
    );
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
  })();
  return quietSheetBuilt;
}
