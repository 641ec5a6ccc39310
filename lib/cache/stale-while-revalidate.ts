/**
 * A value that is expensive to compute and may be a little old, kept per process. Younger than `freshMs` it is
 * served as is; up to `maxAgeMs` it is served while one background call recomputes it; older (or never
 * computed) the caller waits for the computation. So an answer is never older than `maxAgeMs`, and under
 * steady traffic only one request in `freshMs` pays for the computation, and it does not wait for it.
 * Concurrent callers share one computation. A failed background refresh keeps the old value (still bounded by
 * `maxAgeMs`); a failed awaited one rejects every caller waiting for it and is retried by the next.
 */
export type StaleWhileRevalidate<T> = {
  get: () => Promise<{ value: T; computedAt: number }>;
};

export function staleWhileRevalidate<T>(
  compute: () => Promise<T>,
  { freshMs, maxAgeMs, now = Date.now }: { freshMs: number; maxAgeMs: number; now?: () => number },
): StaleWhileRevalidate<T> {
  let current: { value: T; computedAt: number } | null = null;
  let running: Promise<{ value: T; computedAt: number }> | null = null;

  const refresh = () => {
    running ??= (async () => {
      const startedAt = now();
      try {
        const value = await compute();
        // The age counts from the start: the figures are as of the moment the computation began.
        current = { value, computedAt: startedAt };
        return current;
      } finally {
        running = null;
      }
    })();
    return running;
  };

  return {
    get: async () => {
      const age = current ? now() - current.computedAt : Infinity;
      if (current && age < freshMs) return current;
      if (current && age < maxAgeMs) {
        refresh().catch(() => {});
        return current;
      }
      return refresh();
    },
  };
}

/** One StaleWhileRevalidate per key (e.g. per set of document kinds a viewer may read), created on first use. */
export function keyedStaleWhileRevalidate<K, T>(
  compute: (key: K) => Promise<T>,
  options: { freshMs: number; maxAgeMs: number; now?: () => number },
  keyOf: (key: K) => string = (key) => JSON.stringify(key),
): (key: K) => Promise<{ value: T; computedAt: number }> {
  const byKey = new Map<string, StaleWhileRevalidate<T>>();
  return (key) => {
    const id = keyOf(key);
    let entry = byKey.get(id);
    if (!entry) {
      entry = staleWhileRevalidate(() => compute(key), options);
      byKey.set(id, entry);
    }
    return entry.get();
  };
}
