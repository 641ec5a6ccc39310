import { canonicalKey } from '@/lib/text/canonical-key';
import { normaliseSerial, serialTextProblem } from './parse';
import { formatCount } from '@/lib/format';

export type RejectedSerial = { serial: string; message: string };
/**
 * A serial that reads as one already entered: `existing` is the text held, `position` its place in the list (from 1).
 */
export type RepeatedSerial = { serial: string; existing: string; position: number };
/** A serial that reads as one entered on other lines of the document for the same item (line numbers from 1). */
export type SerialOnOtherLines = { serial: string; lines: number[] };
/** For a canonical key, the other lines of the document that hold it for the same item; empty when none. */
export type OtherLinesOf = (key: string) => number[];

export type AddSerialsResult = {
  /** The new list: `current` itself when nothing was added, so React can skip the update. */
  next: string[];
  added: string[];
  /** Serials already in the list (or twice in the input), by what they read as: flagged, never added a second time. */
  alreadyEntered: RepeatedSerial[];
  /** Serials already on another line of the same item: a serial goes on one line only, so they are not added. */
  onOtherLines: SerialOnOtherLines[];
  rejected: RejectedSerial[];
};

const noOtherLines: OtherLinesOf = () => [];

/**
 * The last list whose keys were computed, and its keys. A scan adds one serial to a list of thousands, and the form
 * asks for the keys of the whole list several times per scan (adding, then the problems): the unchanged beginning of
 * the list takes its keys from here (a string comparison each, instead of a canonical key each).
 */
let lastKeys: { list: string[]; keys: string[] } | null = null;

/** The canonical key of each serial of `list`, in order (reusing the keys of the last list's common beginning). */
export function keysOf(list: readonly string[]): string[] {
  const keys: string[] = new Array(list.length);
  let i = 0;
  if (lastKeys) {
    const shared = Math.min(lastKeys.list.length, list.length);
    while (i < shared && lastKeys.list[i] === list[i]) {
      keys[i] = lastKeys.keys[i];
      i++;
    }
  }
  for (; i < list.length; i++) keys[i] = canonicalKey(list[i]);
  lastKeys = { list: list.slice(), keys };
  return keys;
}

/**
 * Appends the new serials in O(current + incoming), skipping repeats, serials of other lines and texts that cannot be
 * stored.
 */
export function addSerials(
  current: string[],
  incoming: string[],
  otherLinesOf: OtherLinesOf = noOtherLines,
): AddSerialsResult {
  const present = new Map<string, number>();
  keysOf(current).forEach((key, index) => {
    if (!present.has(key)) present.set(key, index);
  });
  const all = current.slice();
  const result: Omit<AddSerialsResult, 'next'> = { added: [], alreadyEntered: [], onOtherLines: [], rejected: [] };
  for (const raw of incoming) {
    const serial = normaliseSerial(raw);
    const problem = serialTextProblem(serial);
    if (problem) {
      result.rejected.push({ serial, message: problem });
      continue;
    }
    const key = canonicalKey(serial);
    const index = present.get(key);
    const lines = index === undefined ? otherLinesOf(key) : [];
    if (index !== undefined) result.alreadyEntered.push({ serial, existing: all[index], position: index + 1 });
    else if (lines.length > 0) result.onOtherLines.push({ serial, lines });
    else {
      present.set(key, all.length);
      all.push(serial);
      result.added.push(serial);
    }
  }
  return { next: result.added.length > 0 ? all : current, ...result };
}

/** Removes one entry by position, so one of two identical entries can be removed. */
export function removeSerialAt(current: string[], index: number): string[] {
  return current.filter((_, position) => position !== index);
}

/**
 * Removes the entry at `index` when it still reads `serial`, else the serial's first entry: the list on screen may
 * be a moment older than the value (it renders deferred), and a remove must take what the person saw, or nothing.
 */
export function removeEntry(current: string[], index: number, serial: string): string[] {
  const at = current[index] === serial ? index : current.indexOf(serial);
  return at < 0 ? current : removeSerialAt(current, at);
}

export function removeSerials(current: string[], toRemove: ReadonlySet<string>): string[] {
  return current.filter((serial) => !toRemove.has(serial));
}

function listSome(serials: string[], shown = 3): string {
  if (serials.length <= shown) return serials.join(', ');
  return `${serials.slice(0, shown).join(', ')} and ${formatCount(serials.length - shown)} more`;
}

/** "line 2", "lines 2 and 4", "lines 1, 2 and 4". */
export function linesText(lines: number[]): string {
  if (lines.length === 1) return `line ${lines[0]}`;
  return `lines ${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}`;
}

function describeAdded(added: string[]): string {
  if (added.length === 1) return `Added ${added[0]}.`;
  return `Added ${formatCount(added.length)} serial numbers (${added[0]} – ${added[added.length - 1]}).`;
}

/** A scanner user looks up only after a beep: the sentence says what was entered, where, and that nothing was added. */
function describeRepeats(repeats: RepeatedSerial[]): string | null {
  if (repeats.length === 0) return null;
  if (repeats.length > 1)
    return `${listSome(repeats.map((r) => r.serial))} are already entered; they were not added again.`;
  const [{ serial, existing, position }] = repeats;
  const where = `no. ${formatCount(position)} in the list`;
  return serial === existing
    ? `${serial} is already entered (${where}); it was not added again.`
    : `${serial} looks the same as ${existing}, already entered (${where}); it was not added again.`;
}

function describeOtherLines(found: SerialOnOtherLines[]): string | null {
  if (found.length === 0) return null;
  if (found.length > 1)
    return `${listSome(found.map((f) => f.serial))} are already entered on other lines; they were not added here.`;
  return `${found[0].serial} is already entered on ${linesText(found[0].lines)}; it was not added here.`;
}

/** One sentence per outcome, for the live region the scanner user hears or glances at. */
export function describeAddResult({ added, alreadyEntered, onOtherLines, rejected }: AddSerialsResult): {
  text: string;
  isProblem: boolean;
} {
  const sentences: string[] = [];
  if (added.length > 0) sentences.push(describeAdded(added));
  for (const sentence of [describeRepeats(alreadyEntered), describeOtherLines(onOtherLines)])
    if (sentence) sentences.push(sentence);
  for (const { message } of rejected.slice(0, 3)) sentences.push(message);
  if (rejected.length > 3) sentences.push(`${rejected.length - 3} more could not be added.`);
  if (sentences.length === 0) sentences.push('Nothing to add.');
  return { text: sentences.join(' '), isProblem: alreadyEntered.length + onOtherLines.length + rejected.length > 0 };
}
