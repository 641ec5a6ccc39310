import type { OtherLinesOf } from '@/lib/serials/merge';
import { canonicalKey } from '@/lib/text/canonical-key';
import type { FormLine } from './form-values';

/**
 * For line `index`, which other lines of the same item hold a serial (by canonical key, line numbers from
 * 1): the document's rule is that a serial goes on one line only (lib/inventory/serial-rules.ts says so on
 * save; this lets the serial form say it while scanning). The keys are read once, on the first question.
 */
export function otherLinesOfLine(lines: FormLine[], index: number): OtherLinesOf {
  let byKey: Map<string, number[]> | null = null;
  return (key) => {
    byKey ??= keysOfOtherLines(lines, index);
    return byKey.get(key) ?? [];
  };
}

function keysOfOtherLines(lines: FormLine[], index: number): Map<string, number[]> {
  const itemId = lines[index]?.itemId;
  const byKey = new Map<string, number[]>();
  lines.forEach((line, other) => {
    if (other === index || line.itemId !== itemId) return;
    for (const serial of line.serials ?? []) {
      const key = canonicalKey(serial);
      const found = byKey.get(key);
      if (!found) byKey.set(key, [other + 1]);
      else if (found[found.length - 1] !== other + 1) found.push(other + 1);
    }
  });
  return byKey;
}
