// Hostile requests for the bulk write doors, generated from a seed: the same seed always gives the same
// bytes, so a failing case can be replayed. Used by scripts/fuzz/uploads.ts (1,000 against a running
// production server) and test/hostile/uploads.int.test.ts (~100 against the route handlers, in CI).
import { buildXlsx } from '@/lib/import/files/__fixtures__/build-xlsx';
import { craftZip } from '@/lib/import/files/__fixtures__/craft-zip';
import JSZip from 'jszip';
import {
  itemsCsv,
  manyEntries,
  multipart,
  multipartType,
  nestedBomb,
  quietBomb,
  quietSheetBomb,
  seededRandom,
  sheetBomb,
  zeroBomb,
  zipOf,
  type Rng,
} from './builders';
import { JOB_LOOKUPS, jobRequestBody } from './job-cases';

export interface FuzzCase {
  index: number;
  category: string;
  name: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Malformed: it must be refused with a specific code. Otherwise (odd but readable) accepting it is fine too. */
  mustRefuse: boolean;
}

type Made = Omit<FuzzCase, 'index' | 'category'>;

const UPLOAD_HEADERS = { feature: 'bulk-write', 'X-CRM-ORG': '1', 'content-type': multipartType() };

function upload(
  name: string,
  bytes: Buffer,
  fileName: string,
  mustRefuse = true,
  headers: Record<string, string> = {},
): Made {
  return {
    name,
    method: 'POST',
    path: '/crm/v8/upload',
    headers: { ...UPLOAD_HEADERS, ...headers },
    body: multipart([{ name: 'file', fileName, content: bytes }]),
    mustRefuse,
  };
}

const TRAVERSAL = [
  '../evil.csv',
  '..\\evil.csv',
  '/etc/evil.csv',
  'C:/evil.csv',
  'C:\\evil.csv',
  'a/../../evil.csv',
  './../evil.csv',
  'x/../../../../evil.csv',
  'evil\u0000.csv',
];
const MAGIC = [
  [0x25, 0x50, 0x44, 0x46],
  [0x89, 0x50, 0x4e, 0x47],
  [0x1f, 0x8b],
  [0x52, 0x61, 0x72, 0x21],
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c],
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  [0x7f, 0x45, 0x4c, 0x46],
  [0x4d, 0x5a],
];
const CZECH = 'Code,Name\r\nENC-1,Čerpadlo žluťoučké\r\nENC-2,Šroubovák úzký\r\n';

const smallZip = (rng: Rng) => zipOf('items.csv', itemsCsv(rng.int(1, 40)));
const workbook = (rng: Rng, parts: Record<string, string> = {}) =>
  buildXlsx([['Code', 'Name'], ...Array.from({ length: rng.int(1, 20) }, (_, i) => [`XL-${i}`, `Row ${i}`])], {
    parts,
  });
const withDoctype = (xml: string, doctype: string) =>
  xml.replace(/^(<\?xml[^>]*\?>\s*)?/, (declaration) => `${declaration}${doctype}`);

/** heavy: false leaves out the ~190 MB quiet bomb (for CI, where building it would dominate the run). */
type Options = { heavy: boolean };

