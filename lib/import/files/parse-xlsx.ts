import JSZip from 'jszip';
import { readSheet } from 'read-excel-file/node';
import { resolveLimits, type Limits } from './limits';
import { openSafeZip, type SafeZip } from './safe-zip';
import { TableCollector, type ParsedTable } from './table-collector';
import { cellText, numberText } from './xlsx-cells';
import { checkSheetExtent } from './xlsx-extent';
import { firstSheetPath, isXmlPart, refuseDtd } from './xlsx-parts';
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

/**
 * Builds the ZIP read-excel-file gets: only the XML parts we checked, and of the worksheets
 * only the first one, whose extent we measured. Handing over our own archive means a ZIP
 * whose local headers disagree with its central directory cannot smuggle anything past us.
 */
async function repackForReader(parts: Map<string, Buffer>, sheetPath: string): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of parts) {
    const isOtherWorksheet = name.startsWith('xl/worksheets/') && name.endsWith('.xml') && name !== sheetPath;
    if (!isOtherWorksheet) zip.file(name, content);
  }
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
