import { canonicalKey } from '@/lib/text/canonical-key';
import type { DocumentLineData } from '@/lib/validation/documents';
import type { Problem } from './problems';

export type LineItem = { id: bigint; code: string; trackSerials: boolean };

/**
 * The rules a document's lines must satisfy before touching the database: a tracked line has a whole
 * quantity equal to its serial count, and no serial appears twice for the same item in the document —
 * twice meaning the same canonical key: `ABC1` and `abc1` are one serial entered twice.
 */
export function checkLineSerials(lines: DocumentLineData[], items: Map<bigint, LineItem>): Problem[] {
  const problems: Problem[] = [];
  const seenPerItem = new Map<bigint, Map<string, { serial: string; line: number }>>();
  lines.forEach((line, index) => {
    const item = items.get(line.itemId);
    if (!item) return;
    if (!item.trackSerials) {
      if (line.serials.length > 0) {
        problems.push({
          code: 'NOT_TRACKED',
          line: index,
          message: `Item ${item.code} does not track serial numbers; remove the serial numbers from line ${index + 1}.`,
        });
      }
      return;
    }
    if (!/^\d+$/.test(line.quantity)) {
      problems.push({
        code: 'NOT_WHOLE',
        line: index,
        message: `Item ${item.code}: serial-tracked quantity must be a whole number.`,
      });
      return;
    }
    if (BigInt(line.quantity) !== BigInt(line.serials.length)) {
      problems.push({
        code: 'COUNT_MISMATCH',
        line: index,
        message: `Item ${item.code} needs ${line.quantity} serial numbers, ${line.serials.length} entered.`,
      });
    }
    const seen = seenPerItem.get(item.id) ?? new Map<string, { serial: string; line: number }>();
    seenPerItem.set(item.id, seen);
    const reported = new Set<string>();
    for (const serial of line.serials) {
      const key = canonicalKey(serial);
      const first = seen.get(key);
      if (first && !reported.has(key)) {
        reported.add(key);
        problems.push({
          code: 'DUPLICATE_IN_DOCUMENT',
          line: index,
          serial,
          message: duplicateMessage(serial, first, index),
        });
      }
      if (!first) seen.set(key, { serial, line: index });
    }
  });
  return problems;
}

function duplicateMessage(serial: string, first: { serial: string; line: number }, line: number): string {
  const where = first.line === line ? `on line ${line + 1}` : `on lines ${first.line + 1} and ${line + 1}`;
  return first.serial === serial
    ? `Serial ${serial} is entered twice ${where}.`
    : `Serial ${serial} looks the same as ${first.serial}: they are one serial, entered twice ${where}.`;
}
