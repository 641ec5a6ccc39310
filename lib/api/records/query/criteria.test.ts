import { describe, expect, it } from 'vitest';
import { parseCriteria } from './criteria';

const cond = (field: string, op: string, value: string, list = [value]) => ({ field, op, value, list });

describe('Zoho criteria parsing', () => {
  it('reads a single condition, with or without parentheses', () => {
    expect(parseCriteria('(Code:equals:ACME-1)')).toEqual(cond('Code', 'equals', 'ACME-1'));
    expect(parseCriteria('Code:equals:ACME-1')).toEqual(cond('Code', 'equals', 'ACME-1'));
  });

  it('combines with and / or and nests groups', () => {
    expect(parseCriteria('((Code:starts_with:PHN)and(Active:equals:true))')).toEqual({
      join: 'and',
      parts: [cond('Code', 'starts_with', 'PHN'), cond('Active', 'equals', 'true')],
    });
    expect(parseCriteria('((A:equals:1)OR((B:equals:2)and(C:equals:3)))')).toEqual({
      join: 'or',
      parts: [cond('A', 'equals', '1'), { join: 'and', parts: [cond('B', 'equals', '2'), cond('C', 'equals', '3')] }],
    });
  });

  it('keeps colons in values and honours escapes; splits in-lists on unescaped commas', () => {
    expect(parseCriteria('(Serial:equals:AA:BB:CC)')).toEqual(cond('Serial', 'equals', 'AA:BB:CC'));
    expect(parseCriteria('(Name:equals:Box \\(large\\))')).toEqual(cond('Name', 'equals', 'Box (large)'));
    expect(parseCriteria('(Code:in:A,B\\,C)')).toEqual(cond('Code', 'in', 'A,B,C', ['A', 'B,C']));
  });

  it('explains what is wrong', () => {
    expect(() => parseCriteria('')).toThrow(/The criteria is empty/);
    expect(() => parseCriteria('(Code:equals:X')).toThrow(/not closed with "\)"/);
    expect(() => parseCriteria('(Code equals X)')).toThrow(/"Code equals X" is not Field:operator:value/);
    expect(() => parseCriteria('((A:equals:1)and(B:equals:2)or(C:equals:3))')).toThrow(/"and" and "or" are mixed/);
    expect(() => parseCriteria('(A:equals:1)xor(B:equals:2)')).toThrow(/unexpected "xor/);
    const eleven = `(${Array.from({ length: 11 }, (_, i) => `(A:equals:${i})`).join('and')})`;
    expect(() => parseCriteria(eleven)).toThrow('The criteria has 11 conditions; at most 10 are allowed.');
  });
});
