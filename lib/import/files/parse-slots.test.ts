import { describe, expect, it } from 'vitest';
import { Slots } from './parse-slots';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('Slots', () => {
  it('runs at most `size` at once, in arrival order, and frees the slot on failure', async () => {
    const slots = new Slots(1);
    const order: string[] = [];
    let concurrent = 0;
    let most = 0;
    const job = (name: string, fail = false) => slots.run(async () => {
      concurrent++;
      most = Math.max(most, concurrent);
      order.push(`start ${name}`);
      await tick();
      concurrent--;
      order.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    });
    const results = await Promise.allSettled([job('a'), job('b', true), job('c')]);
    expect(most).toBe(1);
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect([slots.busy, slots.queued]).toEqual([0, 0]);
  });

  it('lets `size` run side by side', async () => {
    const slots = new Slots(2);
    let concurrent = 0;
    let most = 0;
    await Promise.all([1, 2, 3, 4].map(() => slots.run(async () => { most = Math.max(most, ++concurrent); await tick(); concurrent--; })));
    expect(most).toBe(2);
  });
});
