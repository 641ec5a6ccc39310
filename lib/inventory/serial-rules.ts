import type { DocumentLineData } from '@/lib/validation/documents';
import type { Problem } from './problems';

export type LineItem = { id: bigint; code: string; trackSerials: boolean };

/**
 * The rules a document's lines must satisfy before touching the database: a tracked line has a whole
 * quantity equal to its serial count, and no serial appears twice for the same item in the document.
 */
export function checkLineSerials(lines: DocumentLineData[], items: Map<bigint, LineItem>): Problem[] {
  const problems: Problem[] = [];
  const seenPerItem = new Map<bigint, Set<string>>();
  lines.forEach((line, index) => {
    const item = items.get(line.itemId);
    if (!item) return;
    if (!item.trackSerials) {
      if (line.serials.length > 0) {
        problems.push({ code: 'NOT_TRACKED', line: index, message: `Item ${item.code} does not track serial numbers; remove the serial numbers from line ${index + 1}.` });
      }
      return;
    }
    if (!/^\d+$/.test(line.quantity)) {
      problems.push({ code: 'NOT_WHOLE', line: index, message: `Item ${item.code}: serial-tracked quantity must be a whole number.` });
      return;
    }
    if (BigInt(line.quantity) !== BigInt(line.serials.length)) {
      problems.push({ code: 'COUNT_MISMATCH', line: index, message: `Item ${item.code} needs ${line.quantity} serial numbers, ${line.serials.length} entered.` });
    }
    const seen = seenPerItem.get(item.id) ?? new Set<string>();
    seenPerItem.set(item.id, seen);
    const reported = new Set<string>();
    for (const serial of line.serials) {
      if (seen.has(serial) && !reported.has(serial)) {
        reported.add(serial);
        problems.push({ code: 'DUPLICATE_IN_DOCUMENT', line: index, serial, message: `Serial ${serial} is entered twice.` });
      }
      seen.add(serial);
    }
  });
  return problems;
}
