/** Builds small, valid .xlsx workbooks in memory with jszip, so tests need no binary fixtures. */
import JSZip from 'jszip';

export type XlsxCell =
  | string
  | number
  | boolean
  | null
  | { date: string } // yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss, written as an Excel serial with a date style
  | { numberText: string }; // a number written exactly as this text in <v>

export interface XlsxOptions {
  /** Strings in xl/sharedStrings.xml instead of inline. */
  sharedStrings?: boolean;
  /** Replaces the generated sheet1.xml. */
  sheetXml?: string;
  /** Extra or replacement parts, by path. */
  parts?: Record<string, string>;
  /** Writes a second sheet with this content (the reader must ignore it). */
  secondSheetRows?: XlsxCell[][];
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function excelSerial(isoDate: string): number {
  const [day, time = '00:00:00'] = isoDate.split('T');
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm, ss] = time.split(':').map(Number);
  const milliseconds = Date.UTC(y, m - 1, d, hh, mm, ss) - Date.UTC(1899, 11, 30);
  return milliseconds / 86_400_000;
}

function cellXml(ref: string, cell: XlsxCell, strings: string[] | null): string {
  if (cell === null) return '';
  if (typeof cell === 'string') {
    if (strings) {
      strings.push(cell);
      return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
    }
    return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell)}</t></is></c>`;
  }
  if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
  if (typeof cell === 'boolean') return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
  if ('date' in cell) return `<c r="${ref}" s="1"><v>${excelSerial(cell.date)}</v></c>`;
  return `<c r="${ref}"><v>${cell.numberText}</v></c>`;
}

export function sheetXml(rows: XlsxCell[][], strings: string[] | null = null): string {
  const rowXml = rows.map((row, rowIndex) => {
    const cells = row.map((cell, columnIndex) =>
      cellXml(`${columnLetters(columnIndex)}${rowIndex + 1}`, cell, strings),
    );
    return `<row r="${rowIndex + 1}">${cells.join('')}</row>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}"><sheetData>${rowXml.join('')}</sheetData></worksheet>`;
}

function sharedStringsXml(strings: string[]): string {
  const items = strings.map((text) => `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="${MAIN_NS}" count="${strings.length}" uniqueCount="${strings.length}">${items}</sst>`;
}

const STYLES_XML = `<?xml version="1.0" encoding="UTF-8"?>\n<styleSheet xmlns="${MAIN_NS}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`;

function workbookXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) => `<sheet name="Sheet${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheets.join('')}</sheets></workbook>`;
}

function workbookRelsXml(sheetCount: number, withSharedStrings: boolean): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  const styles = `<Relationship Id="rIdStyles" Type="${REL_NS}/styles" Target="styles.xml"/>`;
  const shared = withSharedStrings
    ? `<Relationship Id="rIdStrings" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="${PKG_REL_NS}">${sheets.join('')}${styles}${shared}</Relationships>`;
}

const CONTENT_TYPES_XML = `<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;

const ROOT_RELS_XML = `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

export async function buildXlsx(rows: XlsxCell[][], options: XlsxOptions = {}): Promise<Buffer> {
  const strings = options.sharedStrings ? [] : null;
  const sheetCount = options.secondSheetRows ? 2 : 1;
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES_XML);
  zip.file('_rels/.rels', ROOT_RELS_XML);
  zip.file('xl/workbook.xml', workbookXml(sheetCount));
  zip.file('xl/_rels/workbook.xml.rels', workbookRelsXml(sheetCount, strings !== null));
  zip.file('xl/styles.xml', STYLES_XML);
  zip.file('xl/worksheets/sheet1.xml', options.sheetXml ?? sheetXml(rows, strings));
  if (options.secondSheetRows) zip.file('xl/worksheets/sheet2.xml', sheetXml(options.secondSheetRows));
  if (strings) zip.file('xl/sharedStrings.xml', sharedStringsXml(strings));
  for (const [path, content] of Object.entries(options.parts ?? {})) zip.file(path, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
