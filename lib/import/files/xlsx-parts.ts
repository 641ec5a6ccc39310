import { ProtocolError } from '@/lib/errors';

/** The parts read-excel-file needs: XML and relationship files (images and the like are never read). */
export function isXmlPart(name: string): boolean {
  return name.endsWith('.xml') || name.endsWith('.rels');
}

/**
 * Refuses a part that declares a DTD or entities. Excel never writes them, and they are the
 * vehicle of XXE and "billion laughs" attacks, so refusing beats trusting every XML parser
 * downstream. The bytes are read as Latin-1 with NULs removed, so UTF-16 XML is caught too.
 */
export function refuseDtd(partName: string, content: Buffer): void {
  const asciiView = content.toString('latin1').replace(/\0/g, '');
  const declaration = /<!\s*(DOCTYPE|ENTITY)/i.exec(asciiView);
  if (declaration) {
    throw new ProtocolError(
      'INVALID_DATA',
      `The .xlsx part '${partName}' contains a <!${declaration[1].toUpperCase()}> declaration; such files are refused because they can hide entity-expansion attacks.`,
    );
  }
}

function attribute(attributes: string, pattern: RegExp): string | null {
  const match = pattern.exec(attributes);
  return match ? match[1] : null;
}

/**
 * The relationship id of the first named <sheet> in workbook.xml (a sheet without a name is skipped, as read-excel-file
 * skips it); element and attribute prefixes vary.
 */
function firstSheetRelationId(workbookXml: string): string | null {
  const sheets = /<(?:[\w.-]+:)?sheet\b([^>]*)>/g;
  for (let sheet = sheets.exec(workbookXml); sheet; sheet = sheets.exec(workbookXml)) {
    if (!attribute(sheet[1], /(?:^|\s)name\s*=\s*["']([^"']+)["']/)) continue;
    return attribute(sheet[1], /[\w.-]+:id\s*=\s*["']([^"']+)["']/);
  }
  return null;
}

type Relationship = { id: string | null; type: string | null; target: string | null };

/** Each <Relationship> of a .rels part, in order; element prefixes vary. */
function* relationships(relsXml: string): Generator<Relationship> {
  const elements = /<(?:[\w.-]+:)?Relationship\b([^>]*)>/g;
  for (let match = elements.exec(relsXml); match; match = elements.exec(relsXml)) {
    yield {
      id: attribute(match[1], /\bId\s*=\s*["']([^"']+)["']/),
      type: attribute(match[1], /\bType\s*=\s*["']([^"']+)["']/),
      target: attribute(match[1], /\bTarget\s*=\s*["']([^"']+)["']/),
    };
  }
}

/** A relationship target as an archive path, as read-excel-file resolves it: "/x" absolute, else under "xl/". */
function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** Path of the worksheet read-excel-file would read: the first named <sheet> of the workbook (partPath resolves it). */
export function firstSheetPath(workbookXml: string, workbookRelsXml: string): string | null {
  const relationId = firstSheetRelationId(workbookXml);
  if (!relationId) return null;
  for (const relationship of relationships(workbookRelsXml))
    if (relationship.id === relationId) return relationship.target ? partPath(relationship.target) : null;
  return null;
}

const RELATIONSHIP_TYPES = /\/(sharedStrings|styles)$/;

/**
 * The shared strings and styles parts the workbook's relationships name, resolved as read-excel-file resolves a
 * target. They only give cells their text and formats; which sheet is read, and its extent, come from us.
 */
export function sharedParts(workbookRelsXml: string): { sharedStrings?: string; styles?: string } {
  const found: { sharedStrings?: string; styles?: string } = {};
  for (const { type, target } of relationships(workbookRelsXml)) {
    const kind = type?.match(RELATIONSHIP_TYPES)?.[1];
    if ((kind === 'sharedStrings' || kind === 'styles') && target && !found[kind]) found[kind] = partPath(target);
  }
  return found;
}

/** Whether the workbook counts dates from 1904 (old Mac files; "1", as the reader reads it): its one setting used. */
export function usesDate1904(workbookXml: string): boolean {
  return /<(?:[\w.-]+:)?workbookPr\b[^>]*\sdate1904\s*=\s*["']1["']/.test(workbookXml);
}