const GENERATORS: Record<string, (rng: Rng, options: Options) => Made | Promise<Made>> = {
  'truncated-zip': async (rng) => {
    const whole = rng.next() < 0.5 ? smallZip(rng) : await workbook(rng);
    const cut = rng.int(4, whole.length - 1);
    return upload(
      `cut at ${cut} of ${whole.length} bytes`,
      whole.subarray(0, cut),
      rng.pick(['items.zip', 'items.xlsx']),
    );
  },
  'corrupt-zip': (rng) => {
    const zip = smallZip(rng);
    if (rng.next() < 0.3)
      return upload(
        'wrong CRC-32',
        craftZip([{ name: 'items.csv', content: itemsCsv(5), crc: rng.int(1, 2 ** 31) }]),
        'items.zip',
      );
    const flips = rng.int(1, 6);
    for (let i = 0; i < flips; i++) zip[rng.int(4, zip.length - 1)] ^= rng.int(1, 255);
    return upload(`${flips} bytes flipped`, zip, 'items.zip', false);
  },
  'zip-bomb': async (rng, options) => {
    const kind = rng.int(0, 9);
    if (kind === 0 && options.heavy) {
      return rng.next() < 0.5
        ? upload('quiet bomb: ~37 MB of valid CSV at ~30:1', quietBomb(rng), 'quiet.zip', false)
        : upload('quiet workbook bomb: a ~23 MB sheet at ~30:1', await quietSheetBomb(rng), 'quiet.xlsx', false);
    }
    if (kind <= 2) return upload('30 MB of one byte (ratio ~1000)', zeroBomb(30), 'bomb.zip');
    if (kind <= 4) return upload('16 MB declared as 10 bytes', zeroBomb(16, 10), 'bomb.zip');
    if (kind === 5) return upload('ZIP in ZIP in ZIP', nestedBomb(3), 'nested.zip');
    if (kind === 6) return upload('150 entries', manyEntries(150), 'many.zip');
    return upload('workbook whose sheet is 40 MB of spaces', await sheetBomb(), 'bomb.xlsx');
  },
  traversal: (rng) => {
    if (rng.next() < 0.2)
      return upload('traversal in the multipart file name only', itemsCsv(2), '../../../etc/items.csv', false);
    const name = rng.pick(TRAVERSAL);
    return upload(`entry ${JSON.stringify(name)}`, craftZip([{ name, content: itemsCsv(2) }]), 'items.zip');
  },
  encoding: (rng) => {
    const variants: [string, Buffer][] = [
      ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CZECH, 'utf16le')])],
      ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(CZECH, 'utf16le').swap16()])],
      ['UTF-16LE without BOM', Buffer.from(CZECH, 'utf16le')],
      [
        'invalid UTF-8 sequences',
        Buffer.concat([
          Buffer.from('Code,Name\r\nBAD-1,'),
          Buffer.from([0xc3, 0x28, 0xe2, 0x82, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xff]),
        ]),
      ],
      ['Latin-1 bytes', Buffer.from(CZECH, 'latin1')],
      [
        'random high bytes',
        Buffer.concat([
          Buffer.from('Code,Name\r\nHI-1,'),
          Buffer.from(Array.from({ length: rng.int(10, 2000) }, () => rng.int(0x80, 0xff))),
        ]),
      ],
      [
        'UTF-8 BOM then UTF-16 BOM',
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xff, 0xfe]), Buffer.from(CZECH, 'utf16le')]),
      ],
    ];
    const [name, bytes] = rng.pick(variants);
    return upload(name, bytes, 'items.csv', false);
  },
  quotes: (rng) => {
    const quotes = rng.int(1, 999);
    const variants: [string, string, boolean][] = [
      ['quote never closed', `Code,Name\r\n"OPEN-1,Never closed\r\n${'X,Y\r\n'.repeat(rng.int(0, 50))}`, true],
      ['text after the closing quote', 'Code,Name\r\n"A"B,C\r\n', true],
      ['quote inside an unquoted value', 'Code,Name\r\nA"B,C\r\n', false],
      // An even number of quotes is a valid CSV (one quoted header cell of quotes); an odd one never closes.
      [`${quotes} quotes and nothing else`, '"'.repeat(quotes), quotes % 2 === 1],
      ['quoted header never closed', '"Code,Name\r\nA,B\r\n', true],
    ];
    const [name, text, mustRefuse] = rng.pick(variants);
    return upload(name, Buffer.from(text), 'items.csv', mustRefuse);
  },
  'huge-cell': (rng) => {
    const size = rng.pick([32_001, rng.int(40_000, 2_000_000)]);
    const kind = rng.int(0, 3);
    if (kind === 0)
      return upload(
        `header line of ${size} characters, no newline`,
        Buffer.from(`Code,${'h'.repeat(size)}`),
        'items.csv',
      );
    if (kind === 1)
      return upload(
        '201 columns',
        Buffer.from(`${Array.from({ length: 201 }, (_, i) => `C${i}`).join(',')}\r\n1\r\n`),
        'wide.csv',
      );
    return upload(
      `a cell of ${size} characters`,
      Buffer.from(`Code,Name\r\nBIG-1,${'c'.repeat(size)}\r\n`),
      'items.csv',
    );
  },
  'xlsx-entities': async (rng) => {
    const laughs =
      '<!DOCTYPE x [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>';
    const external = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>';
    const sheet =
      '<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&c;</t></is></c></row></sheetData></worksheet>';
    const kind = rng.int(0, 4);
    if (kind === 0)
      return upload(
        'billion laughs in the sheet',
        await workbook(rng, { 'xl/worksheets/sheet1.xml': withDoctype(sheet, laughs) }),
        'laughs.xlsx',
      );
    if (kind === 1)
      return upload(
        'external entity in the workbook',
        await workbook(rng, { 'xl/workbook.xml': withDoctype('<?xml version="1.0"?><workbook/>', external) }),
        'xxe.xlsx',
      );
    if (kind === 2)
      return upload(
        'DOCTYPE in [Content_Types].xml',
        await workbook(rng, { '[Content_Types].xml': withDoctype('<?xml version="1.0"?><Types/>', external) }),
        'types.xlsx',
      );
    if (kind === 3) {
      // UTF-16 hides "<!DOCTYPE" from a byte-wise ASCII search: the sheet goes in as raw bytes.
      const zip = await JSZip.loadAsync(await workbook(rng));
      zip.file(
        'xl/worksheets/sheet1.xml',
        Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from(withDoctype(sheet.replace('UTF-8', 'UTF-16'), laughs), 'utf16le'),
        ]),
      );
      return upload(
        'DOCTYPE in a UTF-16 sheet',
        await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
        'utf16.xlsx',
      );
    }
    return upload(
      'ENTITY in sharedStrings.xml',
      await workbook(rng, {
        'xl/sharedStrings.xml': withDoctype('<?xml version="1.0"?><sst><si><t>&c;</t></si></sst>', laughs),
      }),
      'strings.xlsx',
    );
  },
  empty: (rng) => {
    const variants: [string, Buffer, string][] = [
      ['0 bytes', Buffer.alloc(0), rng.pick(['items.csv', 'items.zip', 'items.xlsx', 'noname'])],
      ['whitespace only', Buffer.from(' \r\n\t\r\n'), 'items.csv'],
      ['UTF-8 BOM only', Buffer.from([0xef, 0xbb, 0xbf]), 'items.csv'],
      ['empty ZIP', Buffer.from([0x50, 0x4b, 0x05, 0x06, ...Array(18).fill(0)]), 'items.zip'],
      ['ZIP of an empty CSV', zipOf('items.csv', Buffer.alloc(0)), 'items.zip'],
      ['ZIP without a data file', zipOf('readme.txt', Buffer.from('hello')), 'items.zip'],
    ];
    const [name, bytes, fileName] = rng.pick(variants);
    return upload(name, bytes, fileName);
  },
  junk: (rng) => {
    const junk = rng.bytes(rng.int(2_048, 256 * 1024));
    junk[rng.int(0, Math.min(junk.length, 60_000) - 1)] = 0;
    const magic = rng.next() < 0.5 ? Buffer.from(rng.pick(MAGIC)) : Buffer.alloc(0);
    return upload(
      `${junk.length} random bytes${magic.length ? ` after a ${magic.toString('hex')} signature` : ''}`,
      Buffer.concat([magic, junk]),
      rng.pick(['items.csv', 'items.zip', 'items.xlsx', 'data.bin']),
    );
  },
  multipart: (rng) => {
    const body = multipart([{ name: 'file', fileName: 'items.csv', content: itemsCsv(3) }]);
    const variants: Made[] = [
      {
        ...upload('JSON instead of multipart', Buffer.from('{"file":"Code,Name"}'), ''),
        headers: { ...UPLOAD_HEADERS, 'content-type': 'application/json' },
        body: Buffer.from('{"file":"Code,Name"}'),
      },
      {
        ...upload('multipart without a boundary', body, ''),
        headers: { ...UPLOAD_HEADERS, 'content-type': 'multipart/form-data' },
        body,
      },
      {
        ...upload('boundary that does not match', body, ''),
        headers: { ...UPLOAD_HEADERS, 'content-type': multipartType('other-boundary') },
        body,
      },
      { ...upload('multipart cut short', body, ''), body: body.subarray(0, rng.int(10, body.length - 10)) },
      { ...upload('no file part', body, ''), body: multipart([{ name: 'note', content: 'hello' }]) },
      {
        ...upload('file sent as a text field', body, ''),
        body: multipart([{ name: 'file', content: 'Code,Name\r\nA,B' }]),
      },
      {
        ...upload('file under another name', body, ''),
        body: multipart([{ name: 'files', fileName: 'items.csv', content: itemsCsv(2) }]),
      },
      { ...upload('empty body', body, ''), body: Buffer.alloc(0) },
      { ...upload('random bytes as the body', body, ''), body: rng.bytes(rng.int(1, 4096)) },
      {
        ...upload('file name of 100,000 characters', body, ''),
        body: multipart([{ name: 'file', fileName: `${'n'.repeat(100_000)}.csv`, content: Buffer.from('') }]),
      },
    ];
    return rng.pick(variants);
  },
  'feature-header': (rng) => {
    const headers = rng.pick<Record<string, string>>([
      { feature: '' },
      { feature: 'bulk-read' },
      { feature: 'bulk write' },
      { feature: 'bulk-write, bulk-read' },
      { authorization: 'Zoho-oauthtoken ssk_forged' },
    ]);
    const made = upload(`headers ${JSON.stringify(headers)}`, itemsCsv(2), 'items.csv', true, headers);
    if (headers.feature === '') delete made.headers.feature;
    return made;
  },
  'job-request': (rng) => {
    const { name, body } = jobRequestBody(rng);
    return {
      name,
      method: 'POST',
      path: '/crm/bulk/v8/write',
      headers: { 'content-type': 'application/json' },
      body,
      mustRefuse: true,
    };
  },
  'job-lookup': (rng) => {
    const id = rng.pick(JOB_LOOKUPS);
    const path = rng.next() < 0.5 ? `/crm/bulk/v8/write/${id}` : `/crm/bulk/v8/write/${id}/result`;
    return { name: `GET ${path.slice(0, 80)}`, method: 'GET', path, headers: {}, mustRefuse: true };
  },
};

