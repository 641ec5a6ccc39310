import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { canonicalKey } from '@/lib/text/canonical-key';
import { addSerials, describeAddResult, keysOf, removeEntry, removeSerialAt, removeSerials } from './merge';
import { generateSerialRange } from './parse';

// Counted, not timed: the canonical key is the costly step, so linear time means a bounded number of keys per
// serial. The wall time of 10,000 + 10,000 is a bench figure (bench/serials-bench.ts, npm run perf:serials).
vi.mock('@/lib/text/canonical-key', async (original) => {
  const actual = await original<typeof import('@/lib/text/canonical-key')>();
  return { ...actual, canonicalKey: vi.fn(actual.canonicalKey) };
});

describe('addSerials', () => {
  it('appends new serials in order and flags those already entered', () => {
    const result = addSerials(['SN-1', 'SN-2'], ['SN-3', ' SN-2 ', 'SN-4', 'SN-3']);
    expect(result.next).toEqual(['SN-1', 'SN-2', 'SN-3', 'SN-4']);
    expect(result.added).toEqual(['SN-3', 'SN-4']);
    expect(result.alreadyEntered).toEqual([
      { serial: 'SN-2', existing: 'SN-2', position: 2 },
      { serial: 'SN-3', existing: 'SN-3', position: 3 },
    ]);
  });
  it('returns the same array when nothing is added, so React skips the update', () => {
    const current = ['SN-1'];
    expect(addSerials(current, ['SN-1']).next).toBe(current);
  });
  it('rejects empty and over-long texts with a message', () => {
    const result = addSerials([], ['', 'x'.repeat(101)]);
    expect(result.next).toEqual([]);
    expect(result.rejected).toHaveLength(2);
  });
  it('does not add a serial another line of the same item holds, and names the lines', () => {
    const otherLines = (key: string) => (key === 'sn-7' ? [1, 3] : []);
    const result = addSerials(['SN-1'], ['SN-7', 'SN-8', 'sn-7'], otherLines);
    expect(result.next).toEqual(['SN-1', 'SN-8']);
    expect(result.onOtherLines).toEqual([
      { serial: 'SN-7', lines: [1, 3] },
      { serial: 'sn-7', lines: [1, 3] },
    ]);
    expect(describeAddResult(addSerials([], ['SN-7'], otherLines))).toEqual({
      text: 'SN-7 is already entered on lines 1 and 3; it was not added here.',
      isProblem: true,
    });
  });
  it('adds 10,000 to 10,000 in linear time: at most one key per listed serial and two per new one', () => {
    const current = generateSerialRange({ prefix: 'A', start: 1, count: 10_000, padTo: 5 });
    const incoming = generateSerialRange({ prefix: 'B', start: 1, count: 10_000, padTo: 5 });
    vi.mocked(canonicalKey).mockClear();
    const result = addSerials(current, [...incoming, 'A00042']);
    expect(result.next).toHaveLength(20_000);
    expect(result.alreadyEntered.map((r) => r.serial)).toEqual(['A00042']);
    expect(vi.mocked(canonicalKey).mock.calls.length).toBeLessThanOrEqual(10_000 + 2 * 10_001);
  });
});

describe('removing', () => {
  it('removes one entry by position, keeping an identical one elsewhere', () => {
    expect(removeSerialAt(['SN-1', 'SN-2', 'SN-1'], 2)).toEqual(['SN-1', 'SN-2']);
  });
  it('removes a set of serials', () => {
    expect(removeSerials(['SN-1', 'SN-2', 'SN-3'], new Set(['SN-1', 'SN-3']))).toEqual(['SN-2']);
  });
});

describe('removeEntry', () => {
  const lists = fc.array(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 30 });

  it('removes the entry at the index when it still reads the serial shown', () => {
    fc.assert(
      fc.property(lists, fc.nat(), (list, n) => {
        const index = n % list.length;
        expect(removeEntry(list, index, list[index])).toEqual(removeSerialAt(list, index));
      }),
    );
  });

  it('removes the serial shown, not what moved under its index, and nothing when it is gone', () => {
    fc.assert(
      fc.property(lists, fc.nat(), (list, n) => {
        const index = n % list.length;
        const shown = list[index];
        const moved = ['NEW', ...list]; // the value changed after the list was drawn
        const next = removeEntry(moved, index, shown);
        expect(next.length).toBe(moved.length - 1);
        expect(next.filter((s) => s === shown).length).toBe(moved.filter((s) => s === shown).length - 1);
        expect(
          removeEntry(
            list.filter((s) => s !== shown),
            index,
            shown,
          ),
        ).toEqual(list.filter((s) => s !== shown));
      }),
    );
  });
});

describe('describeAddResult', () => {
  it('says exactly which serial was entered twice', () => {
    const message = describeAddResult(addSerials(['SN-7'], ['SN-7']));
    expect(message).toEqual({
      text: 'SN-7 is already entered (no. 1 in the list); it was not added again.',
      isProblem: true,
    });
    expect(describeAddResult(addSerials(['SN-1', 'SN-7'], ['sn-7'])).text).toBe(
      'sn-7 looks the same as SN-7, already entered (no. 2 in the list); it was not added again.',
    );
  });
  it('summarises an added range and many duplicates', () => {
    expect(describeAddResult(addSerials([], ['SN-1', 'SN-2', 'SN-3'])).text).toBe(
      'Added 3 serial numbers (SN-1 – SN-3).',
    );
    const message = describeAddResult(addSerials(['A', 'B', 'C', 'D', 'E'], ['A', 'B', 'C', 'D', 'E', 'F']));
    expect(message.text).toBe('Added F. A, B, C and 2 more are already entered; they were not added again.');
  });
  it('passes on why a serial was refused', () => {
    expect(describeAddResult(addSerials([], ['x'.repeat(101)])).text).toMatch(/at most 100 characters/);
  });
});

describe('keysOf', () => {
  it('gives every serial its canonical key, whatever lists came before', () => {
    const serial = fc.constantFrom('SN-1', 'sn-1', 'SN-2', 'ＳＮ-3', 'SN-O4', 'SN-04', 'x');
    fc.assert(
      fc.property(fc.array(fc.array(serial, { maxLength: 12 }), { minLength: 1, maxLength: 6 }), (lists) => {
        for (const list of lists) expect(keysOf(list)).toEqual(list.map((s) => canonicalKey(s)));
      }),
    );
  });

  it('computes keys only past the beginning shared with the last list: one key per scan', () => {
    const list = generateSerialRange({ prefix: 'KEY-', start: 1, count: 1000, padTo: 5 });
    keysOf(list);
    vi.mocked(canonicalKey).mockClear();
    const scanned = [...list, 'KEY-NEW'];
    expect(keysOf(scanned).at(-1)).toBe(canonicalKey('KEY-NEW'));
    expect(vi.mocked(canonicalKey).mock.calls.length).toBe(2);
  });
});
