import JSZip from 'jszip';
import { readSheet } from 'read-excel-file/node';
import { resolveLimits, type Limits } from './limits';
import { openSafeZip, type SafeZip } from './safe-zip';
import { TableCollector, type ParsedTable } from './table-collector';
import { cellText, numberText } from './xlsx-cells';
import { checkSheetExtent } from './xlsx-extent';
import { firstSheetPath, isXmlPart, refuseDtd, sharedParts, usesDate1904 } from './xlsx-parts';
import { ProtocolError } from '@/lib/errors';

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';

function notAWorkbook(detail: string): ProtocolError {
  return new ProtocolError('INVALID_FILE_FORMAT', `The .xlsx file could not be read: ${detail}.`);
}

/** Inflates every XML part (under the archive's limits) and refuses any that declares a DTD. */
async function readXmlParts(zip: SafeZip): Promise<Map<string, Buffer>> {
  const parts = new Map<string, Buffer>();
  // One at a time: the inflation budget is shared, and sequential reads keep the memory peak low.
  for (const entry of zip.entries) {
    if (!isXmlPart(entry.name)) continue;
    const content = await zip.readEntry(entry);
    refuseDtd(entry.name, content);
    parts.set(entry.name, content);
  }
  return parts;
}

function locateFirstSheet(parts: Map<string, Buffer>): string {
  const workbook = parts.get(WORKBOOK);
  const relationships = parts.get(WORKBOOK_RELS);
  if (!workbook || !relationships) throw notAWorkbook(`it has no ${workbook ? WORKBOOK_RELS : WORKBOOK}`);
  const sheetPath = firstSheetPath(workbook.toString('utf8'), relationships.toString('utf8'));
  if (!sheetPath || !parts.has(sheetPath)) throw notAWorkbook('its first worksheet is missing');
  return sheetPath;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const RELATION = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * Builds the ZIP read-excel-file gets: a workbook of our own with one sheet, the one whose extent we measured, and the
 * shared strings and styles it names. Which sheet the reader reads is then ours to say: handed the original workbook,
 * a nameless decoy <sheet> made us measure one sheet while it read another (hostile findings, December 2026). Our own
 * archive also means a ZIP whose local headers disagree with its central directory cannot smuggle anything past us.
 */
async function repackForReader(parts: Map<string, Buffer>, sheetPath: string): Promise<Buffer> {
  const zip = new JSZip();
  const shared = sharedParts(parts.get(WORKBOOK_RELS)!.toString('utf8'));
  const date1904 = usesDate1904(parts.get(WORKBOOK)!.toString('utf8')) ? '<workbookPr date1904="1"/>' : '';
  zip.file(
    WORKBOOK,
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${RELATION}">${date1904}` +
      '<sheets><sheet name="Sheet1" sheetId="1" r:id="rSheet"/></sheets></workbook>',
  );
  const relations = [`<Relationship Id="rSheet" Type="${RELATION}/worksheet" Target="worksheets/sheet1.xml"/>`];
  zip.file('xl/worksheets/sheet1.xml', parts.get(sheetPath)!);
  for (const type of ['sharedStrings', 'styles'] as const) {
    const content = shared[type] ? parts.get(shared[type]) : undefined;
    if (!content) continue;
    relations.push(`<Relationship Id="r${type}" Type="${RELATION}/${type}" Target="${type}.xml"/>`);
    zip.file(`xl/${type}.xml`, content);
  }
  zip.file(
    WORKBOOK_RELS,
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELS_NS}">${relations.join('')}</Relationships>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

async function readFirstSheet(workbook: Buffer): Promise<unknown[][]> {
  try {
    // trim: false keeps cells as written (like CSV); parseNumber hands us the number text, not a float.
    return await readSheet<string>(workbook, { trim: false, parseNumber: numberText });
  } catch (error) {
    throw notAWorkbook(error instanceof Error ? error.message : String(error));
  }
}

/** Reads the first sheet of an .xlsx already opened as a safe ZIP. Every cell comes back as text. */
export async function parseXlsxFromZip(zip: SafeZip, limitOverrides?: Partial<Limits>): Promise<ParsedTable> {
  const limits = resolveLimits(limitOverrides);
  const parts = await readXmlParts(zip);
  const sheetPath = locateFirstSheet(parts);
  checkSheetExtent(parts.get(sheetPath)?.toString('utf8') ?? '', limits);
  const sheet = await readFirstSheet(await repackForReader(parts, sheetPath));
  const collector = new TableCollector(limits);
  // Sheet row i (0-based) is spreadsheet row i + 1: read-excel-file keeps leading and inner blank rows.
  sheet.forEach((row, index) => collector.addRecord(index + 1, row.map(cellText)));
  return collector.finish();
}

/** Reads the first sheet of .xlsx bytes, after the same ZIP safety checks as any upload. */
export async function parseXlsx(bytes: Buffer, limitOverrides?: Partial<Limits>): Promise<ParsedTable> {
  const zip = await openSafeZip(bytes, limitOverrides);
  return parseXlsxFromZip(zip, limitOverrides);
}
