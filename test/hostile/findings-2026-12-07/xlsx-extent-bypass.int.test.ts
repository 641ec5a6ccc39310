import JSZip from 'jszip';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { importFile } from '@/db/schema';
import { useTestDatabase } from '@/test/db';
import { apiCaller, keyFor, type Caller } from '@/test/import/api';

/**
 * Hostile tester, round 4, found and fixed: the .xlsx grid guard (lib/import/files/xlsx-extent.ts) was walked around.
 *
 * read-excel-file lays the first sheet out as a dense grid (every row padded to the widest value's column).
 * `checkSheetExtent` is there to refuse, BEFORE the reader runs, a sheet with a value beyond column 200 or
 * row 50,001 ("One value placed at XFD1000000 would make it allocate billions of cells"). It reads the sheet
 * with regular expressions, while the reader uses a real XML parser, and the two disagree:
 *
 *  1. a cell address written as a character reference (`r="&#88;FD2001"`) or with a namespace prefix
 *     (`x:r="XFD2001"`) is skipped by the guard's regex but decoded by the reader as XFD2001;
 *  2. the guard measures "the first <sheet>" found by a regex in workbook.xml, the reader the first <sheet>
 *     that has a name attribute; a nameless decoy <sheet> makes the guard measure a harmless sheet while the
 *     reader reads another one (kept in the repacked workbook because it is not under xl/worksheets/).
 *
 * Measured (bare tsx process, parseXlsx): a 17 KB workbook of 2,000 rows with one value at XFD → +380 MB
 * heap and 1.6 s before the refusal; 20,000 rows (a 150 KB upload) → "FATAL ERROR: JavaScript heap out of
 * memory" with a 2 GB heap: one upload kills the app process (every user's requests with it). docs/quality.md
 * promises the opposite for hostile uploads: "the same server process still answering, VmRSS under 512 MB".
 *
 * The fix: the guard reads each <c>/<row> start tag whole (any prefix, '>' inside quoted values, a character
 * reference refused), and the reader gets a workbook of ours naming only the measured sheet.
 *
 * Expected: refused before the reader runs (HEADER_LIMIT_EXCEEDED / INVALID_FILE_FORMAT, as the plain
 *           `r="XFD2001"` spelling is), the reader never lays out a row wider than 200 columns.
 * Before the fix: the reader lays out rows of 16,384 cells; memory grows with rows × 16,384 until the process dies.
 * Severity: HIGH (denial of service of the whole app process by one small upload; needs import.run, i.e. an
 *           admin session or an admin-role API key — the keys handed to ERP integrations).
 *
 * The tests keep the sheets small (60 rows) so they fail without endangering the test process: a spy on
 * read-excel-file records the widest row it laid out.
 */

const laidOut = vi.hoisted(() => ({ widest: 0, cells: 0 }));
vi.mock('read-excel-file/node', async (importOriginal) => {
  const real = await importOriginal<typeof import('read-excel-file/node')>();
  const readSheet = (async (...args: Parameters<typeof real.readSheet>) => {
    const rows = (await real.readSheet(...args)) as unknown[][];
    for (const row of rows) {
      laidOut.widest = Math.max(laidOut.widest, row.length);
      laidOut.cells += row.length;
    }
    return rows;
  }) as typeof real.readSheet;
  return { ...real, readSheet };
});

const MAX_COLUMNS = 200;
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RELS_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

const sheetXml = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS} xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
const text = (ref: string, value: string) => `<c ${ref} t="inlineStr"><is><t>${value}</t></is></c>`;
const HEADER = `<row r="1">${text('r="A1"', 'Code')}${text('r="B1"', 'Name')}</row>`;

/** An Items-like sheet of `rows` data rows, then one row whose only value sits at column XFD (16,384). */
function farSheet(rows: number, farCellAttributes: (row: number) => string): string {
  const body = [HEADER];
  for (let i = 2; i <= rows + 1; i++) body.push(`<row r="${i}">${text(`r="A${i}"`, `ITEM-${i}`)}</row>`);
  const last = rows + 2;
  body.push(`<row r="${last}">${text(farCellAttributes(last), 'x')}</row>`);
  return sheetXml(body.join(''));
}

