import { describe, expect, it } from 'vitest';
import { collectProblems } from './serial-problems';

describe('collectProblems', () => {
  it('says which entries repeat which, by position, and that one must go', () => {
    const problems = collectProblems(['SN-7', 'SN-8', 'SN-7', 'sn-8'], undefined, new Map());
    expect(problems.get('SN-7')).toEqual(['SN-7 is entered twice (no. 1 and no. 3 in the list); remove one.']);
    expect(problems.get('sn-8')).toEqual([
      'sn-8 looks the same as SN-8 (no. 2 in the list): they are one serial; remove one.',
    ]);
    expect(problems.has('SN-8')).toBe(false);
  });

  it("names the other lines holding the serial, and keeps the server's answers for serials still entered", () => {
    const otherLines = (key: string) => (key === 'a-1' ? [2] : []);
    const server = new Map([
      ['A-1', ['Serial A-1 of item X is already in stock.']],
      ['GONE', ['removed since']],
    ]);
    const problems = collectProblems(['A-1', 'B-1'], otherLines, server);
    expect(problems.get('A-1')).toEqual([
      'A-1 is also entered on line 2: a serial goes on one line only; remove it here or there.',
      'Serial A-1 of item X is already in stock.',
    ]);
    expect([...problems.keys()]).toEqual(['A-1']);
  });
});
