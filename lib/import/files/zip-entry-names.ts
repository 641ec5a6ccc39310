import { ProtocolError } from '@/lib/errors';

/** Archive members that are clutter from the tool that built the ZIP, never data. */
export function isJunkEntry(name: string): boolean {
  const baseName = name.slice(name.lastIndexOf('/') + 1);
  return (
    name.startsWith('__MACOSX/') ||
    name.includes('/__MACOSX/') ||
    baseName === '.DS_Store' ||
    baseName === 'Thumbs.db' ||
    baseName === 'desktop.ini'
  );
}

export function isDirectoryEntry(name: string): boolean {
  return name.endsWith('/');
}

/**
 * Normalises an entry name and refuses any that could point outside the archive when
 * extracted: absolute paths, drive letters, UNC paths and `..` segments. Backslashes count
 * as separators, because a Windows tool would treat them so.
 */
export function checkedEntryName(rawName: string): string {
  if (rawName.includes('\0')) {
    throw new ProtocolError('INVALID_FILE_FORMAT', 'A ZIP entry name contains a NUL character; refused.');
  }
  const name = rawName.replace(/\\/g, '/');
  const leavesArchive =
    name.startsWith('/') || /^[a-zA-Z]:/.test(name) || name.split('/').some((segment) => segment === '..');
  if (leavesArchive) {
    throw new ProtocolError(
      'INVALID_FILE_FORMAT',
      `The ZIP entry '${rawName}' has a path that leaves the archive; refused.`,
    );
  }
  return name;
}

export function isZipFileName(name: string): boolean {
  return name.toLowerCase().endsWith('.zip');
}