async function workbook(sheets: { workbookSheets: string; rels: string; parts: Record<string, string> }) {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} ${RELS_NS}><sheets>${sheets.workbookSheets}</sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.rels}</Relationships>`,
  );
  for (const [name, content] of Object.entries(sheets.parts)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const oneSheet = (sheet: string) =>
  workbook({
    workbookSheets: '<sheet name="Items" sheetId="1" r:id="rId1"/>',
    rels: `<Relationship Id="rId1" Type="${WORKSHEET}" Target="worksheets/sheet1.xml"/>`,
    parts: { 'xl/worksheets/sheet1.xml': sheet },
  });

describe('hostile round 4: the .xlsx grid guard measures what the reader reads', async () => {
  const { db } = await useTestDatabase();
  let api: Caller;

  beforeAll(async () => {
    api = apiCaller((await keyFor(db, 'admin')).key);
  });

  async function uploadAndWatch(bytes: Buffer) {
    laidOut.widest = 0;
    laidOut.cells = 0;
    const stored = (await db.select({ id: importFile.id }).from(importFile)).length;
    const answer = await api.upload(bytes, 'items.xlsx');
    const storedAfter = (await db.select({ id: importFile.id }).from(importFile)).length;
    return { ...answer, stored: storedAfter - stored, widest: laidOut.widest, cells: laidOut.cells };
  }

  it('control: the plain spelling r="XFD62" is refused before the reader lays anything out', async () => {
    const result = await uploadAndWatch(await oneSheet(farSheet(60, (row) => `r="XFD${row}"`)));
    expect(result.status).toBe(400);
    expect(result.json.code).toBe('HEADER_LIMIT_EXCEEDED');
    expect(result.widest).toBe(0);
  });

  it('a cell address written as a character reference (r="&#88;FD62") is laid out 16,384 cells wide', async () => {
    const result = await uploadAndWatch(await oneSheet(farSheet(60, (row) => `r="&#88;FD${row}"`)));
    expect(result.status).toBe(400);
    expect(result.stored).toBe(0);
    // Before the fix: widest = 16384 (62 rows × 16,384 = 1,015,808 cells for a 2 KB upload); it is refused only
    // afterwards, by the table collector (INVALID_DATA "Row 62 has a value in column 16384, …").
    expect(result.widest).toBeLessThanOrEqual(MAX_COLUMNS);
  });

  it('a cell address with a namespace prefix (x:r="XFD62") is laid out 16,384 cells wide', async () => {
    const result = await uploadAndWatch(await oneSheet(farSheet(60, (row) => `x:r="XFD${row}"`)));
    expect(result.status).toBe(400);
    expect(result.stored).toBe(0);
    expect(result.widest).toBeLessThanOrEqual(MAX_COLUMNS);
  });

  it('a nameless decoy <sheet> makes the guard measure one sheet while the reader reads another', async () => {
    const bytes = await workbook({
      // The guard takes the first <sheet> element (rId2, a harmless sheet); read-excel-file skips sheets without
      // a name and reads rId1, stored outside xl/worksheets/ so the repack keeps it.
      workbookSheets: '<sheet sheetId="2" r:id="rId2"/><sheet name="Items" sheetId="1" r:id="rId1"/>',
      rels:
        `<Relationship Id="rId1" Type="${WORKSHEET}" Target="data.xml"/>` +
        `<Relationship Id="rId2" Type="${WORKSHEET}" Target="worksheets/sheet1.xml"/>`,
      parts: {
        'xl/worksheets/sheet1.xml': sheetXml(HEADER),
        'xl/data.xml': farSheet(60, (row) => `r="XFD${row}"`),
      },
    });
    const result = await uploadAndWatch(bytes);
    expect(result.status).toBe(400);
    expect(result.stored).toBe(0);
    expect(result.widest).toBeLessThanOrEqual(MAX_COLUMNS);
  });
});
