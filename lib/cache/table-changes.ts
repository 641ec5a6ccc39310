import { getSql } from '@/db/client';

/**
 * Triggers NOTIFY here with the table's name when a row an in-process cache depends on changes (the
 * cache_invalidation migration: a session ends; a user's role, active flag, name or email changes; an API
 * key is revoked or deleted; a setting is written), whoever writes it: another app process, better-auth's
 * own clean-up, an admin in psql. Every app process listens and drops what it remembered of that table.
 */
export const CHANGES_CHANNEL = 'cache_invalidation';

type Registry = { handlers: Map<string, Set<() => void>> };
// On globalThis: page bundles, route handlers and server actions are separate module instances of this file.
const holder = globalThis as unknown as { __serialstockTableChanges?: Registry };
const registry: Registry = (holder.__serialstockTableChanges ??= { handlers: new Map() });

/** Calls `forget` whenever one of `tables` changes (and whenever a notification may have been missed). */
export function onTableChange(tables: readonly string[], forget: () => void): void {
  for (const table of tables) {
    const set = registry.handlers.get(table) ?? new Set();
    set.add(forget);
    registry.handlers.set(table, set);
  }
}

/** What a notification (or a reconnect, when `table` is undefined: anything may have changed) sets off. */
export function tableChanged(table?: string): void {
  const sets = table === undefined ? [...registry.handlers.values()] : [registry.handlers.get(table) ?? new Set()];
  for (const set of sets) for (const forget of set) forget();
}

/**
 * Starts listening; the server does once at its start (lib/startup.ts). Scripts and tests that do not call it
 * keep only the in-process invalidation and each cache's expiry. Until the LISTEN is in place, and while its
 * connection is down, notifications can be missed: every (re)connect counts as a change of everything, and
 * each cache's expiry bounds the rest. Resolves to the function that stops listening.
 */
export async function listenForTableChanges(): Promise<() => Promise<void>> {
  const listener = await getSql().listen(CHANGES_CHANNEL, (table: string) => tableChanged(table), tableChanged);
  return listener.unlisten;
}
