import { describe, expect, it } from 'vitest';
import { addSerials, describeAddResult, removeSerialAt, removeSerials } from './merge';
import { generateSerialRange } from './parse';

describe('addSerials', () => {
  it('appends new serials in order and flags those already entered', () => {
    const result = addSerials(['SN-1', 'SN-2'], ['SN-3', ' SN-2 ', 'SN-4', 'SN-3']);
    expect(result.next).toEqual(['SN-1', 'SN-2', 'SN-3', 'SN-4']);
    expect(result.added).toEqual(['SN-3', 'SN-4']);
    expect(result.alreadyEntered).toEqual([{ serial: 'SN-2', existing: 'SN-2', position: 2 }, { serial: 'SN-3', existing: 'SN-3', position: 3 }]);
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
    expect(result.onOtherLines).toEqual([{ serial: 'SN-7', lines: [1, 3] }, { serial: 'sn-7', lines: [1, 3] }]);
    expect(describeAddResult(addSerials([], ['SN-7'], otherLines)))
      .toEqual({ text: 'SN-7 is already entered on lines 1 and 3; it was not added here.', isProblem: true });
  });
  it('adds 10,000 to 10,000 quickly', () => {
    const current = generateSerialRange({ prefix: 'A', start: 1, count: 10_000, padTo: 5 });
    const incoming = generateSerialRange({ prefix: 'B', start: 1, count: 10_000, padTo: 5 });
    const started = performance.now();
    expect(addSerials(current, incoming).next).toHaveLength(20_000);
    expect(performance.now() - started).toBeLessThan(200);
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

describe('describeAddResult', () => {
  it('says exactly which serial was entered twice', () => {
    const message = describeAddResult(addSerials(['SN-7'], ['SN-7']));
    expect(message).toEqual({ text: 'SN-7 is already entered (no. 1 in the list); it was not added again.', isProblem: true });
    expect(describeAddResult(addSerials(['SN-1', 'SN-7'], ['sn-7'])).text)
      .toBe('sn-7 looks the same as SN-7, already entered (no. 2 in the list); it was not added again.');
  });
  it('summarises an added range and many duplicates', () => {
    expect(describeAddResult(addSerials([], ['SN-1', 'SN-2', 'SN-3'])).text).toBe('Added 3 serial numbers (SN-1 – SN-3).');
    const message = describeAddResult(addSerials(['A', 'B', 'C', 'D', 'E'], ['A', 'B', 'C', 'D', 'E', 'F']));
    expect(message.text).toBe('Added F. A, B, C and 2 more are already entered; they were not added again.');
  });
  it('passes on why a serial was refused', () => {
    expect(describeAddResult(addSerials([], ['x'.repeat(101)])).text).toMatch(/at most 100 characters/);
  });
});
