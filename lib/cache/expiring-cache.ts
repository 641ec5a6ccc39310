/**
 * A small in-process map whose entries expire at a time given per entry, for facts every request would
 * otherwise read again (who a session token is, a setting). Built for invalidation that cannot lose a race:
 * a caller takes `generation()` before it reads the database and hands it to `set`; a `clear()` in between
 * (the fact changed while the read was under way) makes that `set` a no-op, so a value read before a change
 * is never stored after the change was announced.
 */
export class ExpiringCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  private currentGeneration = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > this.now()) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  generation(): number {
    return this.currentGeneration;
  }

  /** Keeps `value` until `until` (ms since the epoch), unless the cache was cleared since `generation`. */
  set(key: string, value: V, until: number, generation: number): void {
    if (generation !== this.currentGeneration || until <= this.now()) return;
    // Re-inserting moves the key to the end of the Map's order, so the first key is the oldest written.
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, until });
  }

  clear(): void {
    this.currentGeneration += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
