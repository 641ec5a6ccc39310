import { canonicalKey } from '@/lib/text/canonical-key';
import { normaliseSerial, serialTextProblem } from './parse';

export type RejectedSerial = { serial: string; message: string };
export type AddSerialsResult = {
  /** The new list: `current` itself when nothing was added, so React can skip the update. */
  next: string[];
  added: string[];
  /** Serials already in the list (or twice in the input), by what they read as: flagged, never added a second time. */
  alreadyEntered: string[];
  rejected: RejectedSerial[];
};

/** Appends the new serials in O(current + incoming), skipping duplicates and texts that cannot be stored. */
export function addSerials(current: string[], incoming: string[]): AddSerialsResult {
  const present = new Set(current.map(canonicalKey));
  const added: string[] = [];
  const alreadyEntered = new Set<string>();
  const rejected: RejectedSerial[] = [];
  for (const raw of incoming) {
    const serial = normaliseSerial(raw);
    const problem = serialTextProblem(serial);
    if (problem) rejected.push({ serial, message: problem });
    else if (present.has(canonicalKey(serial))) alreadyEntered.add(serial);
    else {
      present.add(canonicalKey(serial));
      added.push(serial);
    }
  }
  return { next: added.length > 0 ? current.concat(added) : current, added, alreadyEntered: [...alreadyEntered], rejected };
}

/** Removes one entry by position, so one of two identical entries can be removed. */
export function removeSerialAt(current: string[], index: number): string[] {
  return current.filter((_, position) => position !== index);
}

export function removeSerials(current: string[], toRemove: ReadonlySet<string>): string[] {
  return current.filter((serial) => !toRemove.has(serial));
}

function listSome(serials: string[], shown = 3): string {
  if (serials.length <= shown) return serials.join(', ');
  return `${serials.slice(0, shown).join(', ')} and ${(serials.length - shown).toLocaleString('en')} more`;
}

function describeAdded(added: string[]): string {
  if (added.length === 1) return `Added ${added[0]}.`;
  return `Added ${added.length.toLocaleString('en')} serial numbers (${added[0]} – ${added[added.length - 1]}).`;
}

/** One sentence per outcome, for the live region the scanner user hears or glances at. */
export function describeAddResult({ added, alreadyEntered, rejected }: AddSerialsResult): { text: string; isProblem: boolean } {
  const sentences: string[] = [];
  if (added.length > 0) sentences.push(describeAdded(added));
  if (alreadyEntered.length === 1) sentences.push(`${alreadyEntered[0]} is already entered; it was not added again.`);
  else if (alreadyEntered.length > 1) {
    sentences.push(`${listSome(alreadyEntered)} are entered twice; they were not added again.`);
  }
  for (const { message } of rejected.slice(0, 3)) sentences.push(message);
  if (rejected.length > 3) sentences.push(`${rejected.length - 3} more could not be added.`);
  if (sentences.length === 0) sentences.push('Nothing to add.');
  return { text: sentences.join(' '), isProblem: alreadyEntered.length > 0 || rejected.length > 0 };
}
