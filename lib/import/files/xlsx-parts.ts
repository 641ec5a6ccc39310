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

function relationshipTarget(relsXml: string, relationId: string): string | null {
  const relationships = /<(?:[\w.-]+:)?Relationship\b([^>]*)>/g;
  for (let match = relationships.exec(relsXml); match; match = relationships.exec(relsXml)) {
    if (attribute(match[1], /\bId\s*=\s*["']([^"']+)["']/) === relationId) {
      return attribute(match[1], /\bTarget\s*=\s*["']([^"']+)["']/);
    }
  }
  return null;
}

/**
 * Path of the worksheet read-excel-file will read (the first <sheet> of the workbook),
 * resolved exactly as read-excel-file resolves it: "/x" is absolute, anything else is under "xl/".
 */
export function firstSheetPath(workbookXml: string, workbookRelsXml: string): string | null {
  const relationId = firstSheetRelationId(workbookXml);
  const target = relationId ? relationshipTarget(workbookRelsXml, relationId) : null;
  if (!target) return null;
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

const RELATIONSHIP_TYPES = /\/(sharedStrings|styles)$/;

/**
 * The shared strings and styles parts the workbook's relationships name, resolved as read-excel-file resolves a
 * target. They only give cells their text and formats; which sheet is read, and its extent, come from us.
 */
export function sharedParts(workbookRelsXml: string): { sharedStrings?: string; styles?: string } {
  const found: { sharedStrings?: string; styles?: string } = {};
  const relationships = /<(?:[\w.-]+:)?Relationship\b([^>]*)>/g;
  for (let match = relationships.exec(workbookRelsXml); match; match = relationships.exec(workbookRelsXml)) {
    const type = attribute(match[1], /\bType\s*=\s*["']([^"']+)["']/)?.match(RELATIONSHIP_TYPES)?.[1];
    const target = attribute(match[1], /\bTarget\s*=\s*["']([^"']+)["']/);
    if ((type === 'sharedStrings' || type === 'styles') && target && !found[type])
      found[type] = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  }
  return found;
}

/** Whether the workbook counts dates from 1904 (old Mac files; "1", as the reader reads it): its one setting used. */
export function usesDate1904(workbookXml: string): boolean {
  return /<(?:[\w.-]+:)?workbookPr\b[^>]*\sdate1904\s*=\s*["']1["']/.test(workbookXml);
}
