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
    ['\r=1', "'\r=1"],
    ['+420 777 123 456', "'+420 777 123 456"],
    ['-', "'-"],
    ['--5', "'--5"],
  ])('neutralises %j', (cell, expected) => {
    expect(neutraliseFormula(cell)).toBe(expected);
  });

  it.each(['-5', '-12.50', '+7', '-0,75', '-.5', '-1e3', '', 'plain', '5-3', 'a=b', "'=already"])(
    'leaves %j alone',
    (cell) => {
      expect(neutraliseFormula(cell)).toBe(cell);
    },
  );
});
