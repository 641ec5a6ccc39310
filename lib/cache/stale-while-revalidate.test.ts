import { describe, expect, it } from 'vitest';
import { keyedStaleWhileRevalidate, staleWhileRevalidate } from './stale-while-revalidate';

/** A computation whose calls are counted and whose answers are released by hand. */
function controlled() {
  const pending: { resolve: (v: number) => void; reject: (e: Error) => void }[] = [];
  let calls = 0;
  const compute = () =>
    new Promise<number>((resolve, reject) => {
      calls++;
      pending.push({ resolve, reject });
    });
  return { compute, pending, calls: () => calls };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('staleWhileRevalidate', () => {
  it('computes once for concurrent first callers, then serves the value while it is fresh', async () => {
    let clock = 1000;
    const c = controlled();
    const cache = staleWhileRevalidate(c.compute, { freshMs: 10, maxAgeMs: 60, now: () => clock });
    const both = Promise.all([cache.get(), cache.get()]);
    c.pending[0].resolve(7);
    expect((await both).map((r) => r.value)).toEqual([7, 7]);
    clock += 9;
    expect((await cache.get()).value).toBe(7);
    expect(c.calls()).toBe(1);
  });

  it('serves the stale value at once and refreshes it in the background, one refresh at a time', async () => {
    let clock = 0;
    const c = controlled();
    const cache = staleWhileRevalidate(c.compute, { freshMs: 10, maxAgeMs: 60, now: () => clock });
    const first = cache.get();
    c.pending[0].resolve(1);
    await first;
    clock = 30;
    expect(await cache.get()).toEqual({ value: 1, computedAt: 0 });
    expect(await cache.get()).toEqual({ value: 1, computedAt: 0 });
    expect(c.calls()).toBe(2);
    c.pending[1].resolve(2);
    await flush();
    expect(await cache.get()).toEqual({ value: 2, computedAt: 30 });
  });

  it('never serves a value older than maxAgeMs: the caller waits for a new one', async () => {
    let clock = 0;
    const c = controlled();
    const cache = staleWhileRevalidate(c.compute, { freshMs: 10, maxAgeMs: 60, now: () => clock });
    const first = cache.get();
    c.pending[0].resolve(1);
    await first;
    clock = 60;
    const waiting = cache.get();
    let settled = false;
    void waiting.then(() => (settled = true));
    await flush();
    expect(settled).toBe(false);
    c.pending[1].resolve(2);
    expect((await waiting).value).toBe(2);
  });

  it('keeps the old value when a background refresh fails, and rejects a waiting caller on failure', async () => {
    let clock = 0;
    const c = controlled();
    const cache = staleWhileRevalidate(c.compute, { freshMs: 10, maxAgeMs: 60, now: () => clock });
    const first = cache.get();
    c.pending[0].reject(new Error('down'));
    await expect(first).rejects.toThrow('down');
    const second = cache.get();
    c.pending[1].resolve(5);
    expect((await second).value).toBe(5);
    clock = 20;
    expect((await cache.get()).value).toBe(5);
    c.pending[2].reject(new Error('down again'));
    await flush();
    expect((await cache.get()).value).toBe(5);
    expect(c.calls()).toBe(4);
  });
});

describe('keyedStaleWhileRevalidate', () => {
  it('keeps one value per key', async () => {
    const seen: string[] = [];
    const get = keyedStaleWhileRevalidate(
      async (kinds: string[]) => {
        seen.push(kinds.join('+'));
        return kinds.length;
      },
      { freshMs: 1000, maxAgeMs: 2000 },
      (kinds) => [...kinds].sort().join(','),
    );
    expect((await get(['b', 'a'])).value).toBe(2);
    expect((await get(['a', 'b'])).value).toBe(2);
    expect((await get(['a'])).value).toBe(1);
    expect(seen).toEqual(['b+a', 'a']);
  });
});
