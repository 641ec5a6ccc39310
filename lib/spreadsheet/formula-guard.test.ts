import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from './formula-guard';

describe('neutraliseFormula', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['=1+1', "'=1+1"],
    ['+cmd|/C calc!A0', "'+cmd|/C calc!A0"],
    ['-2+3', "'-2+3"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\t=1', "'\t=1"],
    // The line break also starts a cell of its own in a ; locale, so the text after it is guarded too.
    ['\r=1', "'\r'=1"],
    [';=1+1', ";'=1+1"],
    ['a;-5', "a;'-5"],
    ['x;=1+1', "x;'=1+1"],
    ['x; @SUM(1)', "x;' @SUM(1)"],
    ['x;"=1"', 'x;\'"=1"'],
    ['line\n-2+3', "line\n'-2+3"],
    ['+420 777 123 456', "'+420 777 123 456"],
    ['-', "'-"],
    ['--5', "'--5"],
  ])('neutralises %j', (cell, expected) => {
    expect(neutraliseFormula(cell)).toBe(expected);
  });

  it.each([
    '-5',
    '-12.50',
    '+7',
    '-0,75',
    '-.5',
    '-1e3',
    '',
    'plain',
    '5-3',
    'a=b',
    "'=already",
    'Nut; bolt',
    'two\nlines',
  ])('leaves %j alone', (cell) => {
    expect(neutraliseFormula(cell)).toBe(cell);
  });

  it('guards signed numbers too at the start of a line', () => {
    expect(neutraliseFormula('-5', true)).toBe("'-5");
    expect(neutraliseFormula('5', true)).toBe('5');
  });
});
