/*
 * Drafts of unsaved forms in the browser's local storage, so a reload, a crash of the tab or Back does not
 * cost a warehouse clerk the serials scanned so far. Every key starts with PREFIX and names the user:
 * on a shared phone, one clerk is never offered another's draft, and signing out removes them all.
 */
const PREFIX = 'serialstock:draft:';

export type StoredDraft<T> = { savedAt: string; version: number | null; data: T };

export function draftKey(owner: string, form: string): string {
  return `${PREFIX}${owner}:${form}`;
}

export function readDraft<T>(key: string): StoredDraft<T> | null {
  try {
    const text = window.localStorage.getItem(key);
    if (!text) return null;
    const parsed = JSON.parse(text) as StoredDraft<T>;
    return parsed && typeof parsed === 'object' && 'data' in parsed ? parsed : null;
  } catch {
    return null; // storage blocked (private mode) or a damaged entry: as if there were none
  }
}

/** False when the browser refused it (storage full or blocked): the caller says the draft is not kept. */
export function writeDraft<T>(key: string, draft: StoredDraft<T>): boolean {
  try {
    window.localStorage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function removeDraft(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // nothing kept, nothing to remove
  }
}

/** Signing out: no draft of anyone stays on the device. */
export function removeAllDrafts(): void {
  try {
    const keys = Array.from({ length: window.localStorage.length }, (_, i) => window.localStorage.key(i));
    for (const key of keys) if (key?.startsWith(PREFIX)) window.localStorage.removeItem(key);
  } catch {
    // storage blocked: there are no drafts
  }
}
