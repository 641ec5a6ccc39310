import { keysOf, linesText, type OtherLinesOf } from '@/lib/serials/merge';

/**
 * What is wrong with the entered list, per serial text: repeats inside the list (they can arrive with a
 * restored draft or a document saved before the rules), serials another line of the same item holds,
 * and the server's answers for serials still in the list. One pass over the list.
 */
export function collectProblems(
  serials: string[],
  otherLinesOf: OtherLinesOf | undefined,
  fromServer: ReadonlyMap<string, string[]>,
) {
  const problems = new Map<string, string[]>();
  const add = (serial: string, message: string) => problems.set(serial, [...(problems.get(serial) ?? []), message]);
  const firstOf = new Map<string, number>();
  const keys = keysOf(serials);
  serials.forEach((serial, index) => {
    const key = keys[index];
    const first = firstOf.get(key);
    if (first === undefined) {
      firstOf.set(key, index);
      const lines = otherLinesOf?.(key) ?? [];
      if (lines.length > 0)
        add(
          serial,
          `${serial} is also entered on ${linesText(lines)}: a serial goes on one line only; remove it here or there.`,
        );
      return;
    }
    const earlier = serials[first];
    add(
      serial,
      earlier === serial
        ? `${serial} is entered twice (no. ${first + 1} and no. ${index + 1} in the list); remove one.`
        : `${serial} looks the same as ${earlier} (no. ${first + 1} in the list): they are one serial; remove one.`,
    );
  });
  const present = new Set(serials);
  for (const [serial, messages] of fromServer)
    if (present.has(serial)) messages.forEach((message) => add(serial, message));
  return problems;
}