export const CATEGORIES = Object.keys(GENERATORS);

/** `count` cases, categories in turn, variants drawn from the seeded random source. */
export async function* fuzzCases(
  count: number,
  seed: number,
  options: Options = { heavy: true },
): AsyncGenerator<FuzzCase> {
  const rng = seededRandom(seed);
  for (let index = 0; index < count; index++) {
    const category = CATEGORIES[index % CATEGORIES.length];
    yield { index, category, ...(await GENERATORS[category](rng, options)) };
  }
}

export type Outcome = 'refused' | 'accepted' | 'accepted-malformed' | 'server-error' | 'generic-error' | 'unspecific';

/** What an answer means for the case: only a 4xx with a specific Zoho code counts as a refusal. */
export function judge(
  fuzzCase: FuzzCase,
  status: number,
  json: { status?: unknown; code?: unknown } | null,
): { outcome: Outcome; ok: boolean; code: string } {
  const code = typeof json?.code === 'string' ? json.code : '';
  if (status >= 500 || status === 0) return { outcome: 'server-error', ok: false, code: code || String(status) };
  if (code === 'INTERNAL_ERROR') return { outcome: 'generic-error', ok: false, code };
  if (status >= 200 && status < 300)
    return fuzzCase.mustRefuse
      ? { outcome: 'accepted-malformed', ok: false, code }
      : { outcome: 'accepted', ok: true, code };
  if (json?.status === 'error' && code) return { outcome: 'refused', ok: true, code };
  return { outcome: 'unspecific', ok: false, code: String(status) };
}
