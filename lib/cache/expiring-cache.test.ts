import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExpiringCache } from './expiring-cache';

describe('ExpiringCache', () => {
  it('answers an entry until its time, then forgets it', () => {
    let now = 1_000;
    const cache = new ExpiringCache<string>(10, () => now);
    cache.set('a', 'A', 1_500, cache.generation());
    expect(cache.get('a')).toBe('A');
    now = 1_499;
    expect(cache.get('a')).toBe('A');
    now = 1_500;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('does not store a value read before a clear (the fact changed while it was being read)', () => {
    const cache = new ExpiringCache<string>(10, () => 0);
    const before = cache.generation();
    cache.clear();
    cache.set('a', 'stale', 100, before);
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', 'fresh', 100, cache.generation());
    expect(cache.get('a')).toBe('fresh');
  });

  it('stores nothing already expired, and drops the oldest written entry when full', () => {
    const cache = new ExpiringCache<number>(2, () => 10);
    cache.set('old', 1, 10, cache.generation());
    expect(cache.get('old')).toBeUndefined();
    cache.set('a', 1, 20, cache.generation());
    cache.set('b', 2, 20, cache.generation());
    cache.set('a', 3, 20, cache.generation());
    cache.set('c', 4, 20, cache.generation());
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([3, undefined, 4]);
  });

  it('agrees with a plain model over any sequence of sets, clears and clock steps', () => {
    type Op =
      | { op: 'set'; key: string; ttl: number; stale: boolean }
      | { op: 'clear' }
      | { op: 'tick'; ms: number }
      | { op: 'get'; key: string };
    const key = fc.constantFrom('a', 'b', 'c', 'd');
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ op: fc.constant('set' as const), key, ttl: fc.integer({ min: -5, max: 50 }), stale: fc.boolean() }),
      fc.record({ op: fc.constant('clear' as const) }),
      fc.record({ op: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 30 }) }),
      fc.record({ op: fc.constant('get' as const), key }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        let now = 0;
        const cache = new ExpiringCache<number>(100, () => now);
        const model = new Map<string, { value: number; until: number }>();
        ops.forEach((o, value) => {
          if (o.op === 'tick') now += o.ms;
          if (o.op === 'clear') {
            cache.clear();
            model.clear();
          }
          if (o.op === 'set') {
            // A stale set carries the generation from before the last clear: it must change nothing.
            const generation = o.stale ? cache.generation() - 1 : cache.generation();
            cache.set(o.key, value, now + o.ttl, generation);
            if (!o.stale && o.ttl > 0) model.set(o.key, { value, until: now + o.ttl });
          }
          if (o.op === 'get') {
            const entry = model.get(o.key);
            expect(cache.get(o.key)).toBe(entry && entry.until > now ? entry.value : undefined);
          }
        });
      }),
    );
  });
});
